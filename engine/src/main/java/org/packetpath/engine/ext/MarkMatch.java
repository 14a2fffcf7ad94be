package org.packetpath.engine.ext;

import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;

/** The {@code mark} and {@code connmark} matches: the packet's or its connection's mark. */
final class MarkMatch {
  private MarkMatch() {}


  private static ModuleSpec mark(String module) {
    return ModuleSpec.match(
            module, OptionSpec.one("--mark", a -> markMask(a, module)).negatable())
        .withRules(OptionRules.of("--mark").mandatory("--mark"));
  }

  static ModuleSpec markSpec() {
    return mark("mark").meaning(options -> Meanings.perOption(options,
        o -> masked(Field.MARK, o.arg())));
  }

  /**
   * The connection's mark, masked, equals the value. A packet without a connection (in the raw
   * table, untracked, or with connection tracking off) does not match, with or without {@code !}.
   */
  static ModuleSpec connmarkSpec() {
    return mark("connmark").meaning(options -> Condition.all(new Condition.HasConnection(),
        Meanings.perOption(options, o -> masked(Field.CONNMARK, o.arg()))));
  }

  /** {@code value[/mask]}: the field, masked, equals the value (which is not masked). */
  private static Condition masked(Field field, String canonical) {
    long[] vm = Meanings.valueMask(canonical);
    return new Condition.FieldIn(field, vm[1], IntervalSet.of(vm[0]));
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** {@code value[/mask]}, 32-bit numbers in any C base; printed in hex, a full mask left out. */
  static String markMask(String text, String module) throws ArgException {
    long max = 0xffffffffL;
    Optional<CNumbers.Parsed> value = CNumbers.strtoui(text, 0, max);
    if (value.isEmpty()) {
      throw badMark(module);
    }
    long mask = max;
    int end = value.get().end();
    if (end < text.length() && text.charAt(end) == '/') {
      Optional<CNumbers.Parsed> m = CNumbers.strtoui(text, end + 1, max);
      if (m.isEmpty()) {
        throw badMark(module);
      }
      mask = m.get().value();
      end = m.get().end();
    }
    if (end != text.length()) {
      throw new ArgException(
              module + ": trailing garbage after value for option \"--mark\".")
          .explained("write the mark as a number with an optional /mask, as in 0x10/0xff");
    }
    String printed = Args.hex(value.get().value());
    return mask == max ? printed : printed + "/" + Args.hex(mask);
  }

  private static ArgException badMark(String module) {
    return new ArgException(
            module + ": bad integer value for option \"--mark\", or out of range.")
        .explained("a mark is a number from 0 to 0xffffffff, optionally with a /mask");
  }
}

package org.packetpath.engine.ext;

import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;

/** The {@code mark} and {@code connmark} matches: the packet's or its connection's mark. */
final class MarkMatch {
  private MarkMatch() {}


  private static ModuleSpec mark(String module) {
    return ModuleSpec.match(
            module, OptionSpec.one("--mark", a -> PacketArgs.markMask(a, module)).negatable())
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
}

package org.packetpath.engine.ext;

import java.util.Optional;
import org.packetpath.engine.rules.Option;

/** The option readers the target extensions share, on {@link CNumbers}, with iptables' words. */
final class TargetArgs {
  private TargetArgs() {}

  static final long U32 = 0xffffffffL;

  /**
   * The number at the start of {@code text} as {@code xtables_strtoul} reads it (leading blanks
   * and {@code +} allowed, {@code 0x} hex, leading-zero octal, anything may follow), if there is
   * one and it lies in {@code min..max}.
   */
  static Optional<CNumbers.Parsed> strtoul(String text, long min, long max) {
    return CNumbers.strtoul(text, 0).filter(p -> p.value() >= min && p.value() <= max);
  }

  /** A whole-text number in {@code 0..max}, or iptables' "bad value" error. */
  static long whole(String module, String option, String text, long max) throws ArgException {
    Optional<CNumbers.Parsed> n = strtoul(text, 0, max);
    if (n.isEmpty() || n.get().end() != text.length()) {
      throw new ArgException(module + ": bad value for option \"" + option
          + "\", or out of range (0-" + max + ").")
          .explained(option + " takes a number from 0 to " + max + " (decimal, or hex as 0x..)");
    }
    return n.get().value();
  }

  /** An option taking a number in {@code 0..max}, printed in hex or decimal. */
  static OptionSpec number(String module, String option, long max, boolean hex) {
    return OptionSpec.one(option, text -> {
      long value = whole(module, option, text, max);
      return hex ? Args.hex(value) : Long.toString(value);
    });
  }

  /** {@code value[/mask]} of 32-bit numbers as {@code 0xVALUE/0xMASK}, mask default all ones. */
  static OptionSpec markMask(String module, String option) {
    return OptionSpec.one(option, text -> {
      ArgException bad = new ArgException(module + ": bad integer value for option \"" + option
          + "\", or out of range.")
          .explained(option + " takes value[/mask], each a 32-bit number such as 0x10/0xff");
      Optional<CNumbers.Parsed> value = strtoul(text, 0, U32);
      if (value.isEmpty()) {
        throw bad;
      }
      String rest = text.substring(value.get().end());
      long mask = U32;
      if (!rest.isEmpty() && rest.charAt(0) == '/') {
        Optional<CNumbers.Parsed> m = strtoul(rest.substring(1), 0, U32);
        if (m.isEmpty()) {
          throw bad;
        }
        mask = m.get().value();
        rest = rest.substring(1 + m.get().end());
      }
      if (!rest.isEmpty()) {
        throw new ArgException(module + ": trailing garbage after value for option \"" + option
            + "\".")
            .explained("unexpected \"" + rest + "\": write value or value/mask");
      }
      return Args.hex(value.get().value()) + "/" + Args.hex(mask);
    });
  }

  /** {value, mask} of a canonical {@code 0xV/0xM} (mask all ones without one). */
  static long[] valueMask(Option option) {
    return Meanings.valueMask(option.arg());
  }

  /** The value of a canonical number option. */
  static long value(Option option) {
    return Meanings.number(option.arg());
  }

  /** A rule the kernel refuses when it is loaded, with iptables-restore's message. */
  static ArgException kernelRefusal(RuleContext rule, String reason) {
    return new ArgException("RULE_APPEND failed (Invalid argument): rule in chain "
        + rule.chain()).explained(reason);
  }

  /**
   * Fails as the kernel does when {@code target}, which changes TCP headers, is used in a rule
   * without {@code -p tcp}; {@code hint} tells learners what to do.
   */
  static void requireTcp(RuleContext rule, String target, String hint) throws ArgException {
    Args.requireProtocol(rule, target + " target", "tcp", 6, hint);
  }
}

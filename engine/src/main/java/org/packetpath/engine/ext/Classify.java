package org.packetpath.engine.ext;

import java.math.BigInteger;
import java.util.Locale;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;

/**
 * The {@code CLASSIFY} target: set the packet's priority, the traffic-control class it is
 * queued in as it leaves. No rule can match on it, so the simulator changes nothing.
 */
final class Classify {
  private Classify() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("CLASSIFY", OptionSpec.one("--set-class", Classify::handle))
        .onlyFrom(Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING)
        .withRules(OptionRules.of("--set-class").mandatory("--set-class"))
        .does(options -> new Action.Continue("CLASSIFY", "sets the traffic-control class the"
            + " packet is queued in when it leaves, " + options.get(0).arg(), false));
  }

  private static final BigInteger ULONG = BigInteger.ONE.shiftLeft(64);

  /**
   * {@code MAJOR:MINOR} as {@code sscanf("%x:%x")} reads it: each a hex number (blanks, a sign
   * and {@code 0x} allowed, anything may follow the minor), of which the low 16 bits are kept;
   * printed as four hex digits each.
   */
  private static String handle(String text) throws ArgException {
    CNumbers.Scan major = CNumbers.scan(text, 0, 16);
    CNumbers.Scan minor = major.hasDigits() && major.end() < text.length()
        && text.charAt(major.end()) == ':'
        ? CNumbers.scan(text, major.end() + 1, 16) : major;
    if (!major.hasDigits() || minor == major || !minor.hasDigits()) {
      throw new ArgException("Bad class value \"" + text + "\"")
          .explained("a class is MAJOR:MINOR, two hexadecimal numbers such as 1:10");
    }
    return String.format(Locale.ROOT, "%04x:%04x", low16(major), low16(minor));
  }

  /** The low 16 bits of what {@code strtoul} makes of the scan: all ones when it overflows. */
  private static int low16(CNumbers.Scan scan) {
    if (scan.magnitude().bitLength() > 64) {
      return 0xffff;
    }
    BigInteger value = scan.negative() ? ULONG.subtract(scan.magnitude()).mod(ULONG)
        : scan.magnitude();
    return value.intValue() & 0xffff;
  }
}

package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code mac} match: the Ethernet source address. */
final class Mac {
  private Mac() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring(
            "mac", OptionSpec.one("--mac-source", Mac::macAddress).negatable())
        .onlyFrom(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD)
        .meaning(Mac::meaning);
  }

  /**
   * Simulated packets carry no MAC addresses: a packet's source MAC is none that a rule names.
   * As in the kernel, a packet without an Ethernet header (one the firewall sent, or one that
   * came in on {@code lo}) matches neither way.
   */
  private static Condition meaning(List<Option> options) {
    Option o = options.get(0);
    Condition ethernet = Condition.all(
        new Condition.Not(new Condition.Iface(Condition.Direction.IN, "")),
        new Condition.Not(new Condition.Iface(Condition.Direction.IN, "lo")));
    return Condition.all(ethernet, Condition.not(o.negated(), new Condition.MacSource(o.arg())));
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** Six hex bytes separated by colons, each at most two characters; printed in lower case. */
  static String macAddress(String text) throws ArgException {
    List<String> bytes = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < 6; i++) {
      int[] read = CNumbers.hexByte(text, pos);
      int end = read[1];
      boolean separated = i < 5 ? end < text.length() && text.charAt(end) == ':'
          : end == text.length();
      if (!separated || end - pos > 2) {
        throw new ArgException("Invalid MAC address specified.")
            .explained("a MAC address is six hex bytes separated by colons,"
                + " as in 00:11:22:aa:bb:cc");
      }
      bytes.add(String.format(Locale.ROOT, "%02x", read[0]));
      pos = end + 1;
    }
    return String.join(":", bytes);
  }
}

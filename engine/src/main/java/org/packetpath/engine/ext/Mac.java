package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code mac} match: the Ethernet source address. */
final class Mac {
  private Mac() {}

  static ModuleSpec spec() {
    return mac().meaning(Mac::meaning);
  }

  private static ModuleSpec mac() {
    return ModuleSpec.match(
            "mac", OptionSpec.one("--mac-source", PacketArgs::macAddress).negatable())
        .withRules(OptionRules.of("--mac-source").mandatory("--mac-source"))
        .onlyFrom(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD);
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
}

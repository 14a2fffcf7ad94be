package org.packetpath.engine.ext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.packetpath.engine.net.CNumbers;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

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

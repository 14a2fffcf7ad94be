package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * The {@code TPROXY} target of mangle PREROUTING: hand a TCP or UDP packet to a transparent
 * socket of the firewall, without rewriting it.
 */
final class Tproxy {
  private Tproxy() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("TPROXY",
            OptionSpec.one("--on-port", t -> Integer.toString(Ports.servicePort(t))),
            OptionSpec.one("--on-ip", t -> Ipv4.format(Args.host(t))),
            TargetArgs.markMask("TPROXY", "--tproxy-mark"))
        .onlyIn(Table.MANGLE)
        .onlyFrom(Hook.PREROUTING)
        .withRules(OptionRules.of("--on-port", "--on-ip", "--tproxy-mark")
            .mandatory("--on-port"))
        .withFinisher(Tproxy::finish)
        .notSimulated("the simulated firewall has no transparent sockets, so TPROXY drops the"
            + " packet, as the kernel does when no transparent socket listens")
        .does(o -> {
          long[] vm = TargetArgs.valueMask(o.get(2));
          return new Action.Tproxy(Integer.parseInt(o.get(0).arg()),
              Ipv4.parse(o.get(1).arg()).orElseThrow(), vm[0], vm[1]);
        });
  }

  /** The kernel's check of the protocol, and the defaults iptables-save prints. */
  private static List<Option> finish(RuleContext rule, List<Option> options)
      throws ArgException {
    boolean placed = rule.table() == Table.MANGLE
        && (rule.table().builtinHook(rule.chain()).isEmpty()
            || Args.isBuiltin(rule, Hook.PREROUTING));
    if (placed && !rule.protocolIs("tcp", "udp")) {
      throw Args.refused("xt_TPROXY: Can be used only with -p tcp or -p udp",
          "TPROXY hands TCP or UDP packets to a socket: add -p tcp or -p udp to the rule");
    }
    List<Option> out = new ArrayList<>(options);
    if (!Args.has(out, "--on-ip")) {
      out.add(Option.of("--on-ip", "0.0.0.0"));
    }
    if (!Args.has(out, "--tproxy-mark")) {
      out.add(Option.of("--tproxy-mark", "0x0/0x0"));
    }
    return out;
  }
}

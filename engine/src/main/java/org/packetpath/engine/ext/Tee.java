package org.packetpath.engine.ext;

import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Action;

/** The {@code TEE} target: send a copy of the packet to a gateway; the packet goes on. */
final class Tee {
  private Tee() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("TEE",
            OptionSpec.one("--gateway", t -> Ipv4.format(Args.host(t))),
            OptionSpec.one("--oif", t -> TextArgs.truncated(t, 15)))
        .withRules(OptionRules.of("--gateway", "--oif").mandatory("--gateway"))
        .withFinisher((rule, options) -> {
          if (options.get(0).arg().equals("0.0.0.0")) {
            throw TargetArgs.kernelRefusal(rule, "the copy needs a gateway to go to");
          }
          return options.stream()
              .filter(o -> !(o.name().equals("--oif") && o.arg().isEmpty())).toList();
        })
        .notSimulated("the copy sent to the gateway is not simulated; the packet itself goes on"
            + " unchanged")
        .does(o -> new Action.Continue("TEE", "sends a copy of the packet to "
            + o.get(0).arg() + "; the copy is not simulated", false));
  }
}

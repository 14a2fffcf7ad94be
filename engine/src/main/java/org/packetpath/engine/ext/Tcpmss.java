package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code TCPMSS} target: clamp or set the MSS option of TCP SYN packets. */
final class Tcpmss {
  private Tcpmss() {}

  static ModuleSpec spec() {
    return ModuleSpec.target(
            "TCPMSS",
            TargetArgs.number("TCPMSS", "--set-mss", 65515, false),
            OptionSpec.flag("--clamp-mss-to-pmtu"))
        .withSaveOrder()
        .notSimulated("the MSS option is not rewritten; the packet continues")
        .checkedBy(Finisher.atLeastOne("TCPMSS target: At least one parameter is required",
            "give --set-mss SIZE or --clamp-mss-to-pmtu"))
        .withFinisher(
            (rule, options) -> {
              TargetArgs.requireTcp(rule, "TCPMSS", "the MSS is a TCP option: add -p tcp"
                  + " (usually with --tcp-flags SYN,RST SYN)");
              Option last = options.get(options.size() - 1);
              Optional<Hook> hook = rule.table().builtinHook(rule.chain());
              if (last.name().equals("--clamp-mss-to-pmtu") && hook.isPresent()
                  && (hook.get() == Hook.PREROUTING || hook.get() == Hook.INPUT)) {
                throw new ArgException("path-MTU clamping only supported in FORWARD, OUTPUT and"
                    + " POSTROUTING hooks")
                    .explained("iptables-restore: RULE_APPEND failed (Invalid argument); the path"
                        + " MTU is only known once the packet has been routed");
              }
              return List.of(last);
            })
        .does(options -> new Action.Continue("TCPMSS", "rewrites the MSS option of TCP SYN"
            + " packets; not simulated", false));
  }
}

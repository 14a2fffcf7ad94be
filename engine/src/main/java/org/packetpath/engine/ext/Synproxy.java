package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;

/**
 * The {@code SYNPROXY} target: the firewall completes TCP handshakes itself with SYN cookies
 * before letting a connection through. Its options are the TCP options of its SYN-ACK.
 */
final class Synproxy {
  private Synproxy() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("SYNPROXY",
            OptionSpec.flag("--sack-perm"),
            OptionSpec.flag("--timestamp"),
            // read as 32-bit numbers, kept in a byte and a 16-bit field
            OptionSpec.one("--wscale", t ->
                Long.toString(XtNumbers.xtUnsigned("SYNPROXY", "--wscale", t, 0, U32) & 0xff)),
            OptionSpec.one("--mss", t ->
                Long.toString(XtNumbers.xtUnsigned("SYNPROXY", "--mss", t, 0, U32) & 0xffff)),
            OptionSpec.flag("--ecn"))
        .onlyFrom(Hook.INPUT, Hook.FORWARD)
        .withFinisher((rule, options) -> {
          boolean placed = rule.table().builtinHook(rule.chain()).isEmpty()
              || Args.isBuiltin(rule, Hook.INPUT, Hook.FORWARD);
          if (placed && !rule.protocolIs("tcp")) {
            throw TargetArgs.kernelRefusal(rule, "SYNPROXY answers TCP handshakes: add -p tcp"
                + " to the rule");
          }
          return options;
        })
        .notSimulated("the SYN-ACK with a SYN cookie that answers a SYN is not sent: the SYN"
            + " stops at the rule, and every ACK reaching it is dropped, as none can return a"
            + " cookie")
        .does(o -> new Action.Synproxy());
  }
}

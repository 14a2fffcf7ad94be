package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Table;

/**
 * {@code SECMARK} (set the packet's security mark from an SELinux context) and {@code
 * CONNSECMARK} (copy it between packet and connection), of the mangle and security tables.
 */
final class SecmarkTargets {
  private SecmarkTargets() {}

  static List<ModuleSpec> all() {
    return List.of(secmark(), connsecmark());
  }

  static ModuleSpec secmark() {
    return ModuleSpec.target("SECMARK",
            OptionSpec.one("--selctx", t -> TextArgs.truncated(t, 255)))
        .withRules(OptionRules.of("--selctx").mandatory("--selctx"))
        .withFinisher((rule, options) -> {
          requireTable(rule, "xt_SECMARK");
          throw Args.refused("xt_SECMARK: unable to map security context '"
              + options.get(0).arg() + "'", "No such file or directory", "the kernel here"
              + " runs no security module (SELinux) that knows this context");
        })
        .does(o -> new Action.Continue("SECMARK", "sets the packet's security mark", false));
  }

  static ModuleSpec connsecmark() {
    return ModuleSpec.target("CONNSECMARK", OptionSpec.flag("--save"),
            OptionSpec.flag("--restore"))
        .checkedBy(ModuleSpec.Finisher.atLeastOne("CONNSECMARK target: parameter required",
            "say --save (packet to connection) or --restore (connection to packet)"))
        .withRules(OptionRules.of("--save", "--restore").exclusive("--save", "--restore"))
        .withFinisher((rule, options) -> {
          requireTable(rule, "xt_CONNSECMARK");
          return options;
        })
        .does(o -> new Action.Continue("CONNSECMARK", "copies the security mark between the"
            + " packet and its connection; no security marks are simulated", true));
  }

  /** Both targets' check of the table, with the kernel's words. */
  private static void requireTable(RuleContext rule, String module) throws ArgException {
    if (rule.table() != Table.MANGLE && rule.table() != Table.SECURITY) {
      throw Args.refused(module + ": only valid in 'mangle' or 'security' table, not '"
          + rule.table().label() + "'", "security marks are set in the mangle or security"
          + " table");
    }
  }
}

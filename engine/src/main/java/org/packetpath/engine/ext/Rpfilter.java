package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/** The {@code rpfilter} match: reverse-path filtering on the firewall's routes. */
final class Rpfilter {
  private Rpfilter() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "rpfilter",
            OptionSpec.flag("--loose"),
            OptionSpec.flag("--validmark"),
            OptionSpec.flag("--accept-local"),
            OptionSpec.flag("--invert"))
        .onlyFrom(Hook.PREROUTING)
        .withFinisher(
            (rule, options) -> {
              // The kernel checks the hook first (see onlyFrom), then the table; in user chains
              // it can only check the table when the rule is added.
              boolean hookAllowed =
                  rule.table().builtinHook(rule.chain()).map(h -> h == Hook.PREROUTING)
                      .orElse(true);
              if (hookAllowed && rule.table() != Table.RAW && rule.table() != Table.MANGLE) {
                throw Args.refused(
                    "rpfilter match: only valid in 'raw' or 'mangle' table, not '"
                        + rule.table().label() + "'",
                    "reverse path filtering happens before routing: use -t raw or -t mangle"
                        + " PREROUTING");
              }
              return options;
            })
        .meaning(Rpfilter::meaning);
  }

  private static Condition meaning(List<Option> options) {
    Condition path = new Condition.ReversePath(Args.has(options, "--loose"),
        Args.has(options, "--accept-local"), Args.has(options, "--validmark"));
    return Condition.not(Args.has(options, "--invert"), path);
  }
}

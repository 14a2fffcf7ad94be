package org.packetpath.engine.ext;

import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/** The {@code TTL} target: set, lower or raise the packet's time to live, in the mangle table. */
final class TtlTarget {
  private TtlTarget() {}

  static ModuleSpec spec() {
    String[] operations = {"--ttl-set", "--ttl-dec", "--ttl-inc"};
    return ModuleSpec.target("TTL", ttlOption("--ttl-set", 0), ttlOption("--ttl-dec", 1),
            ttlOption("--ttl-inc", 1))
        .onlyIn(Table.MANGLE)
        .checkedBy(Finisher.atLeastOne("TTL: You must specify an action",
            "say what to do with the TTL: --ttl-set, --ttl-dec or --ttl-inc with a number"))
        // iptables' option table lists set, dec, inc; their ids go set, inc, dec.
        .withRules(OptionRules.of(operations)
            .ids("--ttl-set", "--ttl-inc", "--ttl-dec")
            .exclusive(operations))
        .does(options -> {
          Option o = options.get(0);
          int n = Integer.parseInt(o.arg());
          return switch (o.name()) {
            case "--ttl-set" -> Action.Rewrite.set(Action.Header.TTL, n);
            case "--ttl-dec" -> Action.Rewrite.add(Action.Header.TTL, -n);
            default -> Action.Rewrite.add(Action.Header.TTL, n);
          };
        });
  }

  /** An option taking a TTL from {@code min} to 255, printed in decimal. */
  private static OptionSpec ttlOption(String name, long min) {
    return OptionSpec.one(name,
        text -> Long.toString(XtNumbers.xtUnsigned("TTL", name, text, min, 255)));
  }
}

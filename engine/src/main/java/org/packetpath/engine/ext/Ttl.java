package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code ttl} match: the time to live, equal to, below or above a value. */
final class Ttl {
  private Ttl() {}

  static ModuleSpec spec() {
    OptionSpec eq = ttlOption("--ttl-eq").negatable().alias("--ttl");
    return ModuleSpec.match("ttl", eq, ttlOption("--ttl-lt"), ttlOption("--ttl-gt"))
        .checkedBy(Finisher.atLeastOne(
            "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt",
            "for example -m ttl --ttl-lt 5"))
        // iptables' option table lists lt, gt, eq; their ids go eq, lt, gt.
        .withRules(OptionRules.of("--ttl-lt", "--ttl-gt", "--ttl-eq")
            .ids("--ttl-eq", "--ttl-lt", "--ttl-gt")
            .exclusive("--ttl-lt", "--ttl-gt", "--ttl-eq"))
        .meaning(Ttl::meaning);
  }


  private static OptionSpec ttlOption(String name) {
    return OptionSpec.one(name, a -> ttl(a, name));
  }


  /** The TTL as the packet has it at this hook: forwarded packets lost one before FORWARD. */
  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> {
      long v = Long.parseLong(o.arg());
      return Condition.in(Field.TTL, switch (o.name()) {
        case "--ttl-eq" -> IntervalSet.of(v);
        case "--ttl-lt" -> v == 0 ? IntervalSet.empty() : IntervalSet.range(0, v - 1);
        case "--ttl-gt" -> IntervalSet.range(v + 1, 255);
        default -> throw new IllegalStateException("unknown ttl option " + o.name());
      });
    });
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** A TTL 0..255 for {@code option}. */
  static String ttl(String text, String option) throws ArgException {
    return Long.toString(XtNumbers.xtNumber(text, "ttl", option, 255));
  }
}

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

/** The {@code ttl} match: the time to live, equal to, below or above a value. */
final class Ttl {
  private Ttl() {}

  static ModuleSpec spec() {
    return ttl().meaning(Ttl::meaning);
  }

  /** ttl's options in the order iptables' option table lists them (its exclusion checks use it). */
  private static final List<String> TTL_TABLE = List.of("--ttl-lt", "--ttl-gt", "--ttl-eq");

  /** ttl's options by internal number ({@code --ttl-eq} first). */
  private static final List<String> TTL_IDS = List.of("--ttl-eq", "--ttl-lt", "--ttl-gt");

  private static ModuleSpec ttl() {
    OptionSpec eq = ttlOption("--ttl-eq").negatable().alias("--ttl");
    return ModuleSpec.match("ttl", eq, ttlOption("--ttl-lt"), ttlOption("--ttl-gt"))
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException(
                        "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt")
                    .explained("for example -m ttl --ttl-lt 5");
              }
              exclusive("ttl", options, TTL_TABLE, TTL_IDS);
              return options;
            });
  }

  private static OptionSpec ttlOption(String name) {
    return OptionSpec.one(name, a -> PacketArgs.ttl(a, name));
  }

  /**
   * Fails as iptables' final option check does when options that exclude each other were used
   * together: the first used option in table order is named against the first other used
   * option in internal-number order.
   */
  static void exclusive(
      String module, List<Option> options, List<String> table, List<String> ids)
      throws ArgException {
    for (String entry : table) {
      if (!Args.has(options, entry)) {
        continue;
      }
      for (String other : ids) {
        if (!other.equals(entry) && Args.has(options, other)) {
          throw new ArgException(module + ": option \"" + entry
                  + "\" cannot be used together with \"" + other + "\".")
              .explained("give only one of " + String.join(", ", table));
        }
      }
    }
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
}

package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code limit} match: a token bucket of packets per time unit. */
final class Limit {
  private Limit() {}

  static ModuleSpec spec() {
    return limit().meaning(Limit::meaning);
  }

  private static ModuleSpec limit() {
    OptionSpec limit = OptionSpec.one("--limit", PacketArgs::rate);
    OptionSpec burst = OptionSpec.one("--limit-burst", PacketArgs::burst);
    return ModuleSpec.match("limit", limit, burst)
        .withFinisher(
            (rule, options) -> {
              List<Option> out = new ArrayList<>();
              if (options.stream().noneMatch(o -> o.name().equals("--limit"))) {
                out.add(Option.of("--limit", "3/hour"));
              }
              for (Option o : options) {
                // A burst of 0 becomes the kernel's default of 5, which is not printed.
                boolean defaultBurst = o.name().equals("--limit-burst")
                    && (o.arg().equals("5") || o.arg().equals("0"));
                if (!defaultBurst) {
                  out.add(o);
                }
              }
              return out;
            });
  }

  /** The default of {@code --limit-burst}, which iptables-save does not print. */
  static final int DEFAULT_BURST = 5;

  /**
   * A token bucket on a clock that stands still: the simulator has no time between packets, so
   * every packet sent to one simulator arrives in the same instant, like a flood. The bucket
   * starts full with {@code --limit-burst} packets' worth of tokens, each packet that reaches the
   * match takes one, and none come back: the first {@code burst} packets match and all later
   * ones do not, whatever the rate. This is what the kernel's nft {@code limit} expression
   * (which iptables-nft turns {@code -m limit} into) does for packets arriving at once. Under
   * iptables-legacy, xt_limit rounds its credits, so for some rates and bursts a few packets
   * more or fewer get through (3/sec with a burst of 50 lets 48 through); that rounding is not
   * reproduced.
   */
  private static Condition meaning(List<Option> options) {
    int burst = options.stream().filter(o -> o.name().equals("--limit-burst"))
        .map(o -> Integer.parseInt(o.arg())).findFirst().orElse(DEFAULT_BURST);
    String rate = options.stream().filter(o -> o.name().equals("--limit")).map(Option::arg)
        .findFirst().orElse("3/hour");
    return new Condition.Opaque("limit", "whether packets arrive slower than " + rate
        + " (a burst of " + burst + "); packets here all arrive at once, so the first " + burst
        + " match", new Condition.FirstPackets(burst));
  }
}

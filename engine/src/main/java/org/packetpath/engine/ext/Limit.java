package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code limit} match: a token bucket of packets per time unit. */
final class Limit {
  private Limit() {}

  static ModuleSpec spec() {
    OptionSpec limit = OptionSpec.one("--limit", Limit::rate);
    OptionSpec burst = OptionSpec.one("--limit-burst", Limit::burst);
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
            })
        .meaning(Limit::meaning);
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

  // ---- arguments ---------------------------------------------------------------------------

  /** The kernel keeps a rate as the average interval between packets in 1/10000 seconds. */
  private static final long LIMIT_SCALE = 10000;
  private static final List<String> RATE_UNITS = List.of("second", "minute", "hour", "day");
  private static final long[] UNIT_SECONDS = {1, 60, 60 * 60, 24 * 60 * 60};
  private static final List<String> RATE_NAMES = List.of("day", "hour", "min", "sec");
  private static final long[] RATE_PERIODS = {
    LIMIT_SCALE * 24 * 60 * 60, LIMIT_SCALE * 60 * 60, LIMIT_SCALE * 60, LIMIT_SCALE
  };

  /**
   * A rate {@code N[/second|/minute|/hour|/day]} (any prefix of the unit, any case), turned into
   * the kernel's average interval and printed back the way iptables-save does: the largest unit
   * that still shows the rate, as in {@code 60/minute}, which prints as {@code 1/sec}.
   */
  static String rate(String text) throws ArgException {
    int slash = text.indexOf('/');
    long seconds = 1;
    if (slash >= 0) {
      String unit = text.substring(slash + 1);
      int found = -1;
      for (int i = 0; i < RATE_UNITS.size() && found < 0 && !unit.isEmpty(); i++) {
        if (Args.startsWithIgnoreCase(RATE_UNITS.get(i), unit)) {
          found = i;
        }
      }
      if (found < 0) {
        throw badRate(text);
      }
      seconds = UNIT_SECONDS[found];
    }
    long count = CNumbers.atoi(text) & 0xffffffffL;
    if (count == 0) {
      throw badRate(text);
    }
    long period = LIMIT_SCALE * seconds / count;
    if (period == 0) {
      throw new ArgException("Rate too fast \"" + text + "\"")
          .explained("the limit match counts at most 10000 packets per second");
    }
    int unit = 1;
    while (unit < RATE_PERIODS.length
        && period <= RATE_PERIODS[unit]
        && RATE_PERIODS[unit] / period >= RATE_PERIODS[unit] % period) {
      unit++;
    }
    return RATE_PERIODS[unit - 1] / period + "/" + RATE_NAMES.get(unit - 1);
  }

  private static ArgException badRate(String text) {
    return new ArgException("bad rate \"" + text + "\"'")
        .explained("a rate is a number of packets, optionally per second, minute, hour or day,"
            + " as in 5/second or 100/minute");
  }

  /** {@code --limit-burst}: 0..10000. */
  static String burst(String text) throws ArgException {
    return Long.toString(XtNumbers.xtNumber(text, "limit", "--limit-burst", 10000));
  }
}

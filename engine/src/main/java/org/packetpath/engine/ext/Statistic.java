package org.packetpath.engine.ext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code statistic} match: every nth packet, or at random. */
final class Statistic {
  private static final OptionRules RULES =
      OptionRules.of("--mode", "--probability", "--every", "--packet")
          .mandatory("--mode")
          .excludes("--probability", "--every", "--packet")
          .excludes("--every", "--probability")
          .needs("--every", "--packet")
          .excludes("--packet", "--probability")
          .needs("--packet", "--every");

  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Pattern NAN = Pattern.compile("(?i)[+-]?nan(\\([0-9a-z_]*\\))?");

  private Statistic() {}

  static ModuleSpec spec() {
    OptionSpec mode = OptionSpec.oneOf("--mode", List.of("random", "nth"), false,
        "Bad mode \"%s\"", "the modes are random and nth");
    return ModuleSpec.match(
            "statistic",
            mode,
            OptionSpec.one("--probability", Statistic::probability).negatable(),
            OptionSpec.one(
                    "--every",
                    a -> Long.toString(XtNumbers.xtUnsigned("statistic", "--every", a, 1, Args.U32)))
                .negatable(),
            OptionSpec.one(
                "--packet", a -> Long.toString(XtNumbers.xtUnsigned("statistic", "--packet", a, 0, Args.U32))))
        .withSaveOrder()
        .withFinisher((rule, options) -> finishStatistic(options))
        .notSimulated(
            "--mode nth counts the packets reaching the rule as the kernel does; --mode random"
                + " takes its likelier outcome: it matches when --probability is 0.5 or more"
                + " (! inverts this)")
        .meaning(Statistic::meaning);
  }
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");  private static final Pattern INF = Pattern.compile("(?i)[+-]?inf(inity)?");

  /** C's {@code strtod} over the whole text, or empty. */
  static Optional<Double> strtod(String text) {
    String t = text.stripLeading();
    if (DECIMAL_FLOAT.matcher(t).matches()) {
      return Optional.of(Double.parseDouble(t));
    }
    if (HEX_FLOAT.matcher(t).matches()) {
      return Optional.of(Double.parseDouble(t.matches(".*[pP].*") ? t : t + "p0"));
    }
    if (NAN.matcher(t).matches()) {
      return Optional.of(Double.NaN);
    }
    if (INF.matcher(t).matches()) {
      return Optional.of(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return Optional.empty();
  }

  /** The probability as iptables-save prints it after storing it in 31 bits. */
  private static String probability(String text) throws ArgException {
    Optional<Double> p = strtod(text);
    if (p.isEmpty() || p.get() < 0 || p.get() > 1) {
      throw new ArgException(
              "statistic: bad value for option \"--probability\", or out of range (0-1).")
          .explained("a probability is a number from 0 to 1, such as 0.25");
    }
    long stored = p.get().isNaN() ? 0 : (long) Math.floor(p.get() * 0x80000000L + 0.5);
    return new BigDecimal(stored)
        .divide(BigDecimal.valueOf(0x80000000L))
        .setScale(11, RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  private static List<Option> finishStatistic(List<Option> options) throws ArgException {
    String mode = Args.find(options, "--mode").map(Option::arg).orElse("random");
    if (mode.equals("random") && !Args.has(options, "--probability")) {
      throw new ArgException("--probability must be specified when using random mode")
          .explained("say how likely a match is, as in --probability 0.1");
    }
    if (mode.equals("nth") && !Args.has(options, "--every") && !Args.has(options, "--packet")) {
      throw new ArgException("--every and --packet must be specified when using nth mode")
          .explained("for example --every 3 --packet 0 matches packets 1, 4, 7 …");
    }
    // --probability and --every share their place in the kernel's structure.
    long every = 0;
    long packet = 0;
    for (Option o : options) {
      switch (o.name()) {
        case "--probability" -> every = Math.round(Double.parseDouble(o.arg()) * 0x80000000L);
        case "--every" -> every = Long.parseLong(o.arg()) - 1;
        case "--packet" -> packet = Long.parseLong(o.arg());
        default -> { }
      }
    }
    if (packet > every) {
      throw new ArgException("the --packet p must be 0 <= p <= n-1")
          .explained("--packet is the position of the first matching packet, counted from 0,"
              + " so it must be smaller than --every");
    }
    RULES.check("statistic", options);
    boolean negated = options.stream().anyMatch(Option::negated);
    List<Option> out = new ArrayList<>();
    out.add(Option.of("--mode", mode));
    if (mode.equals("random")) {
      out.add(new Option("--probability", negated,
          Args.find(options, "--probability").orElseThrow().args()));
    } else {
      out.add(new Option("--every", negated, List.of(Long.toString(every + 1))));
      out.add(Option.of("--packet", Long.toString(packet)));
    }
    return out;
  }

  /**
   * {@code --mode nth} counts the packets that reach the match, as the kernel does: {@code
   * --every n --packet p} matches packets p+1, p+1+n, p+1+2n … counted from 1. {@code --mode
   * random} takes its likelier outcome: it matches when {@code --probability} is 0.5 or more.
   */
  private static Condition meaning(List<Option> options) {
    String mode = Args.find(options, "--mode").orElseThrow().arg();
    if (mode.equals("random")) {
      Option p = Args.find(options, "--probability").orElseThrow();
      boolean likely = Double.parseDouble(p.arg()) >= 0.5;
      return new Condition.Opaque("statistic", "a random choice with probability " + p.arg()
          + "; the likelier outcome is taken", new Condition.Fixed(likely != p.negated()));
    }
    Option every = Args.find(options, "--every").orElseThrow();
    long packet = Args.find(options, "--packet").map(o -> Long.parseLong(o.arg())).orElse(0L);
    Condition nth = new Condition.Opaque("statistic", "how many packets reached the rule"
        + " before", new Condition.EveryNth(Long.parseLong(every.arg()), packet));
    return Condition.not(every.negated(), nth);
  }
}

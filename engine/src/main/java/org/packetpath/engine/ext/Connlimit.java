package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code connlimit} match: how many connections a host (or a network) has. */
final class Connlimit {
  private static final String UPTO = "--connlimit-upto";
  private static final String ABOVE = "--connlimit-above";
  private static final String MASK = "--connlimit-mask";
  private static final String SADDR = "--connlimit-saddr";
  private static final String DADDR = "--connlimit-daddr";

  private Connlimit() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "connlimit",
            OptionSpec.one(UPTO, a -> limit(UPTO, a)).negatable(),
            OptionSpec.one(ABOVE, a -> limit(ABOVE, a)).negatable(),
            OptionSpec.one(MASK, Connlimit::mask),
            OptionSpec.flag(SADDR),
            OptionSpec.flag(DADDR))
        .checkedBy(ModuleSpec.Finisher.requiring(
            (rule, options) -> Args.has(options, UPTO) || Args.has(options, ABOVE),
            "You must specify \"--connlimit-above\" or \"--connlimit-upto\".",
            "say how many connections are allowed, as in --connlimit-above 4"))
        .withRules(OptionRules.of(UPTO, ABOVE, MASK, SADDR, DADDR)
            .excludes(UPTO, ABOVE).excludes(ABOVE, UPTO)
            .excludes(SADDR, DADDR).excludes(DADDR, SADDR))
        .withFinisher((rule, options) -> canonical(options))
        .meaning(Connlimit::meaning);
  }

  private static String limit(String option, String text) throws ArgException {
    return Long.toString(XtNumbers.xtUnsigned("connlimit", option, text, 0, Args.U32));
  }

  /**
   * A prefix length 0..32, or a netmask; a netmask with holes (and a number above 32, which
   * iptables then reads as an address) keeps the whole address, as {@code xtopt_parse_plenmask}
   * does.
   */
  private static String mask(String text) throws ArgException {
    Optional<Long> length = CNumbers.strtouiAll(text, 32);
    if (length.isPresent()) {
      return length.get().toString();
    }
    Optional<Integer> netmask = CNumbers.inetAton(text);
    if (netmask.isEmpty()) {
      throw new ArgException("connlimit: bad value for option \"" + MASK + "\", neither a valid"
              + " network mask nor valid CIDR (0-32).")
          .explained("give a prefix length such as 24 or a netmask such as 255.255.255.0");
    }
    return Ipv4.prefixOf(netmask.get()).orElse(32).toString();
  }

  /** {@code ! --connlimit-above N} is {@code --connlimit-upto N}; the defaults are printed. */
  private static List<Option> canonical(List<Option> options) {
    Option limit = Args.find(options, UPTO).or(() -> Args.find(options, ABOVE)).orElseThrow();
    boolean upto = limit.name().equals(UPTO) != limit.negated();
    return List.of(
        Option.of(upto ? UPTO : ABOVE, limit.arg()),
        Option.of(MASK, Args.find(options, MASK).map(Option::arg).orElse("32")),
        Option.of(Args.has(options, DADDR) ? DADDR : SADDR));
  }

  /**
   * Counted as the kernel counts: each rule keeps its own lists of the connections whose
   * packets reached it, grouped by masked address; see {@link Condition.ConnectionCount}.
   */
  private static Condition meaning(List<Option> options) {
    Option limit = options.get(0);
    boolean upto = limit.name().equals(UPTO);
    int prefix = Integer.parseInt(options.get(1).arg());
    Condition.Side side = options.get(2).name().equals(DADDR) ? Condition.Side.DESTINATION
        : Condition.Side.SOURCE;
    return new Condition.Opaque("connlimit", "how many connections the "
        + (side == Condition.Side.SOURCE ? "source" : "destination") + " /" + prefix
        + " has among those this rule saw (" + (upto ? "at most " : "more than ")
        + limit.arg() + ")",
        new Condition.ConnectionCount(Long.parseLong(limit.arg()), upto, prefix, side));
  }
}

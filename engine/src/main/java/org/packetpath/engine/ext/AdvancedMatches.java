package org.packetpath.engine.ext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.packetpath.engine.net.CNumbers;
import java.util.Set;
import java.util.regex.Pattern;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * The stateful and special matches: {@code recent}, {@code hashlimit} (in {@link Hashlimit}),
 * {@code set}, {@code statistic}, {@code physdev}, {@code policy} and {@code rpfilter}.
 *
 * <p>Options are checked one by one as iptables 1.8.9 parses them; the finishers then make the
 * whole-extension checks in iptables' order (the extension's own check first, then its option
 * table's mandatory, exclusive and "also requires" rules), followed by the checks the kernel
 * makes when the rule is loaded. Those extensions whose save order depends on what the user
 * wrote keep the user's order until their finisher arranges them.
 *
 * <p>It is long because it holds seven extensions' option tables, each checked against iptables
 * 1.8.9 case by case; the hashlimit arithmetic lives in {@code Hashlimit}.
 */
final class AdvancedMatches {
  private AdvancedMatches() {}

  static final long U32 = 0xFFFFFFFFL;

  static List<ModuleSpec> all() {
    return List.of(
        recent(), Hashlimit.spec(), set(), statistic(), physdev(), policy(), rpfilter());
  }

  // ---- recent --------------------------------------------------------------------------------

  private static final List<String> RECENT_COMMANDS =
      List.of("--set", "--rcheck", "--update", "--remove");

  private static final OptionTable RECENT_TABLE =
      new OptionTable("recent")
          .option("--set", 0).excludes(RECENT_COMMANDS)
          .option("--rcheck", 1).excludes(RECENT_COMMANDS)
          .option("--update", 2).excludes(RECENT_COMMANDS)
          .option("--remove", 3).excludes(RECENT_COMMANDS)
          .option("--seconds", 4)
          .option("--reap", 5).needs("--seconds")
          .option("--hitcount", 6)
          .option("--rttl", 7).excludes(List.of("--set", "--remove"))
          .option("--name", 8)
          .option("--rsource", 9)
          .option("--rdest", 10)
          .option("--mask", 11);

  private static ModuleSpec recent() {
    return ModuleSpec.match(
            "recent",
            OptionSpec.flag("--set").negatable(),
            OptionSpec.flag("--rcheck").negatable(),
            OptionSpec.flag("--update").negatable(),
            OptionSpec.flag("--remove").negatable(),
            OptionSpec.one(
                "--seconds",
                a -> Integer.toString((int) xtUnsigned("recent", "--seconds", a, 1, U32))),
            OptionSpec.flag("--reap"),
            OptionSpec.one(
                "--hitcount", a -> Long.toString(xtUnsigned("recent", "--hitcount", a, 0, U32))),
            OptionSpec.flag("--rttl"),
            OptionSpec.one("--name", a -> a.length() > 199 ? a.substring(0, 199) : a),
            OptionSpec.flag("--rsource"),
            OptionSpec.flag("--rdest"),
            OptionSpec.one("--mask", a -> Ipv4.format(host(a))))
        .withSaveOrder()
        .withFinisher((rule, options) -> finishRecent(options))
        .notSimulated(
            "no address lists are kept: --rcheck, --update and --remove find no entry, so they"
                + " do not match (they do with !); --set always matches (never with !)");
  }

  private static List<Option> finishRecent(List<Option> options) throws ArgException {
    Optional<Option> command =
        options.stream().filter(o -> RECENT_COMMANDS.contains(o.name())).findFirst();
    if (command.isEmpty()) {
      throw new ArgException(
              "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'")
          .explained("--set records the address; --rcheck, --update and --remove look it up");
    }
    RECENT_TABLE.check(names(options));
    boolean records = List.of("--set", "--remove").contains(command.get().name());
    long hitcount = find(options, "--hitcount").map(o -> Long.parseLong(o.arg())).orElse(0L);
    boolean conditions =
        has(options, "--seconds") || hitcount != 0 || has(options, "--rttl")
            || has(options, "--reap");
    if (records && conditions) {
      throw refused(
          "recent match: --seconds, --hitcount, --rttl and --reap need --rcheck or --update",
          "the conditions only make sense when a rule looks an address up, but "
              + command.get().name() + " does not");
    }
    if (hitcount > 65535) {
      throw refused(
          "recent match: hitcount (" + hitcount + ") is larger than allowed maximum (65535)",
          "the kernel remembers at most 65535 packets per address");
    }
    String name = find(options, "--name").map(Option::arg).orElse("DEFAULT");
    checkProcName("recent", name);
    List<Option> out = new ArrayList<>();
    out.add(command.get());
    for (String flag : List.of("--seconds", "--reap")) {
      find(options, flag).ifPresent(out::add);
    }
    if (hitcount != 0) {
      out.add(Option.of("--hitcount", Long.toString(hitcount)));
    }
    find(options, "--rttl").ifPresent(out::add);
    out.add(Option.of("--name", name));
    String mask = find(options, "--mask").map(Option::arg).orElse("255.255.255.255");
    out.add(Option.of("--mask", mask));
    String side = "--rsource";
    for (Option o : options) {
      if (o.name().equals("--rsource") || o.name().equals("--rdest")) {
        side = o.name();
      }
    }
    out.add(Option.of(side));
    return out;
  }

  /** The kernel's rule for names that become files under {@code /proc}. */
  static void checkProcName(String module, String name) throws ArgException {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
      throw refused(
          module + " match: invalid name \"" + name + "\"",
          "the name becomes a file under /proc/net, so it cannot be empty, . or .. or contain /");
    }
  }

  // ---- set -----------------------------------------------------------------------------------

  private static ModuleSpec set() {
    OptionSpec matchSet =
        OptionSpec.many("--match-set", 2, AdvancedMatches::matchSet).negatable().alias("--set");
    OptionSpec returnNomatch =
        OptionSpec.custom(
                "--return-nomatch",
                0,
                (n, neg, args) -> {
                  if (neg) {
                    throw new ArgException("--return-nomatch flag cannot be inverted");
                  }
                  return new Option(n, false, List.of());
                })
            .negatable();
    List<OptionSpec> specs = new ArrayList<>(List.of(matchSet, returnNomatch));
    specs.add(OptionSpec.flag("--update-counters").negatable());
    specs.add(OptionSpec.flag("--update-subcounters").negatable());
    for (String what : List.of("packets", "bytes")) {
      for (String op : List.of("eq", "lt", "gt")) {
        specs.add(counter("--" + what + "-" + op, op.equals("eq")));
      }
    }
    return ModuleSpec.match("set", specs.toArray(new OptionSpec[0]))
        .withFinisher((rule, options) -> finishSet(options));
  }

  private static List<String> matchSet(List<String> args) throws ArgException {
    String name = args.get(0);
    String flags = args.get(1);
    if (flags.startsWith("-") || flags.startsWith("!")) {
      throw new ArgException("--match-set requires two args.", 1,
          "give the set name and which addresses to look up, as in --match-set blocked src");
    }
    if (name.length() > 31) {
      throw new ArgException("setname `" + name + "' too long, max 31 characters.", 0,
          "ipset names have at most 31 characters");
    }
    String[] parts = flags.split(",", -1);
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (i == 6) {
        throw new ArgException("Can't be more src/dst options than 6.", 1,
            "a set entry has at most 6 parts");
      }
      if (parts[i].startsWith("src")) {
        dirs.add("src");
      } else if (parts[i].startsWith("dst")) {
        dirs.add("dst");
      } else {
        throw new ArgException(
            "You must spefify (the comma separated list of) 'src' or 'dst'.", 1,
            "say for each part of a set entry whether it is the packet's source or destination,"
                + " as in src or src,dst");
      }
    }
    return List.of(name, String.join(",", dirs));
  }

  private static OptionSpec counter(String name, boolean invertible) {
    return OptionSpec.custom(
            name,
            1,
            (n, neg, args) -> {
              if (neg && !invertible) {
                throw new ArgException(n + " option cannot be inverted");
              }
              String text = args.get(0);
              Optional<CNumber> value = strtoul(text).filter(v -> v.end() == text.length());
              if (value.isEmpty()) {
                throw new ArgException("Cannot parse " + text + " as a counter value", 0,
                    "a counter is a whole number");
              }
              return new Option(n, neg, List.of(Long.toUnsignedString(value.get().value())));
            })
        .negatable();
  }

  private static List<Option> finishSet(List<Option> options) throws ArgException {
    if (!has(options, "--match-set")) {
      throw new ArgException("You must specify `--match-set' with proper arguments")
          .explained("name the set to look in, as in -m set --match-set blocked src");
    }
    List<Option> out = new ArrayList<>();
    out.add(find(options, "--match-set").orElseThrow());
    find(options, "--return-nomatch").ifPresent(out::add);
    for (String flag : List.of("--update-counters", "--update-subcounters")) {
      find(options, flag).filter(Option::negated).ifPresent(out::add);
    }
    for (String what : List.of("packets", "bytes")) {
      List<Option> used =
          options.stream().filter(o -> o.name().startsWith("--" + what + "-")).toList();
      if (used.size() > 1) {
        throw new ArgException("only one of the --" + what + "-[eq|lt|gt] is allowed")
            .explained("compare the " + what + " counter once");
      }
      out.addAll(used);
    }
    return out;
  }

  // ---- statistic -----------------------------------------------------------------------------

  private static final OptionTable STATISTIC_TABLE =
      new OptionTable("statistic")
          .mandatory("--mode", 0)
          .option("--probability", 1).excludes(List.of("--every", "--packet"))
          .option("--every", 2).excludes(List.of("--probability")).needs("--packet")
          .option("--packet", 3).excludes(List.of("--probability")).needs("--every");

  private static ModuleSpec statistic() {
    OptionSpec mode =
        OptionSpec.one(
            "--mode",
            a -> {
              if (!a.equals("random") && !a.equals("nth")) {
                throw new ArgException("Bad mode \"" + a + "\"")
                    .explained("the modes are random and nth");
              }
              return a;
            });
    return ModuleSpec.match(
            "statistic",
            mode,
            OptionSpec.one("--probability", AdvancedMatches::probability).negatable(),
            OptionSpec.one(
                    "--every",
                    a -> Long.toString(xtUnsigned("statistic", "--every", a, 1, U32)))
                .negatable(),
            OptionSpec.one(
                "--packet", a -> Long.toString(xtUnsigned("statistic", "--packet", a, 0, U32))))
        .withSaveOrder()
        .withFinisher((rule, options) -> finishStatistic(options))
        .notSimulated(
            "--mode nth counts the packets reaching the rule as the kernel does; --mode random"
                + " takes its likelier outcome: it matches when --probability is 0.5 or more"
                + " (! inverts this)");
  }

  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
  private static final Pattern NAN = Pattern.compile("(?i)[+-]?nan(\\([0-9a-z_]*\\))?");
  private static final Pattern INF = Pattern.compile("(?i)[+-]?inf(inity)?");

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
    String mode = find(options, "--mode").map(Option::arg).orElse("random");
    if (mode.equals("random") && !has(options, "--probability")) {
      throw new ArgException("--probability must be specified when using random mode")
          .explained("say how likely a match is, as in --probability 0.1");
    }
    if (mode.equals("nth") && !has(options, "--every") && !has(options, "--packet")) {
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
    STATISTIC_TABLE.check(names(options));
    boolean negated = options.stream().anyMatch(Option::negated);
    List<Option> out = new ArrayList<>();
    out.add(Option.of("--mode", mode));
    if (mode.equals("random")) {
      out.add(new Option("--probability", negated,
          find(options, "--probability").orElseThrow().args()));
    } else {
      out.add(new Option("--every", negated, List.of(Long.toString(every + 1))));
      out.add(Option.of("--packet", Long.toString(packet)));
    }
    return out;
  }

  // ---- physdev -------------------------------------------------------------------------------

  private static ModuleSpec physdev() {
    return ModuleSpec.match(
            "physdev",
            OptionSpec.flag("--physdev-is-in").negatable(),
            OptionSpec.one("--physdev-in", AdvancedMatches::interfaceName).negatable(),
            OptionSpec.flag("--physdev-is-out").negatable(),
            OptionSpec.one("--physdev-out", AdvancedMatches::interfaceName).negatable(),
            OptionSpec.flag("--physdev-is-bridged").negatable())
        .withFinisher(AdvancedMatches::finishPhysdev)
        .notSimulated(
            "no packet crosses a bridge, so a physdev match succeeds only when every option in"
                + " it is negated, as in ! --physdev-is-bridged");
  }

  private static String interfaceName(String name) throws ArgException {
    if (name.length() > 15) {
      throw new ArgException("interface name `" + name + "' must be shorter than IFNAMSIZ (15)")
          .explained("Linux interface names have at most 15 characters");
    }
    return name;
  }

  private static List<Option> finishPhysdev(RuleContext rule, List<Option> options)
      throws ArgException {
    if (options.isEmpty()) {
      throw new ArgException("PHYSDEV: no physdev option specified")
          .explained("for example -m physdev --physdev-in eth0");
    }
    boolean outgoing = has(options, "--physdev-out") || has(options, "--physdev-is-out");
    boolean bridged = find(options, "--physdev-is-bridged").filter(o -> !o.negated()).isPresent();
    if (outgoing && !bridged && isBuiltin(rule, Hook.OUTPUT)) {
      throw refused(
          "physdev match: --physdev-out and --physdev-is-out only supported in the FORWARD and"
              + " POSTROUTING chains with bridged traffic",
          "in OUTPUT the bridge port a packet will leave by is not known yet; add"
              + " --physdev-is-bridged or move the rule to FORWARD or POSTROUTING");
    }
    return options;
  }

  /** Whether the rule is in the built-in chain of {@code hook} (user chains are not checked). */
  private static boolean isBuiltin(RuleContext rule, Hook... hooks) {
    Optional<Hook> hook = rule.table().builtinHook(rule.chain());
    return hook.isPresent() && List.of(hooks).contains(hook.get());
  }

  // ---- policy --------------------------------------------------------------------------------

  private static final List<String> POLICY_ELEMENT =
      List.of("--reqid", "--spi", "--proto", "--mode", "--tunnel-dst", "--tunnel-src");

  private static final OptionTable POLICY_TABLE =
      new OptionTable("policy")
          .option("--dir", 0)
          .option("--pol", 1)
          .option("--strict", 2)
          .option("--reqid", 3)
          .option("--spi", 4)
          .option("--tunnel-src", 7)
          .option("--tunnel-dst", 8)
          .option("--proto", 5)
          .option("--mode", 6)
          .option("--next", 9).needs("--strict");

  private static ModuleSpec policy() {
    OptionSpec dir =
        OptionSpec.one(
            "--dir",
            a -> {
              if (!a.equals("in") && !a.equals("out")) {
                throw new ArgException("policy_match: invalid dir \"" + a + "\"")
                    .explained("--dir in checks how a packet was decapsulated, --dir out how it"
                        + " will be encapsulated");
              }
              return a;
            });
    OptionSpec pol =
        OptionSpec.one(
            "--pol",
            a -> {
              if (!a.equals("none") && !a.equals("ipsec")) {
                throw new ArgException("policy match: invalid policy \"" + a + "\"")
                    .explained("--pol is none or ipsec");
              }
              return a;
            });
    OptionSpec mode =
        OptionSpec.one(
                "--mode",
                a -> {
                  if (!a.equals("transport") && !a.equals("tunnel")) {
                    throw new ArgException("policy match: invalid mode \"" + a + "\"")
                        .explained("--mode is transport or tunnel");
                  }
                  return a;
                })
            .negatable();
    return ModuleSpec.match(
            "policy",
            dir,
            pol,
            OptionSpec.flag("--strict"),
            OptionSpec.one("--reqid",
                a -> Long.toString(xtUnsigned("policy", "--reqid", a, 0, U32))).negatable(),
            OptionSpec.one("--spi",
                a -> Args.hex(xtUnsigned("policy", "--spi", a, 0, U32))).negatable(),
            OptionSpec.one("--tunnel-src", a -> hostMask("policy", "--tunnel-src", a))
                .negatable(),
            OptionSpec.one("--tunnel-dst", a -> hostMask("policy", "--tunnel-dst", a))
                .negatable(),
            OptionSpec.one("--proto", AdvancedMatches::ipsecProtocol).negatable(),
            mode,
            OptionSpec.flag("--next"))
        .withSaveOrder()
        .withFinisher(AdvancedMatches::finishPolicy)
        .notSimulated(
            "packets are never IPsec-processed: --pol none matches, --pol ipsec does not");
  }

  /** {@code xtables_parse_protocol}, then the policy match's own limit to ah, esp and ipcomp. */
  private static String ipsecProtocol(String text) throws ArgException {
    Optional<Integer> number =
        strtoul(text).filter(n -> n.end() == text.length() && n.value() <= 255)
            .map(n -> (int) n.value());
    if (number.isEmpty()) {
      switch (text) {
        case "IPSEC-ESP" -> number = Optional.of(50);
        case "IPSEC-AH" -> number = Optional.of(51);
        case "ESP", "AH" -> number = Optional.empty();
        default -> {
          boolean spelled = text.equals(text.toLowerCase(Locale.ROOT))
              || text.equals(text.toUpperCase(Locale.ROOT));
          number = spelled ? Protocols.number(text) : Optional.empty();
        }
      }
    }
    if (number.isEmpty()) {
      throw new ArgException("unknown protocol \"" + text + "\" specified")
          .explained("IPsec protocols are esp, ah and ipcomp");
    }
    return switch (number.get()) {
      case 50 -> "esp";
      case 51 -> "ah";
      case 108 -> "ipcomp";
      default -> throw new ArgException("policy match: protocol must be ah/esp/ipcomp")
          .explained("--proto names the IPsec protocol: esp, ah or ipcomp");
    };
  }

  private static List<Option> finishPolicy(RuleContext rule, List<Option> options)
      throws ArgException {
    Optional<Option> dir = find(options, "--dir");
    if (dir.isEmpty()) {
      throw new ArgException("policy match: neither --dir in nor --dir out specified")
          .explained("--dir in looks at how a packet arrived, --dir out at how it will leave");
    }
    boolean none = find(options, "--pol").filter(o -> o.arg().equals("none")).isPresent();
    boolean strict = has(options, "--strict");
    List<List<Option>> elements = new ArrayList<>();
    elements.add(new ArrayList<>());
    for (Option o : options) {
      if (o.name().equals("--next")) {
        elements.add(new ArrayList<>());
      } else if (POLICY_ELEMENT.contains(o.name())) {
        elements.get(elements.size() - 1).add(o);
      }
    }
    if (none && strict) {
      throw new ArgException("policy match: policy none but --strict given")
          .explained("--strict describes an IPsec policy; it means nothing with --pol none");
    }
    if (none && elements.size() > 1) {
      throw new ArgException("policy match: policy none but policy given")
          .explained("--next describes IPsec policy elements; they mean nothing with --pol none");
    }
    if (!none) {
      for (int i = 0; i < elements.size(); i++) {
        checkElement(i, elements.get(i), strict);
      }
    }
    POLICY_TABLE.check(names(options));
    String direction = dir.get().arg();
    if (direction.equals("out") && isBuiltin(rule, Hook.PREROUTING, Hook.INPUT)) {
      throw refused("policy match: output policy not valid in PREROUTING and INPUT",
          "--dir out looks at the IPsec policy a packet will leave with, which is not known"
              + " before routing; use --dir in here");
    }
    if (direction.equals("in") && isBuiltin(rule, Hook.POSTROUTING, Hook.OUTPUT)) {
      throw refused("policy match: input policy not valid in POSTROUTING and OUTPUT",
          "--dir in looks at how a packet arrived, and locally sent packets did not arrive;"
              + " use --dir out here");
    }
    List<Option> out = new ArrayList<>();
    out.add(dir.get());
    out.add(Option.of("--pol", none ? "none" : "ipsec"));
    if (strict) {
      out.add(Option.of("--strict"));
    }
    if (!none) {
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.add(Option.of("--next"));
        }
        for (String name : POLICY_ELEMENT) {
          find(elements.get(i), name).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static void checkElement(int index, List<Option> element, boolean strict)
      throws ArgException {
    if (strict && element.isEmpty()) {
      throw new ArgException("policy match: empty policy element " + index + ". --strict is in"
              + " effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode"
              + " is required.")
          .explained("with --strict every element, including those after --next, must say"
              + " something about the IPsec transform");
    }
    boolean tunnelAddress = has(element, "--tunnel-src") || has(element, "--tunnel-dst");
    Optional<Option> mode = find(element, "--mode");
    boolean tunnel =
        mode.isPresent() && mode.get().arg().equals("tunnel") != mode.get().negated();
    if (tunnelAddress && !tunnel) {
      throw new ArgException(
              "policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode")
          .explained("tunnel end points only exist in tunnel mode: add --mode tunnel");
    }
  }

  // ---- rpfilter ------------------------------------------------------------------------------

  private static ModuleSpec rpfilter() {
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
                throw refused(
                    "rpfilter match: only valid in 'raw' or 'mangle' table, not '"
                        + rule.table().label() + "'",
                    "reverse path filtering happens before routing: use -t raw or -t mangle"
                        + " PREROUTING");
              }
              return options;
            });
  }

  // ---- shared helpers ------------------------------------------------------------------------

  /** A number read by {@code strtoul}: its value (unsigned) and where reading stopped. */
  record CNumber(long value, int end) {}

  /** C's {@code strtoumax(text, &end, 0)} as {@code xtables_strtoul} uses it. */
  static Optional<CNumber> strtoul(String text) {
    return CNumbers.strtoul(text, 0).map(p -> new CNumber(p.value(), p.end()));
  }

  /**
   * An unsigned option argument as iptables' option tables read it, with their error: {@code
   * recent: bad value for option "--seconds", or out of range (1-4294967295).}
   */
  static long xtUnsigned(String module, String option, String text, long min, long max)
      throws ArgException {
    Optional<CNumber> n = strtoul(text);
    if (n.isEmpty() || n.get().end() != text.length()
        || Long.compareUnsigned(n.get().value(), min) < 0
        || Long.compareUnsigned(n.get().value(), max) > 0) {
      throw new ArgException(module + ": bad value for option \"" + option
              + "\", or out of range (" + min + "-" + Long.toUnsignedString(max) + ").")
          .explained(option + " takes a whole number from " + min + " to "
              + Long.toUnsignedString(max));
    }
    return n.get().value();
  }

  /** An address for an option of the host type; names are not looked up. */
  static int host(String text) throws ArgException {
    return CNumbers.inetAton(text)
        .orElseThrow(
            () -> new ArgException("getaddrinfo: Name or service not known")
                .explained("expected an IPv4 address like 192.0.2.7; host names are not"
                    + " resolved in rules files"));
  }

  /**
   * A prefix length as iptables' option tables read it: a number 0..128, or a netmask, whose
   * length is 255 when it has holes.
   */
  static int prefixLength(String module, String option, String text) throws ArgException {
    Optional<CNumber> n = strtoul(text).filter(c -> c.end() == text.length() && c.value() >= 0
        && c.value() <= 128);
    if (n.isPresent()) {
      return (int) n.get().value();
    }
    Optional<Integer> mask = CNumbers.inetAton(text);
    if (mask.isEmpty()) {
      throw new ArgException(module + ": bad value for option \"" + option
              + "\", neither a valid network mask nor valid CIDR (0-32).")
          .explained("give a prefix length such as 24 or a netmask such as 255.255.255.0");
    }
    return Ipv4.prefixOf(mask.get()).orElse(255);
  }

  /**
   * An address with an optional mask, host bits kept, as {@code --tunnel-src} prints it: {@code
   * 10.1.2.3/8}, and no mask when it is /32 (or longer, or has holes).
   */
  private static String hostMask(String module, String option, String text)
      throws ArgException {
    int slash = text.indexOf('/');
    int prefix = 32;
    if (slash >= 0) {
      prefix = prefixLength(module, option, text.substring(slash + 1));
    }
    String address = Ipv4.format(host(slash < 0 ? text : text.substring(0, slash)));
    return prefix >= 32 ? address : address + "/" + prefix;
  }

  /** A rule the kernel refuses when it is loaded, with the kernel's reason as the message. */
  static ArgException refused(String reason, String hint) {
    return refused(reason, "Invalid argument", hint);
  }

  static ArgException refused(String reason, String errno, String hint) {
    return new ArgException(reason)
        .explained("the kernel refuses this rule (iptables-restore: RULE_APPEND failed ("
            + errno + ")): " + hint);
  }

  static boolean has(List<Option> options, String name) {
    return find(options, name).isPresent();
  }

  static Optional<Option> find(List<Option> options, String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  static Set<String> names(List<Option> options) {
    Set<String> names = new HashSet<>();
    options.forEach(o -> names.add(o.name()));
    return names;
  }

  /**
   * The checks iptables derives from an extension's option table once all options are read
   * ({@code xtables_options_fcheck}): for each option in table order, whether it is mandatory,
   * then which other options (in id order) it excludes or needs.
   */
  static final class OptionTable {
    private record Entry(String name, int id, boolean mandatory, List<String> excludes,
        List<String> needs) {}

    private final String module;
    private final List<Entry> entries = new ArrayList<>();

    OptionTable(String module) {
      this.module = module;
    }

    OptionTable option(String name, int id) {
      entries.add(new Entry(name, id, false, List.of(), List.of()));
      return this;
    }

    OptionTable mandatory(String name, int id) {
      entries.add(new Entry(name, id, true, List.of(), List.of()));
      return this;
    }

    /** The last option added cannot be combined with {@code names}. */
    OptionTable excludes(List<String> names) {
      Entry last = entries.remove(entries.size() - 1);
      entries.add(new Entry(last.name(), last.id(), last.mandatory(), names, last.needs()));
      return this;
    }

    /** The last option added needs {@code name} too. */
    OptionTable needs(String name) {
      Entry last = entries.remove(entries.size() - 1);
      entries.add(
          new Entry(last.name(), last.id(), last.mandatory(), last.excludes(), List.of(name)));
      return this;
    }

    void check(Collection<String> present) throws ArgException {
      Set<Integer> ids = new HashSet<>();
      for (Entry e : entries) {
        if (present.contains(e.name())) {
          ids.add(e.id());
        }
      }
      for (Entry e : entries) {
        if (e.mandatory() && !ids.contains(e.id())) {
          throw new ArgException(module + ": option \"" + e.name() + "\" must be specified");
        }
        if (!ids.contains(e.id())) {
          continue;
        }
        for (int id = 0; id < 32; id++) {
          Optional<Entry> other = byId(id);
          if (id == e.id() || other.isEmpty()) {
            continue;
          }
          String name = other.get().name();
          if (e.excludes().contains(name) && ids.contains(id)) {
            throw new ArgException(module + ": option \"" + e.name()
                    + "\" cannot be used together with \"" + name + "\".")
                .explained(e.name() + " and " + name + " contradict each other; keep one");
          }
          if (e.needs().contains(name) && !ids.contains(id)) {
            throw new ArgException(module + ": option \"" + e.name() + "\" also requires \""
                    + name + "\".")
                .explained(e.name() + " only works together with " + name);
          }
        }
      }
    }

    private Optional<Entry> byId(int id) {
      return entries.stream().filter(e -> e.id() == id).findFirst();
    }
  }
}

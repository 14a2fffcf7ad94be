package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.ext.ArgException;
import org.packetpath.engine.ext.BaseOptions;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.ext.OptionSpec;
import org.packetpath.engine.ext.RuleContext;
import org.packetpath.engine.ext.TcpUdpSaved;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.Target;

/**
 * The rule specification of one command as its options are read: the base IP options ({@code
 * -s -d -i -o -p -f}), the match and target extensions loaded with their options, the target
 * and the counters; then the canonical rules it stands for (several when {@code -s} or {@code
 * -d} list several addresses). Checks each option as iptables does when it reads it. Not
 * thread-safe; one instance per command.
 */
final class RuleSpec {
  private static final Set<String> STANDARD_VERDICTS = Set.of("ACCEPT", "DROP", "RETURN");
  /** The base options, in the order iptables-save prints the ones after the addresses. */
  private static final List<String> BASE = List.of("-s", "-d", "-i", "-o", "-p", "-f");

  private final Words words;
  private final List<Diagnostic> warnings;
  private final Backend backend;
  /** The base options, in {@link #BASE} order: given, and as printed (null where not printed). */
  private final boolean[] given = new boolean[BASE.size()];
  private boolean anyGiven;
  private final Option[] base = new Option[BASE.size()];
  /** The first base option written (its last spelling), for {@link #firstWord}. */
  private Token firstBase;
  private String firstBaseName;
  /** The addresses of {@code -s} and {@code -d} as written, read once the options are. */
  private BaseArgs.Written source;
  private BaseArgs.Written destination;
  private final List<Extension> loaded = new ArrayList<>();
  private Extension target;
  private Token targetToken;
  private String targetName;
  private boolean isGoto;
  private Counters counters = Counters.ZERO;
  /** A negated {@code -i +} or {@code -o +} that legacy tests but does not print, or null. */
  private Option hiddenIface;

  /** @param backend the iptables whose kernel loads the rule: the two refuse different rules */
  RuleSpec(Words words, List<Diagnostic> warnings, Backend backend) {
    this.words = words;
    this.warnings = warnings;
    this.backend = backend;
  }

  // ---- what has been read --------------------------------------------------------------------

  /** The extensions loaded so far, in order; the target extension too once {@code -j} names one. */
  List<Extension> loaded() {
    return loaded;
  }

  /** Loads {@code spec}, written at {@code at}. */
  void load(ModuleSpec spec, Token at) {
    loaded.add(new Extension(spec, at));
  }

  /** The word naming the target, if the rule has one. */
  Optional<Token> targetToken() {
    return Optional.ofNullable(targetToken);
  }

  /**
   * The first word of the rule specification, in the order iptables complains about them: a
   * base option, else the target, else the first match; empty when nothing was given.
   */
  Optional<Token> firstWord() {
    if (firstBase != null) {
      return Optional.of(firstBase);
    }
    if (targetToken != null) {
      return Optional.of(targetToken);
    }
    return loaded.isEmpty() ? Optional.empty() : Optional.of(loaded.get(0).at);
  }

  /** Whether no option of a rule specification was given. */
  boolean isEmpty() {
    return !anyGiven && loaded.isEmpty() && targetName == null && source == null
        && destination == null;
  }

  /**
   * The match {@code -p NAME} loads implicitly when an option is unknown otherwise ({@code -p
   * tcp --dport 22}): none when {@code -p} is absent or negated or the match is loaded already.
   */
  Optional<ModuleSpec> implicitProtocolMatch() {
    Option proto = base("-p");
    if (proto == null || proto.negated()) {
      return Optional.empty();
    }
    String name = proto.arg();
    for (Extension l : loaded) {
      if (l.spec.name().equals(name) && l.spec.kind() == ModuleSpec.Kind.MATCH) {
        return Optional.empty();
      }
    }
    return Extensions.match(name);
  }

  // ---- options -------------------------------------------------------------------------------

  /** {@code -s}, {@code -d}, {@code -i}, {@code -o} or {@code -p} and its argument. */
  void ipOption(Token token, String name) throws LineError {
    boolean negated = words.takeInvert(true, () -> "");
    if (given[BASE.indexOf(name)] || (name.equals("-s") && source != null)
        || (name.equals("-d") && destination != null)) {
      throw words.error(token, "multiple " + name + " flags not allowed");
    }
    String value = words.takeArg(token, name);
    Token valueToken = words.argToken(token, 0);
    switch (name) {
      case "-s", "-d" -> {
        BaseArgs.Written written = new BaseArgs.Written(token, valueToken, value);
        if (name.equals("-s")) {
          source = written;
        } else {
          destination = written;
        }
        putBase(token, name, negated ? new Option(name, true, List.of()) : null, negated);
      }
      case "-i", "-o" -> {
        BaseArgs.interfaceName(words, warnings, valueToken, value);
        Option option = new Option(name, negated, List.of(value));
        boolean printed = !value.equals("+") || (negated && backend == Backend.NFT);
        if (!printed && negated) {
          // iptables-legacy-save leaves out "! -i +", which the kernel tests: no packet matches.
          hiddenIface = option;
          warnings.add(words.line().warning(token, "iptables-legacy-save leaves out \"! " + name
              + " +\"; the kernel still tests it, so the rule never matches")
              .explained("+ is every interface, so ! " + name + " + is none; the saved rule"
                  + " matches every packet instead. iptables-nft-save prints it"));
        }
        putBase(token, name, printed ? option : null, true);
      }
      default -> putBase(token, "-p", BaseArgs.protocol(words, token, valueToken, value, negated),
          true);
    }
  }

  /** {@code -f}. */
  void fragment(Token token) throws LineError {
    boolean negated = words.takeInvert(true, () -> "");
    if (given[BASE.indexOf("-f")]) {
      throw words.error(token, "multiple -f flags not allowed");
    }
    putBase(token, "-f", new Option("-f", negated, List.of()), true);
  }

  /** {@code -m NAME}. */
  void match(Token token) throws LineError {
    if (words.pendingInvert() != null) {
      throw words.error(words.pendingInvert(), "unexpected ! flag before --match");
    }
    String name = words.takeArg(token, "-m");
    Token nameToken = words.argToken(token, 0);
    ModuleSpec spec = Extensions.match(name).orElseThrow(() -> {
      LineError e = words.error(nameToken, "Couldn't load match `" + name
          + "':No such file or directory");
      List<String> known = Extensions.matches().stream().map(ModuleSpec::name).toList();
      return Suggest.closest(name, known).map(s -> e.explain("did you mean -m " + s + "?"))
          .orElse(e.explain("there is no match extension called " + name));
    });
    load(spec, nameToken);
  }

  /** {@code -j NAME} or, when {@code goTo}, {@code -g CHAIN}. */
  void target(Token token, boolean goTo) throws LineError {
    words.noInvert(token);
    if (targetName != null) {
      throw words.error(token, "multiple -j flags not allowed")
          .explain("a rule has one target; split it into two rules");
    }
    String name = words.takeArg(token, goTo ? "-g" : "-j");
    targetToken = words.argToken(token, 0);
    if (Words.hasCSpace(name)) {
      throw words.error(targetToken, "Invalid target name `" + name + "'");
    }
    targetName = name;
    isGoto = goTo;
    if (!goTo) {
      Optional<ModuleSpec> spec = Extensions.target(name);
      if (spec.isPresent()) {
        target = new Extension(spec.get(), targetToken);
        loaded.add(target);
      }
    }
  }

  /** {@code -c PACKETS BYTES}. */
  void counters(Token token) throws LineError {
    words.noInvert(token);
    List<String> values = words.takeArgs(token, 2, "-c");
    Optional<Long> packets = SaveFileParser.unsigned64(values.get(0));
    Optional<Long> bytes = SaveFileParser.unsigned64(values.get(1));
    if (packets.isEmpty() || bytes.isEmpty()) {
      throw words.error(token, "-c packet counter not numeric");
    }
    counters = new Counters(packets.get(), bytes.get());
  }

  /** Option {@code spec} of extension {@code owner}, written as {@code token}. */
  void extensionOption(Token token, Extension owner, OptionSpec spec) throws LineError {
    // As xtables_option_parse: a second use is refused before its ! and its argument are read.
    if (owner.given.contains(spec)) {
      throw onlyOnce(token, owner, spec);
    }
    owner.given.add(spec);
    boolean negated = words.takeInvert(spec.invertible(), () -> owner.spec.name() + ": option \""
        + spec.name() + "\" cannot be inverted.");
    List<String> values = words.takeArgs(token, spec.arity(), spec.name());
    Option option;
    try {
      option = spec.canonical(Optional.ofNullable(base("-p")), negated, values);
    } catch (ArgException e) {
      throw words.argError(token, e);
    }
    if (spec.freeText() && !option.args().equals(values)) {
      warnings.add(words.cut(words.argToken(token, 0), spec.name(), values.get(0), option.arg()));
    }
    for (Option existing : owner.options) {
      if (existing.name().equals(option.name())) {
        throw onlyOnce(token, owner, spec);
      }
    }
    owner.options.add(option);
  }

  private LineError onlyOnce(Token token, Extension owner, OptionSpec spec) {
    return words.error(token, spec.twiceMessage(owner.spec.name()));
  }

  /**
   * Records base option {@code name}, written at {@code token}: {@code option} is what is printed
   * (null for nothing), {@code counts} whether a second one is refused.
   */
  private void putBase(Token token, String name, Option option, boolean counts) {
    int i = BASE.indexOf(name);
    given[i] |= counts;
    anyGiven |= counts;
    base[i] = option;
    if (firstBase == null || firstBaseName.equals(name)) {
      firstBase = token;
      firstBaseName = name;
    }
  }

  private Option base(String name) {
    return base[BASE.indexOf(name)];
  }

  // ---- the rules -----------------------------------------------------------------------------

  /**
   * The canonical rules of this specification in chain {@code chain} of {@code table}, written
   * at {@code origin}: one per source and destination address.
   */
  List<Rule> rules(Table table, String chain, SourcePosition origin) throws LineError {
    Option proto = base("-p");
    Optional<String> protocol = proto == null || proto.negated()
        ? Optional.empty() : Optional.of(proto.arg());
    RuleContext context = new RuleContext(table, chain, protocol);
    List<Match> read = new ArrayList<>(loaded.size());
    List<Token> at = new ArrayList<>(loaded.size());
    for (Extension l : loaded) {
      if (l == target) {
        continue;
      }
      List<Option> options = finish(l, context);
      read.add(new Match(l.spec.name(), options, l.spec.condition().of(options)));
      at.add(l.at);
    }
    TcpUdpSaved.Stored stored = TcpUdpSaved.stored(read, backend == Backend.NFT);
    if (!stored.lossy().isEmpty()) {
      warnings.add(words.savedOtherwise(at.get(stored.lossy().get(0)), backend));
    }
    List<Match> matches = stored.matches();
    Optional<Target> ruleTarget = Optional.empty();
    if (targetName != null) {
      ruleTarget = Optional.of(target(table, context));
    }
    List<String> src = BaseArgs.addresses(words, source);
    List<String> dst = BaseArgs.addresses(words, destination);
    boolean negatedSource = given[BASE.indexOf("-s")];
    boolean negatedDestination = given[BASE.indexOf("-d")];
    if ((src.size() > 1 || dst.size() > 1) && (negatedSource || negatedDestination)) {
      throw words.error(src.size() > 1 ? source.value() : destination.value(),
          "! not allowed with multiple source or destination IP addresses");
    }
    if (backend == Backend.NFT) {
      if (negatedSource && src.contains("0.0.0.0/0")) {
        throw BaseArgs.negatedEverything(words, source.option(), chain);
      }
      if (negatedDestination && dst.contains("0.0.0.0/0")) {
        throw BaseArgs.negatedEverything(words, destination.option(), chain);
      }
    }
    List<Rule> rules = new ArrayList<>(src.size() * dst.size());
    for (String s : src) {
      for (String d : dst) {
        List<Option> baseOptions = baseOptions(s, d);
        List<Condition> conditions = new ArrayList<>(matches.size() + 1);
        conditions.add(BaseOptions.meaning(baseOptions));
        if (hiddenIface != null) {
          conditions.add(BaseOptions.meaning(List.of(hiddenIface)));
        }
        for (Match m : matches) {
          conditions.add(m.condition());
        }
        rules.add(new Rule(baseOptions, matches, ruleTarget, counters, origin,
            Condition.all(conditions)));
      }
    }
    return rules;
  }

  private List<Option> baseOptions(String source, String destination) {
    List<Option> out = new ArrayList<>(6);
    addAddress(out, "-s", source);
    addAddress(out, "-d", destination);
    for (String name : new String[] {"-i", "-o", "-p", "-f"}) {
      Option o = base(name);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private void addAddress(List<Option> out, String name, String value) {
    boolean negated = given[BASE.indexOf(name)];
    if (value.isEmpty() || (value.equals("0.0.0.0/0") && !negated)) {
      return;
    }
    out.add(new Option(name, negated, List.of(value)));
  }

  private List<Option> finish(Extension l, RuleContext context) throws LineError {
    try {
      return l.spec.finish(context, l.options);
    } catch (ArgException e) {
      LineError error = words.error(l.at, e.getMessage());
      throw e.explanation().isEmpty() ? error : error.explain(e.explanation());
    }
  }

  private Target target(Table table, RuleContext context) throws LineError {
    if (target != null) {
      List<Option> options = finish(target, context);
      return Target.extension(targetName, options, target.spec.action().of(options));
    }
    if (STANDARD_VERDICTS.contains(targetName)) {
      if (targetName.equals("DROP") && table == Table.NAT && !isGoto) {
        throw words.error(targetToken, "The \"nat\" table is not intended for filtering, the use"
            + " of DROP is therefore inhibited.")
            .explain("drop packets in the filter table; the nat table only sees the first packet"
                + " of each connection");
      }
      if (isGoto) {
        throw words.error(targetToken, "Chain '" + targetName + "' does not exist")
            .explain("-g continues in a user-defined chain; use -j " + targetName
                + " for a verdict");
      }
      return Target.standard(targetName);
    }
    return isGoto ? Target.goTo(targetName) : Target.jump(targetName);
  }
}

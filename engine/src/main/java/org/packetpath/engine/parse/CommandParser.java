package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.ext.ArgException;
import org.packetpath.engine.ext.Args;
import org.packetpath.engine.ext.BaseOptions;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.ext.OptionSpec;
import org.packetpath.engine.ext.RuleContext;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.Target;

/**
 * Reads the words of one iptables command ({@code -A INPUT -p tcp --dport 22 -j DROP}) the way
 * iptables' {@code do_parse} does: base options, {@code -m} matches and their options, the
 * implicit protocol match, {@code !} negation, getopt-style unique prefixes of long options, and
 * the target. Produces a {@link Command} with canonical rules, or the first problem on the line.
 *
 * <p>Not thread-safe; use one instance per command.
 *
 * <p>It is long because it transcribes iptables' own command-line parser, option by option, so
 * that every quirk a learner meets on a real system is met here too.
 */
final class CommandParser {
  /** The base options, by every spelling iptables accepts. */
  private static final Map<String, String> BASE = new LinkedHashMap<>();

  static {
    String[][] spellings = {
      {"-A", "--append"}, {"-I", "--insert"}, {"-D", "--delete"}, {"-R", "--replace"},
      {"-N", "--new-chain"}, {"-X", "--delete-chain"}, {"-P", "--policy"}, {"-F", "--flush"},
      {"-Z", "--zero"}, {"-E", "--rename-chain"}, {"-L", "--list"}, {"-S", "--list-rules"},
      {"-C", "--check"}, {"-t", "--table"}, {"-s", "--source", "--src"},
      {"-d", "--destination", "--dst"}, {"-i", "--in-interface"}, {"-o", "--out-interface"},
      {"-p", "--protocol"}, {"-f", "--fragment"}, {"-m", "--match"}, {"-j", "--jump"},
      {"-g", "--goto"}, {"-c", "--set-counters"}, {"-w", "--wait"}, {"-W", "--wait-interval"},
      {"-v", "--verbose"}, {"-n", "--numeric"}, {"-x", "--exact"}, {"-4", "--ipv4"},
      {"-6", "--ipv6"}, {"--line-numbers"}, {"--modprobe"}
    };
    for (String[] group : spellings) {
      for (String s : group) {
        BASE.put(s, group[0]);
      }
    }
  }

  private static final Set<String> NEGATABLE_BASE = Set.of("-s", "-d", "-i", "-o", "-p", "-f");
  private static final Set<String> STANDARD_VERDICTS = Set.of("ACCEPT", "DROP", "RETURN");

  /** A match or target extension loaded on this line, with the options it received. */
  private static final class Loaded {
    final ModuleSpec spec;
    final Token at;
    final List<Option> options = new ArrayList<>();
    final List<Token> optionTokens = new ArrayList<>();

    Loaded(ModuleSpec spec, Token at) {
      this.spec = spec;
      this.at = at;
    }
  }

  private final LineSource line;
  private final List<Token> tokens;
  private final boolean restoreMode;
  private final Table defaultTable;
  private final List<Diagnostic> warnings;

  private int pos;
  private Token invert;
  private Command.Kind kind;
  private Token kindToken;
  private final List<String> args = new ArrayList<>();
  private int ruleNumber;
  private Table table;
  private boolean tableGiven;
  private final Map<String, Option> base = new LinkedHashMap<>();
  private final Map<String, Token> baseTokens = new LinkedHashMap<>();
  private List<String> sources = List.of();
  private List<String> destinations = List.of();
  private final List<Loaded> loaded = new ArrayList<>();
  private Loaded target;
  private Token targetToken;
  private String targetName;
  private boolean isGoto;
  private Counters counters = Counters.ZERO;

  /**
   * @param restoreMode whether the line comes from an iptables-restore file ({@code -t} is not
   *     allowed there; the table is the enclosing {@code *table})
   * @param warnings receives warnings about the line
   */
  CommandParser(
      LineSource line,
      List<Token> tokens,
      boolean restoreMode,
      Table defaultTable,
      List<Diagnostic> warnings) {
    this.line = line;
    this.tokens = tokens;
    this.restoreMode = restoreMode;
    this.defaultTable = defaultTable;
    this.table = defaultTable;
    this.warnings = warnings;
  }

  Command parse() throws LineError {
    while (pos < tokens.size()) {
      Token token = tokens.get(pos++);
      String word = token.text();
      if (word.equals("!")) {
        if (invert != null) {
          throw error(token, "multiple consecutive ! not allowed");
        }
        invert = token;
      } else if (word.startsWith("-") && word.length() > 1) {
        option(token);
      } else {
        positional(token);
      }
    }
    if (invert != null) {
      throw error(invert, "unexpected ! at the end of the line")
          .explain("! negates the option that follows it, as in ! -s 10.0.0.0/8");
    }
    if (kind == null) {
      throw error(tokens.isEmpty() ? new Token("", 1) : tokens.get(0), "no command specified")
          .explain("a rule line starts with a command such as -A INPUT");
    }
    checkCommandArgs();
    List<Rule> rules = kind.takesRule() && !isDeleteByNumber() ? rules() : List.of();
    return new Command(
        kind, tableGiven ? Optional.of(table) : Optional.empty(), args, ruleNumber, rules,
        kindToken, Optional.ofNullable(targetToken), line);
  }

  private boolean isDeleteByNumber() {
    return kind == Command.Kind.DELETE && ruleNumber > 0;
  }

  // ---- options -------------------------------------------------------------------------------

  private void option(Token token) throws LineError {
    String word = token.text();
    String baseName = BASE.get(word);
    if (baseName != null) {
      baseOption(token, baseName);
      return;
    }
    if (!word.startsWith("--")) {
      throw error(token, "unknown option \"" + word + "\"");
    }
    Resolved resolved = resolve(token);
    if (resolved.baseName != null) {
      baseOption(token, resolved.baseName);
    } else {
      extensionOption(token, resolved.owner, resolved.spec);
    }
  }

  private record Resolved(String baseName, Loaded owner, OptionSpec spec) {}

  /**
   * Finds the owner of a long option as getopt_long over iptables' merged option table would:
   * exact names first (base options, then the most recently loaded extension), then a unique
   * prefix. Loads the implicit protocol match ({@code -p tcp} → {@code -m tcp}) when nothing
   * else knows the option.
   */
  private Resolved resolve(Token token) throws LineError {
    String word = token.text();
    for (int i = loaded.size() - 1; i >= 0; i--) {
      Optional<OptionSpec> spec = loaded.get(i).spec.option(word);
      if (spec.isPresent()) {
        return new Resolved(null, loaded.get(i), spec.get());
      }
    }
    List<Resolved> prefixed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : BASE.entrySet()) {
      if (e.getKey().startsWith("--") && e.getKey().startsWith(word)) {
        if (prefixed.stream().noneMatch(r -> e.getValue().equals(r.baseName))) {
          prefixed.add(new Resolved(e.getValue(), null, null));
        }
        names.add(e.getKey());
      }
    }
    for (int i = loaded.size() - 1; i >= 0; i--) {
      for (OptionSpec spec : loaded.get(i).spec.options()) {
        for (String spelling : spec.spellings()) {
          if (spelling.startsWith(word)) {
            Loaded owner = loaded.get(i);
            if (prefixed.stream().noneMatch(r -> r.owner == owner && r.spec == spec)) {
              prefixed.add(new Resolved(null, owner, spec));
            }
            names.add(spelling);
          }
        }
      }
    }
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    if (prefixed.size() > 1) {
      throw error(token, "unknown option \"" + word + "\"")
          .explain("it is the start of several options: " + String.join(", ", names));
    }
    Optional<ModuleSpec> implicit = implicitProtocolMatch();
    if (implicit.isPresent()) {
      loaded.add(new Loaded(implicit.get(), token));
      return resolve(token);
    }
    throw unknownOption(token);
  }

  private Optional<ModuleSpec> implicitProtocolMatch() {
    Option proto = base.get("-p");
    if (proto == null || proto.negated()) {
      return Optional.empty();
    }
    String name = proto.arg();
    if (loaded.stream().anyMatch(l -> l.spec.name().equals(name) && l.spec.kind() == ModuleSpec.Kind.MATCH)) {
      return Optional.empty();
    }
    return Extensions.match(name);
  }

  private LineError unknownOption(Token token) {
    String word = token.text();
    LineError e = error(token, "unknown option \"" + word + "\"");
    List<String> known = new ArrayList<>();
    for (Loaded l : loaded) {
      l.spec.options().forEach(o -> known.addAll(o.spellings()));
    }
    Optional<String> close = Suggest.closest(word, known);
    if (close.isPresent()) {
      return e.explain("did you mean " + close.get() + "?");
    }
    for (String proto : List.of("tcp", "udp", "icmp")) {
      if (Extensions.match(proto).flatMap(m -> m.option(word)).isPresent()) {
        return e.explain(
            word + " belongs to the " + proto + " match: give the protocol first, as in -p "
                + proto + " " + word + " ...");
      }
    }
    for (ModuleSpec spec : Extensions.matches()) {
      if (spec.option(word).isPresent()) {
        return e.explain(word + " belongs to the " + spec.name() + " match: load it with -m "
            + spec.name() + " before the option");
      }
    }
    for (ModuleSpec spec : Extensions.targets()) {
      if (spec.option(word).isPresent()) {
        return e.explain(word + " is an option of the " + spec.name() + " target: write it after -j "
            + spec.name());
      }
    }
    return e;
  }

  private void extensionOption(Token token, Loaded owner, OptionSpec spec) throws LineError {
    boolean negated = takeInvert(token, spec.invertible(), owner.spec.name() + ": option \""
        + spec.name() + "\" cannot be inverted.");
    List<String> values = takeArgs(token, spec.arity(), spec.name());
    Option option;
    try {
      option = spec.canonical(negated, values);
    } catch (ArgException e) {
      throw argError(token, e);
    }
    for (Option existing : owner.options) {
      if (existing.name().equals(option.name())) {
        throw error(token, owner.spec.name() + ": option \"" + spec.name() + "\" can only be used once.");
      }
    }
    owner.options.add(option);
    owner.optionTokens.add(token);
  }

  private boolean takeInvert(Token token, boolean allowed, String message) throws LineError {
    if (invert == null) {
      return false;
    }
    if (!allowed) {
      throw error(invert, message);
    }
    invert = null;
    return true;
  }

  private List<String> takeArgs(Token token, int arity, String name) throws LineError {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      if (pos >= tokens.size()) {
        if (arity == 2 && i == 1) {
          throw error(token, name + " requires two args.");
        }
        throw error(token, "option \"" + name + "\" requires an argument");
      }
      values.add(tokens.get(pos++).text());
    }
    return values;
  }

  private Token argToken(Token optionToken, int index) {
    int i = tokens.indexOf(optionToken) + 1 + Math.max(index, 0);
    return i < tokens.size() ? tokens.get(i) : optionToken;
  }

  private LineError argError(Token optionToken, ArgException e) {
    Token at = e.argIndex() >= 0 ? argToken(optionToken, e.argIndex()) : optionToken;
    LineError error = error(at, e.getMessage());
    return e.explanation().isEmpty() ? error : error.explain(e.explanation());
  }

  private void baseOption(Token token, String name) throws LineError {
    switch (name) {
      case "-A", "-I", "-D", "-R", "-N", "-X", "-P", "-F", "-Z", "-E" -> command(token, name);
      case "-L", "-S", "-C" ->
          throw error(token, "iptables " + name + " lists or checks rules; it cannot be used in a rules file");
      case "-t" -> tableOption(token);
      case "-s", "-d", "-i", "-o", "-p" -> ipOption(token, name);
      case "-f" -> {
        boolean negated = takeInvert(token, true, "");
        if (base.containsKey("-f")) {
          throw error(token, "multiple -f flags not allowed");
        }
        base.put("-f", new Option("-f", negated, List.of()));
        baseTokens.put("-f", token);
      }
      case "-m" -> matchOption(token);
      case "-j", "-g" -> targetOption(token, name.equals("-g"));
      case "-c" -> countersOption(token);
      case "-w", "-W" -> optionalNumber();
      case "-v", "-n", "-x", "-4", "--line-numbers" -> {
        noInvert(token);
      }
      case "-6" -> throw error(token, "this is an IPv4 ruleset; -6 rules belong in ip6tables files");
      case "--modprobe" -> takeArgs(token, 1, "--modprobe");
      default -> throw error(token, "unknown option \"" + token.text() + "\"");
    }
  }

  private void noInvert(Token token) throws LineError {
    if (invert != null) {
      throw error(invert, "unexpected ! flag before " + token.text());
    }
  }

  private void optionalNumber() {
    if (pos < tokens.size() && Args.unsigned(tokens.get(pos).text()).isPresent()) {
      pos++;
    }
  }

  private void command(Token token, String flag) throws LineError {
    noInvert(token);
    Command.Kind newKind = null;
    for (Command.Kind k : Command.Kind.values()) {
      if (k.flag.equals(flag)) {
        newKind = k;
      }
    }
    if (kind != null) {
      throw error(token, "Cannot use " + flag + " with " + kind.flag)
          .explain("one line holds one command");
    }
    kind = newKind;
    kindToken = token;
    switch (kind) {
      case APPEND, NEW_CHAIN -> args.add(chainArg(token));
      case INSERT -> {
        args.add(chainArg(token));
        ruleNumber = optionalRuleNumber(1);
      }
      case DELETE -> {
        args.add(chainArg(token));
        ruleNumber = optionalRuleNumber(0);
      }
      case REPLACE -> {
        args.add(chainArg(token));
        ruleNumber = optionalRuleNumber(0);
        if (ruleNumber == 0) {
          throw error(token, "-R requires a rule number")
              .explain("write -R CHAIN NUMBER followed by the new rule");
        }
      }
      case DELETE_CHAIN, FLUSH -> optionalChain();
      case ZERO -> {
        optionalChain();
        if (!args.isEmpty()) {
          ruleNumber = optionalRuleNumber(0);
        }
      }
      case POLICY -> {
        args.add(chainArg(token));
        args.add(chainArg(token));
      }
      case RENAME -> {
        args.add(chainArg(token));
        args.add(chainArg(token));
      }
    }
  }

  private String chainArg(Token command) throws LineError {
    if (pos >= tokens.size()) {
      throw error(command, "option \"" + command.text() + "\" requires an argument");
    }
    return tokens.get(pos++).text();
  }

  private void optionalChain() {
    if (pos < tokens.size() && !tokens.get(pos).text().startsWith("-")
        && !tokens.get(pos).text().equals("!")) {
      args.add(tokens.get(pos++).text());
    }
  }

  private int optionalRuleNumber(int fallback) throws LineError {
    if (pos < tokens.size()) {
      Token next = tokens.get(pos);
      Optional<Long> n = Args.unsigned(next.text());
      if (n.isPresent()) {
        pos++;
        if (n.get() < 1 || n.get() > Integer.MAX_VALUE) {
          throw error(next, "Invalid rule number `" + next.text() + "'")
              .explain("rules are numbered from 1");
        }
        return n.get().intValue();
      }
    }
    return fallback;
  }

  private void tableOption(Token token) throws LineError {
    noInvert(token);
    List<String> value = takeArgs(token, 1, "-t");
    if (restoreMode) {
      throw error(token, "The -t option cannot be used in iptables-restore.")
          .explain("in an iptables-save file the table is set by the *table line above");
    }
    if (tableGiven) {
      throw error(token, "multiple -t flags not allowed");
    }
    table = Table.byLabel(value.get(0)).orElseThrow(
        () -> error(argToken(token, 0), "table '" + value.get(0) + "' does not exist")
            .explain("the tables are raw, mangle, nat, filter and security"));
    tableGiven = true;
  }

  private void ipOption(Token token, String name) throws LineError {
    boolean negated = takeInvert(token, true, "");
    if (base.containsKey(name) || (name.equals("-s") && !sources.isEmpty())
        || (name.equals("-d") && !destinations.isEmpty())) {
      throw error(token, "multiple " + name + " flags not allowed");
    }
    String value = takeArgs(token, 1, name).get(0);
    Token valueToken = argToken(token, 0);
    switch (name) {
      case "-s", "-d" -> {
        List<String> list = addresses(valueToken, value, negated);
        if (name.equals("-s")) {
          sources = list;
        } else {
          destinations = list;
        }
        baseTokens.put(name, token);
        if (negated) {
          base.put(name, new Option(name, true, List.of()));
        }
      }
      case "-i", "-o" -> {
        if (value.isEmpty()) {
          throw error(valueToken, "Empty interface is likely to be undesired")
              .explain("give an interface name such as eth0, or leave the option out");
        }
        if (value.indexOf('/') >= 0 || value.indexOf(' ') >= 0) {
          warnings.add(line.warning(valueToken, "weird character in interface `" + value
              + "' ('/' and ' ' are not allowed by the kernel)"));
        }
        if (value.length() > 15) {
          throw error(valueToken, "interface name `" + value
              + "' must be shorter than IFNAMSIZ (15)")
              .explain("Linux interface names have at most 15 characters");
        }
        if (!value.equals("+") || negated) {
          base.put(name, new Option(name, negated, List.of(value)));
        }
        baseTokens.put(name, token);
      }
      default -> {
        int number = Protocols.number(value).orElseThrow(
            () -> error(valueToken, "unknown protocol \"" + value + "\" specified")
                .explain("use a name such as tcp, udp, icmp or all, or a number 0..255"));
        if (number == 0 && negated) {
          throw error(token, "rule would never match protocol");
        }
        if (number != 0) {
          base.put("-p", new Option("-p", negated, List.of(Protocols.canonicalName(number))));
        } else {
          base.put("-p", null);
        }
        baseTokens.put("-p", token);
      }
    }
  }

  private List<String> addresses(Token token, String value, boolean negated) throws LineError {
    String[] parts = value.split(",", -1);
    if (negated && parts.length > 1) {
      throw error(token, "! not allowed with multiple source or destination IP addresses");
    }
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      try {
        String network = Args.network(part);
        if (!out.contains(network)) {
          out.add(network);
        }
      } catch (ArgException e) {
        throw argError(token, e.at(-1));
      }
    }
    return out;
  }

  private void matchOption(Token token) throws LineError {
    if (invert != null) {
      throw error(invert, "unexpected ! flag before --match");
    }
    String name = takeArgs(token, 1, "-m").get(0);
    ModuleSpec spec = Extensions.match(name).orElseThrow(() -> {
      LineError e = error(argToken(token, 0), "Couldn't load match `" + name
          + "':No such file or directory");
      List<String> known = Extensions.matches().stream().map(ModuleSpec::name).toList();
      return Suggest.closest(name, known).map(s -> e.explain("did you mean -m " + s + "?"))
          .orElse(e.explain("there is no match extension called " + name));
    });
    loaded.add(new Loaded(spec, argToken(token, 0)));
  }

  private void targetOption(Token token, boolean goTo) throws LineError {
    noInvert(token);
    if (targetName != null) {
      throw error(token, "multiple -j flags not allowed")
          .explain("a rule has one target; split it into two rules");
    }
    String name = takeArgs(token, 1, goTo ? "-g" : "-j").get(0);
    targetToken = argToken(token, 0);
    targetName = name;
    isGoto = goTo;
    if (!goTo) {
      Optional<ModuleSpec> spec = Extensions.target(name);
      if (spec.isPresent()) {
        target = new Loaded(spec.get(), targetToken);
        loaded.add(target);
      }
    }
  }

  private void countersOption(Token token) throws LineError {
    noInvert(token);
    List<String> values = takeArgs(token, 2, "-c");
    Optional<Long> packets = SaveFileParser.unsigned64(values.get(0));
    Optional<Long> bytes = SaveFileParser.unsigned64(values.get(1));
    if (packets.isEmpty() || bytes.isEmpty()) {
      throw error(token, "-c packet counter not numeric");
    }
    counters = new Counters(packets.get(), bytes.get());
  }

  private void positional(Token token) throws LineError {
    throw error(token, "Bad argument `" + token.text() + "'")
        .explain(invert != null || token.text().matches("[0-9./]+")
            ? "! goes before the option it negates: write ! -s ADDRESS, not -s ! ADDRESS"
            : "every word must be an option or the argument of the option before it");
  }

  // ---- whole command -------------------------------------------------------------------------

  private void checkCommandArgs() throws LineError {
    for (String chain : args.subList(0, kind == Command.Kind.POLICY ? 1 : args.size())) {
      if (chain.length() >= 29) {
        throw error(kindToken, "chain name `" + chain + "' too long (must be under 29 chars)");
      }
    }
    if (!kind.takesRule() && (!base.isEmpty() || !loaded.isEmpty() || targetName != null
        || !sources.isEmpty() || !destinations.isEmpty())) {
      Token first = baseTokens.values().stream().findFirst()
          .orElse(targetToken != null ? targetToken : loaded.isEmpty() ? kindToken : loaded.get(0).at);
      throw error(first, "Illegal option with " + kind.flag)
          .explain(kind.flag + " takes only chain names");
    }
  }

  private List<Rule> rules() throws LineError {
    String chain = args.get(0);
    Optional<String> protocol = Optional.ofNullable(base.get("-p"))
        .filter(o -> !o.negated()).map(Option::arg);
    RuleContext context = new RuleContext(table, chain, protocol);
    List<Match> matches = new ArrayList<>();
    for (Loaded l : loaded) {
      if (l == target) {
        continue;
      }
      List<Option> options = finish(l, context);
      matches.add(new Match(l.spec.name(), options, l.spec.condition().of(options)));
    }
    Optional<Target> ruleTarget = Optional.empty();
    if (targetName != null) {
      ruleTarget = Optional.of(target(context));
    }
    List<Rule> rules = new ArrayList<>();
    List<String> src = sources.isEmpty() ? List.of("") : sources;
    List<String> dst = destinations.isEmpty() ? List.of("") : destinations;
    for (String s : src) {
      for (String d : dst) {
        List<Option> baseOptions = baseOptions(s, d);
        List<Condition> conditions = new ArrayList<>();
        conditions.add(BaseOptions.meaning(baseOptions));
        matches.forEach(m -> conditions.add(m.condition()));
        rules.add(new Rule(baseOptions, matches, ruleTarget, counters, line.at(kindToken),
            Condition.all(conditions)));
      }
    }
    return rules;
  }

  private List<Option> baseOptions(String source, String destination) {
    List<Option> out = new ArrayList<>();
    addAddress(out, "-s", source);
    addAddress(out, "-d", destination);
    for (String name : List.of("-i", "-o", "-p", "-f")) {
      Option o = base.get(name);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private void addAddress(List<Option> out, String name, String value) {
    boolean negated = base.containsKey(name);
    if (value.isEmpty() || (value.equals("0.0.0.0/0") && !negated)) {
      return;
    }
    out.add(new Option(name, negated, List.of(value)));
  }

  private List<Option> finish(Loaded l, RuleContext context) throws LineError {
    try {
      return l.spec.finish(context, l.options);
    } catch (ArgException e) {
      LineError error = error(l.at, e.getMessage());
      return e.explanation().isEmpty() ? throwIt(error) : throwIt(error.explain(e.explanation()));
    }
  }

  private static <T> T throwIt(LineError e) throws LineError {
    throw e;
  }

  private Target target(RuleContext context) throws LineError {
    if (target != null) {
      List<Option> options = finish(target, context);
      return Target.extension(targetName, options, target.spec.action().of(options));
    }
    if (STANDARD_VERDICTS.contains(targetName)) {
      if (targetName.equals("DROP") && table == Table.NAT && !isGoto) {
        throw error(targetToken, "The \"nat\" table is not intended for filtering, the use of"
            + " DROP is therefore inhibited.")
            .explain("drop packets in the filter table; the nat table only sees the first packet"
                + " of each connection");
      }
      if (isGoto) {
        throw error(targetToken, "Chain '" + targetName + "' does not exist")
            .explain("-g continues in a user-defined chain; use -j " + targetName + " for a verdict");
      }
      return Target.standard(targetName);
    }
    return isGoto ? Target.goTo(targetName) : Target.jump(targetName);
  }

  private LineError error(Token token, String message) {
    return new LineError(line.error(token, message));
  }
}

package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.ext.Args;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Table;

/**
 * Reads the words of one iptables command ({@code -A INPUT -p tcp --dport 22 -j DROP}) the way
 * iptables' {@code do_parse} does: the command and its chain arguments, {@code -t}, {@code !}
 * negation, getopt-style unique prefixes of long options ({@link OptionNames}), and the rule
 * specification ({@link RuleSpec}: base options, {@code -m} matches and their options, the
 * implicit protocol match, the target). Produces a {@link Command} with canonical rules, or the
 * first problem on the line.
 *
 * <p>Not thread-safe; use one instance per command.
 */
final class CommandParser {
  private final Words words;
  private final boolean restoreMode;
  private final RuleSpec rule;

  private Command.Kind kind;
  private Token kindToken;
  private final List<String> args = new ArrayList<>(2);
  private int ruleNumber;
  private Table table;
  private boolean tableGiven;

  /**
   * @param restoreMode whether the line comes from an iptables-restore file ({@code -t} is not
   *     allowed there; the table is the enclosing {@code *table})
   * @param warnings receives warnings about the line
   * @param backend the iptables that loads the rules
   */
  CommandParser(
      LineSource line,
      List<Token> tokens,
      boolean restoreMode,
      Table defaultTable,
      List<Diagnostic> warnings,
      Backend backend) {
    this.words = new Words(line, tokens);
    this.restoreMode = restoreMode;
    this.table = defaultTable;
    this.rule = new RuleSpec(words, warnings, backend);
  }

  Command parse() throws LineError {
    while (words.hasNext()) {
      Token token = words.next();
      String word = token.text();
      if (word.equals("!")) {
        words.invert(token);
      } else if (word.startsWith("-") && word.length() > 1) {
        option(token);
      } else {
        positional(token);
      }
    }
    if (words.pendingInvert() != null) {
      throw words.error(words.pendingInvert(), "unexpected ! at the end of the line")
          .explain("! negates the option that follows it, as in ! -s 10.0.0.0/8");
    }
    if (kind == null) {
      throw words.error(words.first(), "no command specified")
          .explain("a rule line starts with a command such as -A INPUT");
    }
    checkCommandArgs();
    List<Rule> rules = kind.takesRule() && !isDeleteByNumber()
        ? rule.rules(table, args.get(0), words.line().at(kindToken)) : List.of();
    return new Command(
        kind, tableGiven ? Optional.of(table) : Optional.empty(), args, ruleNumber, rules,
        kindToken, rule.targetToken(), words.line());
  }

  private boolean isDeleteByNumber() {
    return kind == Command.Kind.DELETE && ruleNumber > 0;
  }

  // ---- options -------------------------------------------------------------------------------

  private void option(Token token) throws LineError {
    String word = token.text();
    String baseName = OptionNames.base(word);
    if (baseName != null) {
      baseOption(token, baseName);
      return;
    }
    if (!word.startsWith("--")) {
      throw words.error(token, "unknown option \"" + word + "\"");
    }
    OptionNames.Resolved resolved = OptionNames.resolve(words, rule, token);
    if (resolved.baseName() != null) {
      baseOption(token, resolved.baseName());
    } else {
      rule.extensionOption(token, resolved.owner(), resolved.spec());
    }
  }

  private void baseOption(Token token, String name) throws LineError {
    switch (name) {
      case "-A", "-I", "-D", "-R", "-N", "-X", "-P", "-F", "-Z", "-E" -> command(token, name);
      case "-L", "-S", "-C" -> throw words.error(token, "iptables " + name
          + " lists or checks rules; it cannot be used in a rules file");
      case "-t" -> tableOption(token);
      case "-s", "-d", "-i", "-o", "-p" -> rule.ipOption(token, name);
      case "-f" -> rule.fragment(token);
      case "-m" -> rule.match(token);
      case "-j", "-g" -> rule.target(token, name.equals("-g"));
      case "-c" -> rule.counters(token);
      case "-w", "-W" -> optionalNumber();
      case "-v", "-n", "-x", "-4", "--line-numbers" -> words.noInvert(token);
      case "-6" -> throw words.error(token,
          "this is an IPv4 ruleset; -6 rules belong in ip6tables files");
      case "--modprobe" -> words.takeArgs(token, 1, "--modprobe");
      default -> throw words.error(token, "unknown option \"" + token.text() + "\"");
    }
  }

  private void optionalNumber() {
    if (words.hasNext() && Args.unsigned(words.peek().text()).isPresent()) {
      words.next();
    }
  }

  private void command(Token token, String flag) throws LineError {
    words.noInvert(token);
    Command.Kind newKind = Command.Kind.byFlag(flag).orElseThrow();
    if (kind != null) {
      throw words.error(token, "Cannot use " + flag + " with " + kind.flag)
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
          throw words.error(token, "-R requires a rule number")
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
      case POLICY, RENAME -> {
        args.add(chainArg(token));
        args.add(chainArg(token));
      }
    }
  }

  private String chainArg(Token command) throws LineError {
    if (!words.hasNext()) {
      throw words.error(command, "option \"" + command.text() + "\" requires an argument");
    }
    return words.next().text();
  }

  private void optionalChain() {
    if (words.hasNext() && !words.peek().text().startsWith("-")
        && !words.peek().text().equals("!")) {
      args.add(words.next().text());
    }
  }

  private int optionalRuleNumber(int fallback) throws LineError {
    if (words.hasNext()) {
      Token next = words.peek();
      Optional<Long> n = Args.unsigned(next.text());
      if (n.isPresent()) {
        words.next();
        if (n.get() < 1 || n.get() > Integer.MAX_VALUE) {
          throw words.error(next, "Invalid rule number `" + next.text() + "'")
              .explain("rules are numbered from 1");
        }
        return n.get().intValue();
      }
    }
    return fallback;
  }

  private void tableOption(Token token) throws LineError {
    words.noInvert(token);
    String value = words.takeArg(token, "-t");
    if (restoreMode) {
      throw words.error(token, "The -t option cannot be used in iptables-restore.")
          .explain("in an iptables-save file the table is set by the *table line above");
    }
    if (tableGiven) {
      throw words.error(token, "multiple -t flags not allowed");
    }
    table = Table.byLabel(value).orElseThrow(
        () -> words.error(words.argToken(token, 0), "table '" + value + "' does not exist")
            .explain("the tables are raw, mangle, nat, filter and security"));
    tableGiven = true;
  }

  private void positional(Token token) throws LineError {
    throw words.error(token, "Bad argument `" + token.text() + "'")
        .explain(words.pendingInvert() != null || token.text().matches("[0-9./]+")
            ? "! goes before the option it negates: write ! -s ADDRESS, not -s ! ADDRESS"
            : "every word must be an option or the argument of the option before it");
  }

  // ---- whole command -------------------------------------------------------------------------

  private void checkCommandArgs() throws LineError {
    for (String chain : args.subList(0, kind == Command.Kind.POLICY ? 1 : args.size())) {
      if (chain.length() >= 29) {
        throw words.error(kindToken, "chain name `" + chain
            + "' too long (must be under 29 chars)");
      }
    }
    if (!kind.takesRule() && !rule.isEmpty()) {
      throw words.error(rule.firstWord().orElse(kindToken), "Illegal option with " + kind.flag)
          .explain(kind.flag + " takes only chain names");
    }
  }
}

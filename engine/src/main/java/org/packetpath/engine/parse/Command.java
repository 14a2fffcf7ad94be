package org.packetpath.engine.parse;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Table;

/**
 * One iptables command read from a line: what to do, to which chain, with which rules (several
 * when {@code -s}/{@code -d} list several addresses).
 *
 * @param table the table given with {@code -t}, if any
 * @param args the chain name(s) and other plain arguments: for -E old and new names, for -P the
 *     chain and the policy
 * @param ruleNumber the 1-based rule number given to -I, -D, -R or -Z, or 0
 * @param at the command option's token, for diagnostics
 * @param targetAt the token naming the target, if the rule has one
 */
record Command(
    Kind kind,
    Optional<Table> table,
    List<String> args,
    int ruleNumber,
    List<Rule> rules,
    Token at,
    Optional<Token> targetAt,
    LineSource line) {

  enum Kind {
    APPEND("-A"),
    INSERT("-I"),
    DELETE("-D"),
    REPLACE("-R"),
    NEW_CHAIN("-N"),
    DELETE_CHAIN("-X"),
    POLICY("-P"),
    FLUSH("-F"),
    ZERO("-Z"),
    RENAME("-E");

    final String flag;

    Kind(String flag) {
      this.flag = flag;
    }

    private static final Kind[] ALL = values();

    /** The command written {@code flag} ({@code -A}), if any. */
    static Optional<Kind> byFlag(String flag) {
      for (Kind k : ALL) {
        if (k.flag.equals(flag)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }

    /** Whether this command carries a rule specification. */
    boolean takesRule() {
      return this == APPEND || this == INSERT || this == DELETE || this == REPLACE;
    }
  }

  Command {
    args = List.copyOf(args);
    rules = List.copyOf(rules);
  }

  String chain() {
    return args.isEmpty() ? "" : args.get(0);
  }
}

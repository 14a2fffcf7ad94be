package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Policy;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.TableRules;

/**
 * Applies iptables commands, in order, to a ruleset under construction, with the checks
 * iptables makes at each step (the chain must exist, a jump target must exist, a rule number
 * must be in range …). Not thread-safe.
 */
final class RulesetBuilder {
  /** A chain being built. */
  private static final class MutableChain {
    final String name;
    Optional<Policy> policy;
    Counters counters;
    final List<Rule> rules = new ArrayList<>();
    boolean declared;
    SourcePosition origin;

    MutableChain(String name, Optional<Policy> policy, SourcePosition origin) {
      this.name = name;
      this.policy = policy;
      this.counters = Counters.ZERO;
      this.origin = origin;
    }

    Chain freeze() {
      return new Chain(name, policy, counters, rules, declared, origin);
    }
  }

  private final Map<Table, Map<String, MutableChain>> tables = new EnumMap<>(Table.class);
  /** The backend whose refusals the builder makes: messages and checks differ. */
  private final Backend backend;

  RulesetBuilder(Backend backend) {
    this.backend = backend;
  }

  /** Starts {@code table} afresh, as iptables-restore does at {@code *table}. */
  void flushTable(Table table) {
    tables.put(table, newTable(table));
  }

  private static Map<String, MutableChain> newTable(Table table) {
    Map<String, MutableChain> chains = new LinkedHashMap<>();
    for (Hook hook : table.builtinHooks()) {
      chains.put(
          hook.name(),
          new MutableChain(hook.name(), Optional.of(Policy.ACCEPT), SourcePosition.NONE));
    }
    return chains;
  }

  private Map<String, MutableChain> table(Table table) {
    return tables.computeIfAbsent(table, RulesetBuilder::newTable);
  }

  /**
   * Declares a chain as a {@code :NAME POLICY [p:b]} line does. {@code policy} is {@code "-"}
   * for a user chain.
   */
  void declare(Table table, LineSource line, Token name, Token policy, Counters counters,
      List<Diagnostic> diagnostics) throws LineError {
    Map<String, MutableChain> chains = table(table);
    String chainName = name.text();
    ChainArgs.checkNewChainName(line, name, chainName);
    if (table.isBuiltin(chainName)) {
      MutableChain chain = chains.get(chainName);
      if (!policy.text().equals("-")) {
        chain.policy = Optional.of(ChainArgs.parsePolicy(line, policy));
      }
      chain.counters = counters;
      chain.declared = true;
      chain.origin = line.at(name);
      return;
    }
    if (!policy.text().equals("-") && backend == Backend.LEGACY) {
      throw new LineError(line.error(policy, "Can't set policy `" + policy.text() + "' on `"
          + chainName + "' line " + line.number() + ": Bad built-in chain name")
          .explained("only built-in chains have a policy: write :" + chainName + " - [0:0]"));
    }
    if (!policy.text().equals("-")) {
      diagnostics.add(line.warning(policy, "policy " + policy.text() + " on user-defined chain "
          + chainName + " is ignored")
          .explained("only built-in chains have a policy; iptables-nft accepts and ignores it,"
              + " iptables-legacy refuses it. Write :" + chainName + " - [0:0]"));
    }
    if (chains.containsKey(chainName)) {
      throw new LineError(line.error(name, "Chain already exists")
          .explained("chain " + chainName + " is declared twice in table " + table.label()));
    }
    MutableChain chain = new MutableChain(chainName, Optional.empty(), line.at(name));
    chain.counters = counters;
    chain.declared = true;
    chains.put(chainName, chain);
  }

  /** Applies one command to table {@code table}. */
  void apply(Table table, Command command, List<Diagnostic> diagnostics) throws LineError {
    boolean wholeTable = command.args().isEmpty() && (command.kind() == Command.Kind.FLUSH
        || command.kind() == Command.Kind.ZERO || command.kind() == Command.Kind.DELETE_CHAIN);
    if (wholeTable && !tables.containsKey(table)) {
      return; // like iptables-nft: flushing a table that does not exist creates nothing
    }
    Map<String, MutableChain> chains = table(table);
    LineSource line = command.line();
    Token at = command.at();
    switch (command.kind()) {
      case APPEND -> {
        MutableChain chain = existing(table, chains, command);
        checkTargets(table, chains, command);
        chain.declared |= table.isBuiltin(chain.name);
        chain.rules.addAll(command.rules());
      }
      case INSERT -> {
        MutableChain chain = existing(table, chains, command);
        checkTargets(table, chains, command);
        if (command.ruleNumber() > chain.rules.size() + 1) {
          throw new LineError(line.error(at, "Index of insertion too big")
              .explained(chain.name + " has " + chain.rules.size() + " rules"));
        }
        chain.declared |= table.isBuiltin(chain.name);
        chain.rules.addAll(command.ruleNumber() - 1, command.rules());
      }
      case REPLACE -> {
        MutableChain chain = existing(table, chains, command);
        checkTargets(table, chains, command);
        if (command.ruleNumber() > chain.rules.size()) {
          throw new LineError(line.error(at, "Index of replacement too big")
              .explained(chain.name + " has " + chain.rules.size() + " rules"));
        }
        if (command.rules().size() != 1) {
          throw new LineError(line.error(at, "-R needs one rule, but the addresses make "
              + command.rules().size()));
        }
        chain.rules.set(command.ruleNumber() - 1, command.rules().get(0));
      }
      case DELETE -> {
        MutableChain chain = existing(table, chains, command);
        if (command.ruleNumber() > 0) {
          if (command.ruleNumber() > chain.rules.size()) {
            throw new LineError(line.error(at, "Index of deletion too big")
                .explained(chain.name + " has " + chain.rules.size() + " rules"));
          }
          chain.rules.remove(command.ruleNumber() - 1);
        } else {
          for (Rule rule : command.rules()) {
            int index = indexOf(chain.rules, rule);
            if (index < 0) {
              throw new LineError(line.error(at,
                  "Bad rule (does a matching rule exist in that chain?)"));
            }
            chain.rules.remove(index);
          }
        }
      }
      case NEW_CHAIN -> {
        String name = command.chain();
        ChainArgs.checkNewChainName(line, at, name);
        if (chains.containsKey(name)) {
          throw new LineError(line.error(at, "Chain already exists"));
        }
        MutableChain chain = new MutableChain(name, Optional.empty(), line.at(at));
        chain.declared = true;
        chains.put(name, chain);
      }
      case DELETE_CHAIN -> {
        List<String> names = command.args().isEmpty()
            ? chains.values().stream().filter(c -> c.policy.isEmpty()).map(c -> c.name).toList()
            : command.args();
        for (String name : names) {
          deleteChain(table, chains, line, at, name);
        }
      }
      case POLICY -> {
        String name = command.chain();
        MutableChain chain = chains.get(name);
        if (chain == null || chain.policy.isEmpty()) {
          throw new LineError(line.error(at, "Bad built-in chain name")
              .explained("only the built-in chains of table " + table.label()
                  + " have a policy: " + table.builtinHooks()));
        }
        Token policyToken = new Token(command.args().get(1), at.column());
        chain.policy = Optional.of(ChainArgs.parsePolicy(line, policyToken));
        chain.declared = true;
      }
      case FLUSH -> {
        if (command.args().isEmpty()) {
          chains.values().forEach(c -> c.rules.clear());
        } else {
          existing(table, chains, command).rules.clear();
        }
      }
      case ZERO -> {
        List<MutableChain> targets = command.args().isEmpty()
            ? List.copyOf(chains.values()) : List.of(existing(table, chains, command));
        for (MutableChain chain : targets) {
          chain.counters = Counters.ZERO;
          chain.rules.replaceAll(r -> r.withCounters(Counters.ZERO));
        }
      }
      case RENAME -> rename(table, chains, command);
    }
  }

  private static int indexOf(List<Rule> rules, Rule wanted) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).sameSpec(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private MutableChain existing(Table table, Map<String, MutableChain> chains, Command command)
      throws LineError {
    MutableChain chain = chains.get(command.chain());
    if (chain == null) {
      LineError e = new LineError(command.line().error(command.at(),
          "Chain '" + command.chain() + "' does not exist"));
      Optional<String> close = Suggest.closest(command.chain(), chains.keySet());
      throw close.isPresent()
          ? e.explain("did you mean " + close.get() + "?")
          : e.explain("declare it first with :" + command.chain() + " - [0:0] or -N "
              + command.chain() + "; table " + table.label() + " has " + chains.keySet());
    }
    return chain;
  }

  private void checkTargets(Table table, Map<String, MutableChain> chains, Command command)
      throws LineError {
    for (Rule rule : command.rules()) {
      if (rule.target().isEmpty() || !rule.target().get().isChainTarget()) {
        continue;
      }
      String name = rule.target().get().name();
      MutableChain target = chains.get(name);
      if (target == null || target.policy.isPresent()) {
        Token at = command.targetAt().orElse(command.at());
        LineError e = new LineError(command.line().error(at, missingChain(name, target != null,
            command)));
        List<String> candidates = new ArrayList<>(List.of("ACCEPT", "DROP", "RETURN"));
        Extensions.targets().forEach(t -> candidates.add(t.name()));
        chains.values().stream().filter(c -> c.policy.isEmpty()).forEach(c -> candidates.add(c.name));
        Optional<String> close = Suggest.closest(name, candidates);
        String explanation = target != null
            ? name + " is a built-in chain; only user-defined chains can be jumped to"
            : close.isPresent()
                ? "no target or chain is called " + name + "; did you mean " + close.get() + "?"
                : "no target or chain is called " + name + " in table " + table.label()
                    + "; declare the chain before this line with :" + name + " - [0:0]";
        throw e.explain(explanation);
      }
    }
  }

  /**
   * The backend's message for a jump to {@code name}, no user chain: nft names the missing chain
   * (a built-in one is a refused rule), legacy the target it could not load.
   */
  private String missingChain(String name, boolean builtin, Command command) {
    if (backend == Backend.LEGACY) {
      return builtin ? "iptables-restore: line " + command.line().number() + " failed"
          : "Couldn't load target `" + name + "':No such file or directory";
    }
    return builtin
        ? "RULE_APPEND failed (Operation not supported): rule in chain " + command.args().get(0)
        : "Chain '" + name + "' does not exist";
  }

  private void deleteChain(Table table, Map<String, MutableChain> chains, LineSource line,
      Token at, String name) throws LineError {
    MutableChain chain = chains.get(name);
    if (chain == null) {
      throw new LineError(line.error(at, "No chain/target/match by that name."));
    }
    if (chain.policy.isPresent()) {
      throw new LineError(line.error(at, "Can't delete built-in chain"));
    }
    for (MutableChain other : chains.values()) {
      for (Rule rule : other.rules) {
        if (rule.target().filter(t -> t.isChainTarget() && t.name().equals(name)).isPresent()) {
          throw new LineError(line.error(at, "Too many links")
              .explained(name + " is still used by a rule in " + other.name));
        }
      }
    }
    if (!chain.rules.isEmpty()) {
      throw new LineError(line.error(at, "Directory not empty")
          .explained("flush " + name + " with -F before deleting it"));
    }
    chains.remove(name);
  }

  private void rename(Table table, Map<String, MutableChain> chains, Command command)
      throws LineError {
    LineSource line = command.line();
    String from = command.args().get(0);
    String to = command.args().get(1);
    MutableChain chain = chains.get(from);
    if (chain == null || chain.policy.isPresent()) {
      throw new LineError(line.error(command.at(), "No chain/target/match by that name."));
    }
    ChainArgs.checkNewChainName(line, command.at(), to);
    if (chains.containsKey(to)) {
      throw new LineError(line.error(command.at(), "File exists"));
    }
    Map<String, MutableChain> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, MutableChain> e : chains.entrySet()) {
      MutableChain c = e.getValue();
      c.rules.replaceAll(r -> r.target()
          .filter(t -> t.isChainTarget() && t.name().equals(from))
          .map(t -> r.withTarget(Optional.of(t.kind() == org.packetpath.engine.rules.Target.Kind.GOTO
              ? org.packetpath.engine.rules.Target.goTo(to)
              : org.packetpath.engine.rules.Target.jump(to))))
          .orElse(r));
      if (c == chain) {
        MutableChain moved = new MutableChain(to, Optional.empty(), c.origin);
        moved.rules.addAll(c.rules);
        moved.counters = c.counters;
        moved.declared = true;
        renamed.put(to, moved);
      } else {
        renamed.put(e.getKey(), c);
      }
    }
    chains.clear();
    chains.putAll(renamed);
  }

  /** Whether {@code table} has been started. */
  boolean hasTable(Table table) {
    return tables.containsKey(table);
  }

  /** The ruleset built so far: built-in chains in hook order, then user chains by name. */
  Ruleset build() {
    List<TableRules> out = new ArrayList<>();
    for (Map.Entry<Table, Map<String, MutableChain>> e : tables.entrySet()) {
      List<Chain> chains = new ArrayList<>();
      Map<String, Chain> user = new TreeMap<>();
      for (MutableChain c : e.getValue().values()) {
        if (c.policy.isPresent()) {
          chains.add(c.freeze());
        } else {
          user.put(c.name, c.freeze());
        }
      }
      chains.addAll(user.values());
      out.add(new TableRules(e.getKey(), chains));
    }
    return new Ruleset(out);
  }
}

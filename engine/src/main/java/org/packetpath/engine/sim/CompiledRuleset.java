package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.engine.rules.Target;
import org.packetpath.engine.topology.Topology;

/**
 * A ruleset prepared for simulation: every rule's matches compiled once, chains looked up by
 * name, and for each built-in chain whether it is hooked at all under the backend.
 */
final class CompiledRuleset {
  /**
   * A rule ready to evaluate: its test, its 1-based position, its text for traces, and the
   * packets and bytes it counted, {@code {packets, bytes}}.
   */
  record CompiledRule(Rule rule, int number, Evaluator.Test test, String text, long[] counts) {
    Optional<Target> target() {
      return rule.target();
    }
  }

  /**
   * A chain ready to walk. {@code hooked} is false for built-in chains nft never created;
   * {@code policyCounts} are what its policy counted.
   */
  record CompiledChain(Chain chain, List<CompiledRule> rules, boolean hooked,
      long[] policyCounts) {
    String name() {
      return chain.name();
    }
  }

  private final Map<Table, Map<String, CompiledChain>> tables = new EnumMap<>(Table.class);
  private final boolean needsConntrack;

  CompiledRuleset(Ruleset ruleset, Backend backend, Topology topology) {
    boolean conntrack = false;
    for (TableRules table : ruleset.tables()) {
      Map<String, CompiledChain> chains = new HashMap<>();
      for (Chain chain : table.chains()) {
        List<CompiledRule> rules = new ArrayList<>();
        for (int i = 0; i < chain.rules().size(); i++) {
          Rule rule = chain.rules().get(i);
          rules.add(new CompiledRule(rule, i + 1, Evaluator.compile(rule.condition(), topology),
              SavePrinter.rule(chain.name(), rule), new long[2]));
          conntrack |= Tracking.needed(rule);
        }
        boolean hooked = !chain.isBuiltin() || backend == Backend.LEGACY || chain.declared();
        chains.put(chain.name(), new CompiledChain(chain, rules, hooked, new long[2]));
      }
      tables.put(table.table(), chains);
    }
    this.needsConntrack = conntrack;
  }

  boolean needsConntrack() {
    return needsConntrack;
  }

  /** The chain {@code name} of {@code table}, if the ruleset loads the table and has it. */
  Optional<CompiledChain> chain(Table table, String name) {
    return Optional.ofNullable(tables.get(table)).map(c -> c.get(name));
  }

  /** The counts of rule {@code number} of a chain (0: its policy), {@code {packets, bytes}}. */
  long[] counts(Table table, String chain, int number) {
    CompiledChain c = tables.get(table).get(chain);
    return number == 0 ? c.policyCounts() : c.rules().get(number - 1).counts();
  }

  boolean hasTable(Table table) {
    return tables.containsKey(table);
  }
}

package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The chains of one table: built-in chains first (in hook order), then user chains. */
public record TableRules(Table table, List<Chain> chains) {
  public TableRules {
    Objects.requireNonNull(table, "table");
    chains = List.copyOf(chains);
  }

  /** The chain called {@code name}, if the table has it. */
  public Optional<Chain> chain(String name) {
    return chains.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The built-in chain at {@code hook}, if this table has one there. */
  public Optional<Chain> builtin(Hook hook) {
    return table.builtinHooks().contains(hook) ? chain(hook.name()) : Optional.empty();
  }

  /** Number of rules in all chains. */
  public int ruleCount() {
    return chains.stream().mapToInt(c -> c.rules().size()).sum();
  }
}

package org.packetpath.engine.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole IPv4 ruleset: the tables it loads, each with its chains and rules. Tables are kept in
 * {@link Table} order. A table that is absent was never loaded.
 */
public record Ruleset(List<TableRules> tables) {
  public static final Ruleset EMPTY = new Ruleset(List.of());

  public Ruleset {
    Objects.requireNonNull(tables, "tables");
    tables = tables.stream().sorted(Comparator.comparing(TableRules::table)).toList();
    for (int i = 1; i < tables.size(); i++) {
      if (tables.get(i).table() == tables.get(i - 1).table()) {
        throw new IllegalArgumentException("table " + tables.get(i).table().label() + " twice");
      }
    }
  }

  /** The rules of {@code table}, if the ruleset loads it. */
  public Optional<TableRules> table(Table table) {
    return tables.stream().filter(t -> t.table() == table).findFirst();
  }

  /** Number of rules in all tables. */
  public int ruleCount() {
    return tables.stream().mapToInt(TableRules::ruleCount).sum();
  }
}

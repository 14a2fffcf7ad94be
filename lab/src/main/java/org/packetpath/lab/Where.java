package org.packetpath.lab;

import org.packetpath.engine.input.Checks;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.trace.RuleHit;

/**
 * The table and chain where a check expects a packet's verdict: {@code filter INPUT}. The chain
 * is a built-in chain's name, which also covers the user chains reached from it, or a user
 * chain's name.
 */
public record Where(Table table, String chain) {
  public Where {
    Checks.nonNull("table", table, "chain", chain);
  }

  /** Whether {@code hit} is in this table and chain, or in a user chain called from it. */
  public boolean covers(RuleHit hit) {
    return hit.table() == table
        && (hit.chain().equals(chain) || hit.hook().name().equals(chain));
  }

  @Override
  public String toString() {
    return table.label() + " " + chain;
  }
}

package org.packetpath.engine.explain;

import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.rules.Table;

/**
 * One line of a ruleset's explanation: about a whole chain ({@code rule} 0) or one rule
 * (1-based, as {@code iptables -L --line-numbers} numbers them).
 */
public record Explanation(Table table, String chain, int rule, String text, SourcePosition origin) {
  public Explanation {
    Checks.nonNull("table", table, "chain", chain, "text", text, "origin", origin);
  }

  /** {@code filter INPUT rule 3: drop TCP packets to port 22 from anywhere}. */
  @Override
  public String toString() {
    String where = table.label() + " " + chain + (rule == 0 ? "" : " rule " + rule);
    return where + ": " + text;
  }
}

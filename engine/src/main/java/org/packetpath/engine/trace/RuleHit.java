package org.packetpath.engine.trace;

import org.packetpath.engine.input.Checks;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * A rule that matched or a policy that decided: exactly what a packet adds to the counters.
 * {@code rule} is the 1-based position in the chain, or 0 for the policy.
 */
public record RuleHit(Hook hook, Table table, String chain, int rule, String target) {
  public RuleHit {
    Checks.nonNull("hook", hook, "table", table, "chain", chain, "target", target);
  }

  public boolean isPolicy() {
    return rule == 0;
  }

  @Override
  public String toString() {
    return table.label() + ":" + chain + ":" + (isPolicy() ? "policy" : "rule " + rule) + ":"
        + target;
  }
}

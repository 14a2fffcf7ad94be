package org.packetpath.engine.trace;

import java.util.Objects;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * A rule that matched or a policy that decided: exactly what a packet adds to the counters.
 * {@code rule} is the 1-based position in the chain, or 0 for the policy.
 */
public record RuleHit(Hook hook, Table table, String chain, int rule, String target) {
  public RuleHit {
    Objects.requireNonNull(hook, "hook");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(target, "target");
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

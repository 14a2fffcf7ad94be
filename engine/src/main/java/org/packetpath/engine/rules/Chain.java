package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.SourcePosition;

/**
 * A chain of a table. Built-in chains have a policy and a hook; user-defined chains have
 * neither. {@code declared} tells whether the ruleset declared or used a built-in chain: under
 * the nft backend an undeclared built-in chain is not hooked at all.
 */
public record Chain(
    String name,
    Optional<Policy> policy,
    Counters counters,
    List<Rule> rules,
    boolean declared,
    SourcePosition origin) {

  public Chain {
    Checks.nonNull("name", name, "policy", policy, "counters", counters, "origin", origin);
    rules = List.copyOf(rules);
  }

  /** A built-in chain with an ACCEPT policy and no rules, not declared by the ruleset. */
  public static Chain builtin(Hook hook) {
    return new Chain(
        hook.name(), Optional.of(Policy.ACCEPT), Counters.ZERO, List.of(), false, SourcePosition.NONE);
  }

  public boolean isBuiltin() {
    return policy.isPresent();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Chain c
        && name.equals(c.name)
        && policy.equals(c.policy)
        && counters.equals(c.counters)
        && rules.equals(c.rules)
        && declared == c.declared;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, policy, counters, rules, declared);
  }
}

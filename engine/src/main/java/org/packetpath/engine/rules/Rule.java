package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.SourcePosition;

/**
 * One rule of a chain in canonical form: the base IP options ({@code -s -d -i -o -p -f}, in
 * that order), the match extensions in the order given, and the target if any ({@code -A INPUT
 * -s 10.0.0.0/8} without {@code -j} only counts). The origin says where the rule was written.
 * {@code condition} is what the base options and the matches ask of a packet, as one tree: all
 * of the base options' conditions, then each match's, in order.
 *
 * <p>Two rules are equal when their canonical form and counters are; the origin and the
 * condition, which follow from the options, are not compared.
 */
public record Rule(
    List<Option> base,
    List<Match> matches,
    Optional<Target> target,
    Counters counters,
    SourcePosition origin,
    Condition condition) {

  public Rule {
    base = List.copyOf(base);
    matches = List.copyOf(matches);
    Checks.nonNull("target", target, "counters", counters, "origin", origin,
        "condition", condition);
  }

  /** The base option called {@code name} ({@code "-s"}, {@code "-p"} …), if present. */
  public Optional<Option> baseOption(String name) {
    return base.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** The protocol given with {@code -p}, as iptables-save prints it, if any and not negated. */
  public Optional<String> protocol() {
    return baseOption("-p").filter(o -> !o.negated()).map(Option::arg);
  }

  /** The match extensions called {@code module}, in order. */
  public List<Match> matches(String module) {
    return matches.stream().filter(m -> m.module().equals(module)).toList();
  }

  /** The same rule with other counters. */
  public Rule withCounters(Counters newCounters) {
    return new Rule(base, matches, target, newCounters, origin, condition);
  }

  /** The same rule with another target. */
  public Rule withTarget(Optional<Target> newTarget) {
    return new Rule(base, matches, newTarget, counters, origin, condition);
  }

  /** Whether the two rules say the same thing, ignoring counters and origin. */
  public boolean sameSpec(Rule other) {
    return base.equals(other.base) && matches.equals(other.matches) && target.equals(other.target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rule r && sameSpec(r) && counters.equals(r.counters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(base, matches, target, counters);
  }
}

package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A match extension of a rule ({@code -m tcp --dport 22}): its options in the order
 * iptables-save prints them, and what they mean, read once from them. Two matches are equal
 * when their module and options are.
 */
public record Match(String module, List<Option> options, Condition condition) {
  public Match {
    Objects.requireNonNull(module, "module");
    options = List.copyOf(options);
    Objects.requireNonNull(condition, "condition");
  }

  /** The option called {@code name}, if the match has it. */
  public Optional<Option> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Match m && module.equals(m.module) && options.equals(m.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(module, options);
  }
}

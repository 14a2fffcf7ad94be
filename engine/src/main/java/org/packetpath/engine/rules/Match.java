package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A match extension of a rule ({@code -m tcp --dport 22}), with its options in the order
 * iptables-save prints them.
 */
public record Match(String module, List<Option> options) {
  public Match {
    Objects.requireNonNull(module, "module");
    options = List.copyOf(options);
  }

  /** The option called {@code name}, if the match has it. */
  public Optional<Option> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}

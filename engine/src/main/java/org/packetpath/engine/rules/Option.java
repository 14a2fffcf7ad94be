package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * One option of a rule, in canonical form: {@code ! --dport 22} is {@code Option("--dport",
 * true, ["22"])}. Arguments are the exact words iptables-save prints after the name.
 */
public record Option(String name, boolean negated, List<String> args) {
  public Option {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
  }

  public static Option of(String name, String... args) {
    return new Option(name, false, List.of(args));
  }

  /** The single argument of this option; fails if it takes none or several. */
  public String arg() {
    if (args.size() != 1) {
      throw new IllegalStateException(name + " has " + args.size() + " arguments");
    }
    return args.get(0);
  }
}

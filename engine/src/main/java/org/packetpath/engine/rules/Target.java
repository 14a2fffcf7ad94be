package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does when it matches: a standard verdict ({@code ACCEPT}, {@code DROP}, {@code
 * RETURN}), a jump or goto to a user chain, or a target extension with options ({@code REJECT
 * --reject-with tcp-reset}).
 */
public record Target(Kind kind, String name, List<Option> options) {
  /** The kinds of target, by how the rule walker treats them. */
  public enum Kind {
    /** ACCEPT, DROP or RETURN. */
    STANDARD,
    /** {@code -j CHAIN}: call a user chain and come back. */
    JUMP,
    /** {@code -g CHAIN}: continue in a user chain; RETURN goes back to the last jump. */
    GOTO,
    /** A target extension such as REJECT, LOG or DNAT. */
    EXTENSION
  }

  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    options = List.copyOf(options);
    if (kind != Kind.EXTENSION && !options.isEmpty()) {
      throw new IllegalArgumentException(kind + " target " + name + " takes no options");
    }
  }

  public static Target standard(String verdict) {
    return new Target(Kind.STANDARD, verdict, List.of());
  }

  public static Target jump(String chain) {
    return new Target(Kind.JUMP, chain, List.of());
  }

  public static Target goTo(String chain) {
    return new Target(Kind.GOTO, chain, List.of());
  }

  public static Target extension(String name, List<Option> options) {
    return new Target(Kind.EXTENSION, name, options);
  }

  /** Whether this target continues in a user chain ({@code -j CHAIN} or {@code -g CHAIN}). */
  public boolean isChainTarget() {
    return kind == Kind.JUMP || kind == Kind.GOTO;
  }

  /** The option called {@code name}, if the target has it. */
  public Optional<Option> option(String optionName) {
    return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
  }
}

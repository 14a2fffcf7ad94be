package org.packetpath.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Checks;

/**
 * What a rule does when it matches: a standard verdict ({@code ACCEPT}, {@code DROP}, {@code
 * RETURN}), a jump or goto to a user chain, or a target extension with options ({@code REJECT
 * --reject-with tcp-reset}). The options are kept for printing; {@link #action()} is what they
 * mean. Two targets are equal when their kind, name and options are.
 */
public record Target(Kind kind, String name, List<Option> options, Action action) {
  /** The kinds of target, by how iptables writes them. */
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
    Checks.nonNull("kind", kind, "name", name, "action", action);
    options = List.copyOf(options);
    if (kind != Kind.EXTENSION && !options.isEmpty()) {
      throw new IllegalArgumentException(kind + " target " + name + " takes no options");
    }
  }

  /** {@code ACCEPT}, {@code DROP} or {@code RETURN}. */
  public static Target standard(String verdict) {
    Action action = switch (verdict) {
      case "ACCEPT" -> new Action.Accept();
      case "DROP" -> new Action.Drop();
      case "RETURN" -> new Action.Return();
      default -> throw new IllegalArgumentException("not a standard verdict: " + verdict);
    };
    return new Target(Kind.STANDARD, verdict, List.of(), action);
  }

  public static Target jump(String chain) {
    return new Target(Kind.JUMP, chain, List.of(), new Action.Jump(chain));
  }

  public static Target goTo(String chain) {
    return new Target(Kind.GOTO, chain, List.of(), new Action.Goto(chain));
  }

  /** A target extension with its canonical options and their meaning. */
  public static Target extension(String name, List<Option> options, Action action) {
    return new Target(Kind.EXTENSION, name, options, action);
  }

  /** Whether this target continues in a user chain ({@code -j CHAIN} or {@code -g CHAIN}). */
  public boolean isChainTarget() {
    return kind == Kind.JUMP || kind == Kind.GOTO;
  }

  /** The option called {@code name}, if the target has it. */
  public Optional<Option> option(String optionName) {
    return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && kind == t.kind && name.equals(t.name)
        && options.equals(t.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, options);
  }
}

package org.packetpath.engine.input;

import java.util.List;
import java.util.Optional;

/**
 * What reading user input produced: the value when there were no errors, and every diagnostic
 * (errors and warnings) in file order. Rules files, topologies, YAML documents and the lab's
 * exercises are all read into one; nothing throws for bad input until {@link #orThrow()}.
 *
 * <pre>{@code
 * Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
 * if (result.hasErrors()) {
 *   result.errors().forEach(d -> System.err.println(d.render()));
 * }
 * Ruleset rules = result.orThrow();
 * }</pre>
 *
 * @param <T> what the input is read into
 * @param value the value, present when no diagnostic is an error
 * @param diagnostics every diagnostic, in file order
 */
public record Parsed<T>(Optional<T> value, List<Diagnostic> diagnostics) {
  public Parsed {
    Checks.nonNull("value", value, "diagnostics", diagnostics);
    diagnostics = List.copyOf(diagnostics);
  }

  /** {@code value} with its diagnostics, or no value when any of them is an error. */
  public static <T> Parsed<T> of(T value, List<Diagnostic> diagnostics) {
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    return new Parsed<>(failed ? Optional.empty() : Optional.of(value), diagnostics);
  }

  /** No value, and the one error that kept the input from being read (a missing file, say). */
  public static <T> Parsed<T> failed(Diagnostic error) {
    return new Parsed<>(Optional.empty(), List.of(error));
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  /** The value, or an {@link InputException} carrying the errors when there is none. */
  public T orThrow() {
    return value.orElseThrow(() -> new InputException(errors()));
  }
}

package org.packetpath.engine.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.rules.Ruleset;

/**
 * What reading a rules file produced: the ruleset when there were no errors, and every
 * diagnostic (errors and warnings) in file order.
 */
public record ParseResult(Optional<Ruleset> ruleset, List<Diagnostic> diagnostics) {
  public ParseResult {
    Objects.requireNonNull(ruleset, "ruleset");
    diagnostics = List.copyOf(diagnostics);
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

  /** The ruleset, or a {@link RulesException} carrying the diagnostics. */
  public Ruleset orThrow() {
    return ruleset.orElseThrow(() -> new RulesException(errors()));
  }
}

package org.packetpath.engine.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnosed;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.rules.Ruleset;

/**
 * What reading a rules file produced: the ruleset when there were no errors, and every
 * diagnostic (errors and warnings) in file order.
 */
public record ParseResult(Optional<Ruleset> ruleset, List<Diagnostic> diagnostics)
    implements Diagnosed {
  public ParseResult {
    Objects.requireNonNull(ruleset, "ruleset");
    diagnostics = List.copyOf(diagnostics);
  }

  /** The ruleset, or a {@link InputException} carrying the diagnostics. */
  public Ruleset orThrow() {
    return ruleset.orElseThrow(() -> new InputException(errors()));
  }
}

package org.packetpath.lab.check;

import java.util.List;
import java.util.stream.Collectors;
import org.packetpath.engine.input.Diagnostic;

/**
 * Why checks could not run at all: the rules have errors, the exercise does not exist, the
 * exercises themselves have errors. The message holds every diagnostic, rendered.
 */
final class CheckProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  CheckProblem(String summary, List<Diagnostic> diagnostics) {
    super(summary + ":\n" + diagnostics.stream().map(Diagnostic::render)
        .collect(Collectors.joining("\n")), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The diagnostics, when thrown in this process; else {@code null}. */
  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

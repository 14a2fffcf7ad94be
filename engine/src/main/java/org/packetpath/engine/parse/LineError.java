package org.packetpath.engine.parse;

import org.packetpath.engine.input.Diagnostic;

/** Stops reading a line: carries the one diagnostic for it. */
final class LineError extends Exception {
  private static final long serialVersionUID = 1L;

  final transient Diagnostic diagnostic;

  LineError(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  /** The same error with a plain-English explanation for learners. */
  LineError explain(String text) {
    return new LineError(diagnostic.explained(text));
  }
}

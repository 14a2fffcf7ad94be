package org.packetpath.engine.input;

import java.util.List;

/**
 * The outcome of reading user input: every diagnostic, errors and warnings, in file order. The
 * result records (rules, topology, YAML, exercises) share these views of them.
 */
public interface Diagnosed {
  /** Every diagnostic, in file order. */
  List<Diagnostic> diagnostics();

  default boolean hasErrors() {
    return diagnostics().stream().anyMatch(Diagnostic::isError);
  }

  default List<Diagnostic> errors() {
    return diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  default List<Diagnostic> warnings() {
    return diagnostics().stream().filter(d -> !d.isError()).toList();
  }
}

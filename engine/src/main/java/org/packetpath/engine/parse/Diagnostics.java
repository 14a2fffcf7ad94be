package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.input.Diagnostic;

/** Collects diagnostics up to a cap on errors, so a hopeless file stops early. */
final class Diagnostics {
  static final int MAX_ERRORS = 100;

  private final List<Diagnostic> list = new ArrayList<>();
  private int errors;

  void add(Diagnostic diagnostic) {
    if (diagnostic.isError()) {
      if (errors >= MAX_ERRORS) {
        return;
      }
      errors++;
    }
    list.add(diagnostic);
  }

  boolean full() {
    return errors >= MAX_ERRORS;
  }

  boolean hasErrors() {
    return errors > 0;
  }

  /** The live list, for code that appends warnings directly. */
  List<Diagnostic> list() {
    return list;
  }

  List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(list);
    copy.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.position().line())
        .thenComparingInt(d -> d.position().column()));
    return copy;
  }
}

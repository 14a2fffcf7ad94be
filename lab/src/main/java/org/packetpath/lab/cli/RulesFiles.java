package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;

/** Reading a rules file for a command: diagnostics go to the error stream. */
final class RulesFiles {
  private RulesFiles() {}

  /** Reads {@code file}, printing every diagnostic; empty when it has errors. */
  static Optional<Ruleset> read(Path file, PrintWriter err, Styles styles) {
    return read(file, Backend.NFT, err, styles);
  }

  /**
   * Reads {@code file} as {@code backend} would load it, printing every diagnostic; empty when
   * it has errors.
   */
  static Optional<Ruleset> read(Path file, Backend backend, PrintWriter err, Styles styles) {
    Parsed<Ruleset> result = RulesParser.parse(file, backend);
    print(result, err, styles);
    return result.value();
  }

  static void print(Parsed<Ruleset> result, PrintWriter err, Styles styles) {
    for (Diagnostic d : result.diagnostics()) {
      err.println(styles.diagnostic(d));
    }
    if (result.hasErrors()) {
      int n = result.errors().size();
      err.println(styles.error(n + (n == 1 ? " error" : " errors")));
    }
  }
}

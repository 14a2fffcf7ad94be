package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.lab.Content;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;

/** Reading the exercises for a command: diagnostics go to the error stream. */
final class Exercises {
  private Exercises() {}

  /** The exercises in {@code folder}, or the built-in ones; empty after printing errors. */
  static Optional<ExerciseCatalog> read(Optional<Path> folder, PrintWriter err, Styles styles) {
    Parsed<ExerciseCatalog> result = ExerciseCatalog.read(folder.map(Content::directory)
        .orElse(Content.classpath()));
    for (Diagnostic d : result.diagnostics()) {
      err.println(styles.diagnostic(d));
    }
    if (result.hasErrors()) {
      int n = result.errors().size();
      err.println(styles.error(n + (n == 1 ? " error" : " errors") + " in the exercises"));
    }
    return result.value();
  }

  /** The exercise named {@code name}; empty after printing which exercises there are. */
  static Optional<Exercise> find(ExerciseCatalog catalog, String name, PrintWriter err,
      Styles styles) {
    Optional<Exercise> found = catalog.find(name);
    if (found.isEmpty()) {
      err.println("packetpath: " + styles.error("no exercise \"" + name + "\""));
      err.println("The exercises are:");
      for (Exercise e : catalog.exercises()) {
        err.println("  " + e.number() + "  " + e.id() + "  (" + e.title() + ")");
      }
    }
    return found;
  }
}

package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.packetpath.lab.ExerciseCatalog;
import picocli.CommandLine.Option;

/** The {@code --content DIR} option of the commands that can read an author's exercises. */
final class ContentOption {
  @Option(names = "--content", paramLabel = "DIR",
      description = "read the exercises from DIR, the folder holding index.yaml, instead of the"
          + " built-in ones")
  Optional<Path> dir = Optional.empty();

  /** The exercises in DIR, or the built-in ones; empty after printing their errors. */
  Optional<ExerciseCatalog> read(PrintWriter err, Styles styles) {
    return Exercises.read(dir, err, styles);
  }
}

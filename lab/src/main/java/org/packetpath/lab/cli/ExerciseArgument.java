package org.packetpath.lab.cli;

import java.util.Optional;
import picocli.CommandLine.Parameters;

/**
 * The {@code ID} argument of the commands about one exercise, which name it by number, id or
 * folder; left out, they are about the current exercise ({@link Workbench#exercise}).
 */
final class ExerciseArgument {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
      description = "the exercise: its number, id or folder (default: the current one)")
  Optional<String> name = Optional.empty();

  /** The {@code ID} argument of the commands that change an exercise: it must be named. */
  static final class Required {
    @Parameters(index = "0", paramLabel = "ID",
        description = "the exercise: its number, id or folder")
    String name;

    Optional<String> name() {
      return Optional.of(name);
    }
  }
}

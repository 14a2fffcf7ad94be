package org.packetpath.lab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import picocli.CommandLine.Option;

/**
 * What the commands about the learner's own work share, as a mixin: {@link Terminal}'s, the
 * {@code --workspace DIR} option, and the learner's {@link Workbench}.
 */
final class Learner extends Terminal {
  @Option(names = "--workspace", paramLabel = "DIR",
      description = "where your working copies and progress are (default: the folder work, next"
          + " to the launcher)")
  Optional<Path> dir = Optional.empty();

  private Optional<Workbench> bench = Optional.empty();

  /** What a command does with an exercise; its exit code. */
  @FunctionalInterface
  interface ExerciseCommand {
    int run(Workbench bench, Exercise exercise) throws IOException;
  }

  /** This option, else the one given before the subcommand, else empty: the default folder. */
  Optional<Path> folder() {
    return dir.or(() -> lab().flatMap(LabCli::workspace));
  }

  /** The built-in exercises with the workspace this option names, opened once per command. */
  Workbench bench() {
    if (bench.isEmpty()) {
      bench = Optional.of(Workbench.open(folder(), err(), styles()));
    }
    return bench.get();
  }

  /**
   * Runs {@code command} on the exercise {@code name} names, or the current one without a
   * name; {@link ExitCodes#USAGE} after saying which exercises there are when there is none.
   */
  int withExercise(Optional<String> name, ExerciseCommand command) throws IOException {
    return withExercise(bench().catalog(), name, command);
  }

  /**
   * {@link #withExercise(Optional, ExerciseCommand)} with the exercise found in {@code
   * exercises}.
   */
  int withExercise(ExerciseCatalog exercises, Optional<String> name, ExerciseCommand command)
      throws IOException {
    Optional<Exercise> found = bench().exercise(exercises, name);
    return found.isEmpty() ? ExitCodes.USAGE : command.run(bench(), found.get());
  }
}

package org.packetpath.lab.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import picocli.CommandLine.Mixin;

/**
 * A command about one exercise, named by the optional {@code ID} argument or else the current
 * one: it runs on the exercise found, or exits with {@link ExitCodes#USAGE} when there is none.
 */
abstract class OneExerciseCommand implements Callable<Integer> {
  @Mixin Learner learner;
  @Mixin ExerciseArgument exercise;

  @Override
  public final Integer call() throws IOException {
    Optional<ExerciseCatalog> catalog = catalog();
    return catalog.isEmpty() ? ExitCodes.USAGE
        : learner.withExercise(catalog.get(), exercise.name, this::run);
  }

  /** The exercises {@code ID} names one of: the built-in ones; empty after saying why not. */
  Optional<ExerciseCatalog> catalog() {
    return Optional.of(learner.bench().catalog());
  }

  /** What the command does with the exercise found; its exit code. */
  abstract int run(Workbench bench, Exercise e) throws IOException;

  /** A command about one exercise, built-in or of an author's exercises with {@code --content}. */
  abstract static class WithContent extends OneExerciseCommand {
    @Mixin ContentOption content;

    /** The exercises in the {@code --content} folder, else the built-in ones. */
    @Override
    Optional<ExerciseCatalog> catalog() {
      return content.read(learner.err(), learner.styles());
    }
  }
}

package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import org.packetpath.lab.check.CheckHarness;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.check.RulesSpec;
import org.packetpath.lab.progress.Progress;
import org.packetpath.lab.progress.Workspace;

/**
 * The learner's lab for a command: the built-in exercises, the workspace with the working
 * copies and the progress, and where to report what the workspace recovered from.
 */
final class Workbench {
  private final ExerciseCatalog catalog;
  private final Workspace workspace;
  private final Styles styles;
  private final PrintWriter err;
  private final Set<String> reported = new HashSet<>();

  private Workbench(ExerciseCatalog catalog, Path root, PrintWriter err, Styles styles) {
    this.catalog = catalog;
    this.styles = styles;
    this.err = err;
    this.workspace = new Workspace(root, catalog.exercises(), this::solved, this::notice,
        Clock.systemDefaultZone());
  }

  /** The built-in exercises with the workspace in {@code folder}, or the default one. */
  static Workbench open(Optional<Path> folder, PrintWriter err, Styles styles) {
    return new Workbench(ExerciseCatalog.builtIn(), Workspace.locate(folder), err, styles);
  }

  ExerciseCatalog catalog() {
    return catalog;
  }

  List<Exercise> exercises() {
    return catalog.exercises();
  }

  Workspace workspace() {
    return workspace;
  }

  Styles styles() {
    return styles;
  }

  Progress progress() {
    return workspace.progress();
  }

  /**
   * The current exercise: the one last started, else the first not done, else the first.
   */
  Exercise current() {
    return current(progress());
  }

  Exercise current(Progress progress) {
    Optional<Exercise> named = progress.current().flatMap(catalog::find);
    if (named.isPresent()) {
      return named.get();
    }
    return exercises().stream().filter(e -> !progress.isDone(e.id())).findFirst()
        .orElse(exercises().get(0));
  }

  /**
   * The exercise {@code name} names in {@code exercises}; without a name, the current exercise
   * when {@code exercises} has it, else their first. Empty after saying which exercises there
   * are.
   */
  Optional<Exercise> exercise(ExerciseCatalog exercises, Optional<String> name) {
    if (name.isEmpty()) {
      return Optional.of(exercises.find(current().id()).orElse(exercises.exercises().get(0)));
    }
    return Exercises.find(exercises, name.get(), err, styles);
  }

  /** The exercise after {@code exercise}, if it is not the last. */
  Optional<Exercise> next(Exercise exercise) {
    int index = exercise.number();
    return index < exercises().size() ? Optional.of(exercises().get(index)) : Optional.empty();
  }

  /** Runs the checks of {@code exercise} on its working copy. */
  CheckRun check(Exercise exercise) {
    return CheckHarness.run(exercise.id(), RulesSpec.file(workspace.rulesFile(exercise)));
  }

  /** Whether {@code exercise}'s working copy passes all its checks. */
  boolean solved(Exercise exercise) {
    return workspace.hasWorkingCopy(exercise) && check(exercise).allPassed();
  }

  /** {@code file} as the learner would type it: relative to the current folder when inside. */
  static String show(Path file) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(here) && !absolute.equals(here)
        ? here.relativize(absolute).toString() : file.toString();
  }

  /** Reports a problem the workspace recovered from, once. */
  void notice(String text) {
    if (reported.add(text)) {
      err.println("packetpath: " + styles.warning(text));
      err.flush();
    }
  }
}

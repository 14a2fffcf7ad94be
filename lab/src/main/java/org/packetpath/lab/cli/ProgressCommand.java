package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.progress.Progress;
import picocli.CommandLine.Command;

/** {@code ./packetpath progress}: where the learner stands, and what to do next. */
@Command(
    name = "progress",
    description = {"Where you stand: the exercises done, the points your working copies earn"
        + " now, and what to do next."},
    exitCodeList = {"0:always"})
final class ProgressCommand extends WorkbenchCommand {
  @Override
  int run(Workbench bench, PrintWriter out) {
    Styles styles = bench.styles();
    Progress progress = bench.progress();
    List<Exercise> exercises = bench.exercises();
    long done = exercises.stream().filter(e -> progress.isDone(e.id())).count();
    out.println(styles.bold("Your progress: " + done + " of " + exercises.size()
        + " exercises done."));
    out.println();
    List<String> lines = ExerciseList.lines(bench, progress);
    for (int i = 0; i < exercises.size(); i++) {
      out.println(lines.get(i));
      score(bench, exercises.get(i)).ifPresent(s -> out.println("        " + styles.dim(s)));
    }
    out.println();
    out.println("Your working copies and this progress are in "
        + Workbench.show(bench.workspace().root()) + "/.");
    out.println(next(bench, progress));
    return ExitCodes.OK;
  }

  /** What the working copy of {@code e} earns now, when there is one. */
  private static Optional<String> score(Workbench bench, Exercise e) {
    if (!bench.workspace().hasWorkingCopy(e)) {
      return Optional.empty();
    }
    CheckRun run = bench.check(e);
    String file = Workbench.show(bench.workspace().rulesFile(e));
    if (!run.problems().isEmpty()) {
      return Optional.of(file + ": the rules have errors (./packetpath check shows them)");
    }
    long met = run.results().stream().filter(r -> r.passed()).count();
    return Optional.of(file + ": " + met + " of " + run.results().size()
        + " goals met, " + run.earned() + " of " + run.points() + " points");
  }

  private static String next(Workbench bench, Progress progress) {
    if (bench.exercises().stream().allMatch(e -> progress.isDone(e.id()))) {
      return "Every exercise is done. Well done!";
    }
    Exercise current = bench.current(progress);
    if (progress.isDone(current.id())) {
      return bench.next(current)
          .map(n -> "Next: ./packetpath start " + n.number() + " (" + n.title() + "), or ./packetpath and"
              + " press n.")
          .orElse("Next: ./packetpath list shows the exercises not done yet.");
    }
    return "Next: exercise " + current.number() + ", " + current.title() + ": ./packetpath opens it in"
        + " guided mode.";
  }
}

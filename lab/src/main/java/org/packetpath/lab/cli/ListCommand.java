package org.packetpath.lab.cli;

import java.io.PrintWriter;
import org.packetpath.lab.progress.Progress;
import picocli.CommandLine.Command;

/** {@code ./packetpath list}: the exercises, with the learner's progress. */
@Command(
    name = "list",
    description = {"The exercises in order, with your progress: ✓ done, ▸ the current one."},
    exitCodeList = {"0:always"})
final class ListCommand extends WorkbenchCommand {
  @Override
  int run(Workbench bench, PrintWriter out) {
    Progress progress = bench.progress();
    ExerciseList.lines(bench, progress).forEach(out::println);
    out.println();
    long done = bench.exercises().stream().filter(e -> progress.isDone(e.id())).count();
    out.println(done + " of " + bench.exercises().size() + " done. Open one with ./packetpath start"
        + " NUMBER, or the current one in guided mode with ./packetpath.");
    return ExitCodes.OK;
  }
}

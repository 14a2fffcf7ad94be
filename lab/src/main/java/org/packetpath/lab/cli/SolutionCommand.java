package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.lab.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./packetpath solution [ID]}: a reference solution, once the learner has solved it. */
@Command(
    name = "solution",
    mixinStandardHelpOptions = true,
    description = {
      "Show a reference solution of an exercise you have done, to compare with yours: one"
          + " right answer among several. It is shown only once every goal is met."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the solution was shown", "1:the exercise is not done yet",
        "2:no such exercise"})
final class SolutionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand LabCli lab;
  @CommandLine.Mixin WorkspaceOption workspace;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
      description = "the exercise: its number, id or folder (default: the current one)")
  Optional<String> exercise;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Workbench bench = Workbench.open(workspace.or(lab), spec.commandLine().getErr(),
        Styles.auto());
    Optional<Exercise> found = bench.exercise(exercise);
    if (found.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Exercise e = found.get();
    if (!bench.progress().isDone(e.id())) {
      out.println("You see a reference solution of exercise " + e.number() + " once every goal"
          + " is met: run ./packetpath check until it says so.");
      return ExitCodes.FAILED;
    }
    text(bench, e).forEach(out::println);
    return ExitCodes.OK;
  }

  /** The solution with a heading, as lines. */
  static List<String> text(Workbench bench, Exercise e) {
    List<String> lines = new ArrayList<>();
    lines.add(bench.styles().bold("A reference solution of exercise " + e.number() + ", "
        + e.title()) + " (one right answer among several):");
    lines.add("");
    for (String line : e.solution().text().strip().split("\n", -1)) {
      lines.add("  " + line);
    }
    return lines;
  }
}

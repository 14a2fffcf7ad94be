package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.packetpath.lab.Exercise;
import picocli.CommandLine.Command;

/** {@code ./packetpath solution [ID]}: a reference solution, once the learner has solved it. */
@Command(
    name = "solution",
    description = {
      "Show a reference solution of an exercise you have done, to compare with yours: one"
          + " right answer among several. It is shown only once every goal is met."
    },
    exitCodeList = {"0:the solution was shown", "1:the exercise is not done yet",
        "2:no such exercise"})
final class SolutionCommand extends OneExerciseCommand {
  @Override
  int run(Workbench bench, Exercise e) {
    PrintWriter out = learner.out();
    if (!bench.progress().isDone(e.id())) {
      out.println("You see a reference solution of exercise " + e.number() + " once every"
          + " goal is met: run ./packetpath check until it says so.");
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

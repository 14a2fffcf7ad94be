package org.packetpath.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.progress.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./packetpath start ID}: make an exercise the current one and show its instructions. */
@Command(
    name = "start",
    description = {
      "Make an exercise the current one: show its instructions and create your working copy"
          + " of its rules in the workspace, from the starting rules, unless you have one"
          + " already (it is never overwritten)."
    },
    exitCodeList = {"0:the exercise is started", "2:no such exercise, or the working copy"
        + " cannot be created"})
final class StartCommand implements Callable<Integer> {
  @Mixin Learner learner;
  @Mixin ExerciseArgument.Required exercise;

  @Override
  public Integer call() throws IOException {
    return learner.withExercise(exercise.name(), this::startAndShow);
  }

  private int startAndShow(Workbench bench, Exercise e) {
    PrintWriter out = learner.out();
    Optional<Boolean> created = start(bench, e, learner.err());
    if (created.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Styles styles = bench.styles();
    out.println(styles.bold(Guide.title(bench, e)));
    out.println();
    out.print(MarkdownText.render(e.instructions(), styles));
    out.println();
    out.println(Guide.workingCopy(bench.workspace().rulesFile(e), created.get(), styles));
    out.println("Edit it: as iptables-save output, as it is now, or as a script of iptables"
        + " commands. Then:");
    out.println("  ./packetpath check    run the checks: ✓ or ✗ for each goal, and why");
    out.println("  ./packetpath hint     a hint; the first ones are gentle");
    out.println("  ./packetpath          guided mode: the checks run again every time you save");
    return ExitCodes.OK;
  }

  /**
   * Starts {@code e}: creates its working copy unless there is one and makes it current;
   * whether the working copy was created, or empty after saying why it could not be.
   */
  static Optional<Boolean> start(Workbench bench, Exercise e, PrintWriter err) {
    Workspace workspace = bench.workspace();
    Path file = workspace.rulesFile(e);
    boolean created;
    try {
      created = workspace.createWorkingCopy(e);
    } catch (IOException x) {
      err.println("packetpath: " + bench.styles().error("cannot create " + Workbench.show(file)) + ": "
          + Workspace.why(x));
      return Optional.empty();
    }
    workspace.update(p -> p.start(e.id()));
    return Optional.of(created);
  }
}

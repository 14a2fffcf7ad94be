package org.packetpath.lab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.progress.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./packetpath reset ID}: put the starting rules back in a working copy, keeping a backup. */
@Command(
    name = "reset",
    description = {
      "Put an exercise's starting rules back in your working copy. Your file is kept beside"
          + " it as a backup, NAME.TIMESTAMP.bak. Asks first, unless --yes."
    },
    exitCodeList = {"0:the working copy holds the starting rules",
        "1:you answered no: nothing changed",
        "2:no such exercise, or the file cannot be written"})
final class ResetCommand implements Callable<Integer> {
  @Mixin Learner learner;
  @Mixin ExerciseArgument.Required exercise;

  @Option(names = {"-y", "--yes"}, description = "do not ask")
  boolean yes;

  @Override
  public Integer call() throws IOException {
    return learner.withExercise(exercise.name(), this::askAndReset);
  }

  private int askAndReset(Workbench bench, Exercise e) throws IOException {
    PrintWriter out = learner.out();
    Path file = bench.workspace().rulesFile(e);
    if (!yes && bench.workspace().hasWorkingCopy(e)) {
      out.print(question(file) + " [y/N] ");
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(learner.in(),
          StandardCharsets.UTF_8));
      String answer = Optional.ofNullable(in.readLine()).orElse("");
      if (!isYes(answer)) {
        out.println();
        out.println("Nothing changed.");
        return ExitCodes.FAILED;
      }
    }
    return reset(bench, e, out, learner.err()) ? ExitCodes.OK : ExitCodes.USAGE;
  }

  static String question(Path file) {
    return "Put the starting rules back in " + Workbench.show(file)
        + "? Your file is kept as a backup.";
  }

  static boolean isYes(String answer) {
    String a = answer.strip().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }

  /** Resets {@code e}'s working copy, saying what happened; false when it could not. */
  static boolean reset(Workbench bench, Exercise e, PrintWriter out, PrintWriter err) {
    Path file = bench.workspace().rulesFile(e);
    try {
      Optional<Path> backup = bench.workspace().reset(e);
      out.println("Put the starting rules back in " + Workbench.show(file)
          + backup.map(b -> "; your old file is " + Workbench.show(b) + ".")
              .orElse(" (there was no working copy)."));
      return true;
    } catch (IOException x) {
      err.println("packetpath: " + bench.styles().error("cannot reset " + Workbench.show(file)) + ": "
          + Workspace.why(x));
      return false;
    }
  }
}

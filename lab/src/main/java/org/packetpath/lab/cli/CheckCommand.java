package org.packetpath.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckHarness;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.check.CheckText;
import org.packetpath.lab.check.RulesSpec;
import org.packetpath.lab.term.Colour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./packetpath check [ID] [--rules FILE]}: run an exercise's checks against a rules file. */
@Command(
    name = "check",
    description = {
      "Run an exercise's checks against a rules file: each goal is met (✓) or not (✗), and"
          + " for each goal not met you see what was expected, what happened instead, and the"
          + " packet's way through the firewall."
    },
    exitCodeList = {"0:every goal is met", "1:some goal is not met",
        "2:bad input: no such exercise or file, or the rules have errors"})
final class CheckCommand extends OneExerciseCommand.WithContent {
  @Option(names = "--rules", paramLabel = "FILE",
      description = "the rules to check: iptables-save output or a script of iptables commands"
          + " (default: your working copy of the exercise's rules, in the workspace)")
  Optional<Path> rules = Optional.empty();

  @Override
  int run(Workbench bench, Exercise e) {
    PrintWriter out = learner.out();
    PrintWriter err = learner.err();
    Styles styles = learner.styles();
    Path workingCopy = bench.workspace().rulesFile(e);
    Path file = rules.orElse(workingCopy);
    if (rules.isEmpty() && !Files.exists(file)) {
      err.println("packetpath: " + styles.error("no working copy " + Workbench.show(file) + " yet")
          + ": ./packetpath start " + e.number() + " creates it; or pass the file to check with"
          + " --rules FILE");
      return ExitCodes.USAGE;
    }
    out.println(styles.bold("Exercise " + e.number() + ": " + e.title()) + " "
        + styles.dim("(checking " + Workbench.show(file) + ")"));
    out.println();
    CheckRun run = CheckHarness.run(e.id(), RulesSpec.file(file), content.dir);
    run.warnings().forEach(w -> err.println(w));
    if (!run.problems().isEmpty()) {
      for (Diagnostic d : run.problems()) {
        err.println(styles.diagnostic(d));
      }
      int n = run.problems().size();
      err.println(styles.error(n + (n == 1 ? " error" : " errors")) + ": fix "
          + (n == 1 ? "it" : "them") + ", then check again.");
      return ExitCodes.USAGE;
    }
    out.print(CheckText.render(run, styles.colour() ? Colour.ANSI : Colour.PLAIN));
    boolean mine = content.dir.isEmpty() && sameFile(file, workingCopy);
    if (run.allPassed() && mine) {
      bench.workspace().update(p -> p.done(e.id()));
      out.println();
      out.println(bench.next(e)
          .map(n -> "Exercise " + e.number() + " is done. Next: ./packetpath start " + n.number()
              + " (" + n.title() + "). ./packetpath solution " + e.number()
              + " shows a reference solution.")
          .orElse("Exercise " + e.number() + " is done, and it was the last: well done!"));
    }
    return run.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}

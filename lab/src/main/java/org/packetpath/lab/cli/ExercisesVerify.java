package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.lab.ExerciseCatalog;
import org.packetpath.lab.check.ExerciseVerifier;
import org.packetpath.lab.check.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./packetpath exercises verify [--content DIR]}: prove that every exercise works. */
@Command(
    name = "verify",
    description = {
      "Prove every exercise: its files are valid, the starting rules fail some check, the"
          + " reference solution passes them all, each known-wrong ruleset fails the checks its"
          + " exercise file lists, every check is failed by some known-wrong ruleset, and"
          + " accepting or dropping everything fails some check."
    },
    exitCodeList = {"0:every exercise is proved", "1:some claim does not hold",
        "2:the exercise files have errors"})
final class ExercisesVerify implements Callable<Integer> {
  @Mixin Terminal terminal;
  @Mixin ContentOption content;

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    Styles styles = terminal.styles();
    Optional<ExerciseCatalog> catalog = content.read(terminal.err(), styles);
    if (catalog.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Verification verification = ExerciseVerifier.verify(catalog.get());
    for (Verification.Exercise e : verification.exercises()) {
      out.println(styles.bold("Exercise " + e.number() + ": " + e.title()) + " ("
          + e.id() + ")");
      for (Verification.Claim c : e.claims()) {
        out.println("  " + (c.holds() ? styles.ok("✓") : styles.error("✗")) + " " + c.subject()
            + ": " + c.text());
      }
      out.println();
    }
    int exercises = verification.exercises().size();
    int broken = verification.broken().size();
    String count = exercises + (exercises == 1 ? " exercise" : " exercises");
    if (broken == 0) {
      out.println(styles.ok(count + " verified: every claim holds."));
      return ExitCodes.OK;
    }
    out.println(styles.error(count + " verified: " + broken
        + (broken == 1 ? " claim does not hold." : " claims do not hold.")));
    return ExitCodes.FAILED;
  }
}

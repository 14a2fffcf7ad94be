package org.packetpath.lab.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.lab.Check;
import org.packetpath.lab.Content;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import org.packetpath.lab.WrongRuleset;

/**
 * Proves that every exercise of a catalog works, running its checks through {@link
 * CheckHarness} as a learner's would run:
 *
 * <ul>
 *   <li>the starting rules fail at least one check (there is something to do);
 *   <li>the reference solution passes every check (it can be done);
 *   <li>each known-wrong ruleset fails exactly the checks its exercise file lists, or at least
 *       one when it lists none;
 *   <li>every check is failed by at least one known-wrong ruleset (no check passes everything);
 *   <li>accepting everything and dropping everything each fail some check (no trivial answer
 *       passes).
 * </ul>
 */
public final class ExerciseVerifier {
  private ExerciseVerifier() {}

  /** Verifies every exercise of {@code catalog}. */
  public static Verification verify(ExerciseCatalog catalog) {
    Optional<Path> folder = catalog.content() instanceof Content.Directory d
        ? Optional.of(d.folder()) : Optional.empty();
    List<Verification.Exercise> reports = new ArrayList<>();
    for (Exercise exercise : catalog.exercises()) {
      reports.add(new Verification.Exercise(exercise.id(), exercise.title(), exercise.number(),
          new Prover(exercise, folder).claims()));
    }
    return new Verification(reports);
  }

  /** The claims about one exercise. Not thread-safe. */
  private static final class Prover {
    private final Exercise exercise;
    private final Optional<Path> folder;
    private final List<Verification.Claim> claims = new ArrayList<>();

    Prover(Exercise exercise, Optional<Path> folder) {
      this.exercise = exercise;
      this.folder = folder;
    }

    List<Verification.Claim> claims() {
      int total = exercise.checks().size();
      run(RulesSpec.exercise(Exercise.START), Exercise.START).ifPresent(failed ->
          claim(Exercise.START, !failed.isEmpty(), failed.isEmpty()
              ? "passes every check already: there is nothing for the learner to do"
              : "fails " + failed.size() + " of " + total + " checks"));
      run(RulesSpec.exercise(Exercise.SOLUTION), Exercise.SOLUTION).ifPresent(failed ->
          claim(Exercise.SOLUTION, failed.isEmpty(), failed.isEmpty()
              ? "passes all " + total + " checks" : "fails " + String.join(", ", failed)));
      Set<String> covered = new LinkedHashSet<>();
      for (WrongRuleset wrong : exercise.wrong()) {
        String path = wrong.file().path();
        run(RulesSpec.exercise(path), path).ifPresent(failed -> {
          covered.addAll(failed);
          wrongClaim(wrong, failed);
        });
      }
      List<String> uncovered = exercise.checks().stream().map(Check::id)
          .filter(id -> !covered.contains(id)).toList();
      claim("checks", uncovered.isEmpty(), uncovered.isEmpty()
          ? "each of the " + total + " checks is failed by a known-wrong ruleset"
          : "no known-wrong ruleset fails " + String.join(", ", uncovered));
      for (RulesSpec.Trivial trivial : RulesSpec.Trivial.values()) {
        run(RulesSpec.builtin(trivial), trivial.word()).ifPresent(failed ->
            claim(trivial.word(), !failed.isEmpty(), failed.isEmpty()
                ? "passes every check: the checks do not tell a trivial answer from a good one"
                : "fails " + failed.size() + " of " + total + " checks"));
      }
      return claims;
    }

    private void wrongClaim(WrongRuleset wrong, List<String> failed) {
      String path = wrong.file().path();
      if (wrong.fails().isEmpty()) {
        claim(path, !failed.isEmpty(), failed.isEmpty() ? "passes every check"
            : "fails " + String.join(", ", failed));
      } else if (failed.equals(wrong.fails())) {
        claim(path, true, "fails " + String.join(", ", failed));
      } else {
        claim(path, false, "fails " + (failed.isEmpty() ? "no check" : String.join(", ", failed))
            + ", but the exercise file (line " + wrong.position().line() + ") says it fails "
            + String.join(", ", wrong.fails()));
      }
    }

    /** The ids of the checks {@code rules} fails, or empty after claiming why it did not run. */
    private Optional<List<String>> run(RulesSpec rules, String subject) {
      CheckRun run = CheckHarness.run(exercise.id(), rules, folder);
      if (!run.problems().isEmpty()) {
        claim(subject, false, "could not be checked: " + String.join("; ",
            run.problems().stream().map(Diagnostic::toString).toList()));
        return Optional.empty();
      }
      List<CheckResult> notRun = run.results().stream()
          .filter(r -> r.status() == CheckResult.Status.NOT_RUN).toList();
      if (!notRun.isEmpty()) {
        claim(subject, false, "could not run " + notRun.get(0).check() + ": "
            + String.join("; ", notRun.get(0).problems()));
        return Optional.empty();
      }
      return Optional.of(run.results().stream().filter(r -> !r.passed())
          .map(CheckResult::check).toList());
    }

    private void claim(String subject, boolean holds, String text) {
      claims.add(new Verification.Claim(subject, holds, text));
    }
  }
}

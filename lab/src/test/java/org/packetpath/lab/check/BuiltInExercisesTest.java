package org.packetpath.lab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.lab.ExerciseCatalog;

/**
 * {@code ./packetpath exercises verify} on the built-in exercises, as part of every build: each one is
 * proved by its starting rules, its solution, its known-wrong rulesets and the trivial answers.
 */
class BuiltInExercisesTest {
  @Test
  void everyBuiltInExerciseIsProved() {
    Verification verification = ExerciseVerifier.verify(ExerciseCatalog.builtIn());
    assertEquals(List.of(), verification.broken(), "claims that do not hold");
    assertEquals(List.of("misplaced-rules", "dont-lock-yourself-out", "stop-the-bot"),
        verification.exercises().stream().map(Verification.Exercise::id).toList());
    assertTrue(verification.exercises().stream()
        .allMatch(e -> e.claims().size() >= 7), "every claim was made");
  }
}

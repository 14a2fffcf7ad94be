package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.ContentFixture;

/** {@code ./packetpath exercises verify} as an author runs it. */
class ExercisesCommandTest {
  @TempDir Path dir;

  @Test
  void theBuiltInExercisesAreProved() {
    RulesCommandTest.Run run = RulesCommandTest.run("exercises", "verify");
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(run.out().startsWith("""
        Exercise 1: The misplaced rules (misplaced-rules)
          ✓ start.rules: fails 5 of 9 checks
          ✓ solution.rules: passes all 9 checks
          ✓ wrong/moved-as-is.rules: fails web-ui-polls-snmp
        """), run.out());
    assertTrue(run.out().endsWith("\n3 exercises verified: every claim holds.\n"), run.out());
  }

  @Test
  void aClaimThatDoesNotHoldExitsOne() {
    ContentFixture fixture = ContentFixture.write(dir);
    RulesCommandTest.Run run = RulesCommandTest.run("exercises", "verify", "--content",
        fixture.root().toString());
    assertEquals(ExitCodes.FAILED, run.code(), run.err());
    assertTrue(run.out().contains("  ✗ checks: no known-wrong ruleset fails office-ssh\n"),
        run.out());
    assertTrue(run.out().endsWith("\n1 exercise verified: 1 claim does not hold.\n"), run.out());
  }

  @Test
  void aMistakeInTheFilesIsLocatedAndExitsTwo() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "points: 2", "points: 0");
    RulesCommandTest.Run run = RulesCommandTest.run("exercises", "verify", "--content",
        fixture.root().toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(fixture.root().resolve("01-first/exercise.yaml") + """
        :7:13: error: invalid points "0"
              points: 0
                      ^
          points are a whole number from 1 to 100
        1 error in the exercises
        """, run.err());
    assertEquals("", run.out());
  }
}

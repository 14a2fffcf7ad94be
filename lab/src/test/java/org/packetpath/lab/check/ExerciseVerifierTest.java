package org.packetpath.lab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Content;
import org.packetpath.lab.ContentFixture;
import org.packetpath.lab.ExerciseCatalog;

/** What the verifier catches in an exercise that does not prove what it should. */
class ExerciseVerifierTest {
  @TempDir Path dir;

  private List<String> claims(ContentFixture fixture) {
    Verification v = ExerciseVerifier.verify(
        ExerciseCatalog.read(Content.directory(fixture.root())).orThrow());
    return v.exercises().get(0).claims().stream()
        .map(c -> (c.holds() ? "✓ " : "✗ ") + c.subject() + ": " + c.text()).toList();
  }

  @Test
  void aSoundExerciseIsProved() {
    assertEquals(List.of(
        "✓ start.rules: fails 1 of 2 checks",
        "✓ solution.rules: passes all 2 checks",
        "✓ wrong/open.rules: fails attacker-no-ssh",
        "✗ checks: no known-wrong ruleset fails office-ssh",
        "✓ accept-everything: fails 1 of 2 checks",
        "✓ drop-everything: fails 1 of 2 checks"), claims(ContentFixture.write(dir)));
  }

  @Test
  void everyBrokenClaimIsReported() {
    ContentFixture fixture = ContentFixture.write(dir)
        .file("01-first/start.rules", ContentFixture.SOLUTION)
        .edit("01-first/solution.rules", "-s 198.51.100.0/24 ", "-s 198.51.100.7/32 ")
        .edit("01-first/exercise.yaml", "[attacker-no-ssh]", "[office-ssh]");
    assertEquals(List.of(
        "✗ start.rules: passes every check already: there is nothing for the learner to do",
        "✗ solution.rules: fails office-ssh",
        "✗ wrong/open.rules: fails attacker-no-ssh, but the exercise file (line 20) says it"
            + " fails office-ssh",
        "✗ checks: no known-wrong ruleset fails office-ssh",
        "✓ accept-everything: fails 1 of 2 checks",
        "✓ drop-everything: fails 1 of 2 checks"), claims(fixture));
  }

  @Test
  void checksThatCannotTellTrivialAnswersApartAreCaught() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "disposition: delivered", "disposition: blocked")
        .edit("01-first/exercise.yaml", "wrong/open.rules: [attacker-no-ssh]",
            "wrong/open.rules: [office-ssh, attacker-no-ssh]");
    List<String> claims = claims(fixture);
    assertTrue(claims.contains("✗ drop-everything: passes every check: the checks do not tell"
        + " a trivial answer from a good one"), claims.toString());
  }
}

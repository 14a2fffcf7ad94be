package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Content;

/** {@code ./packetpath check} as a learner runs it: what is printed and the exit codes. */
class CheckCommandTest {
  @TempDir Path dir;

  /** A copy of a built-in exercise's rules file, as a learner's working copy would be. */
  private Path copy(String exercisePath) throws IOException {
    try (InputStream in = Content.class.getClassLoader()
        .getResourceAsStream(Content.CLASSPATH_ROOT + exercisePath)) {
      Path file = dir.resolve("mine.rules");
      Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return file;
    }
  }

  @Test
  void allGoalsMetExitsZero() throws IOException {
    Path rules = copy("01-misplaced-rules/solution.rules");
    RulesCommandTest.Run run = RulesCommandTest.run("check", "misplaced-rules", "--rules",
        rules.toString());
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().startsWith("Exercise 1: The misplaced rules (checking " + rules
        + ")\n\n✓ The internet cannot reach the monitoring web UI over https   "), run.out());
    assertTrue(run.out().contains(
        "✓ The customer's PCs still browse the web, behind the firewall's address  2/2\n"),
        run.out());
    assertTrue(run.out().endsWith("\nAll 9 goals met: 17 of 17 points.\n"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void goalsNotMetAreExplainedAndExitOne() throws IOException {
    Path rules = copy("01-misplaced-rules/start.rules");
    RulesCommandTest.Run run = RulesCommandTest.run("check", "1", "--rules", rules.toString());
    assertEquals(ExitCodes.FAILED, run.code(), run.err());
    assertTrue(run.out().contains("""
        ✗ A PC in the customer's office cannot log in to the firewall             0/1
            sent      tcp 10.0.0.2:40004 > 10.0.0.1:22 SYN in lan0
            expected  blocked (dropped or rejected) in filter INPUT
            but       it was delivered to the firewall itself; the policy ACCEPT of filter\
         INPUT let it through
            its way through the firewall:
              PREROUTING
        """), run.out());
    assertTrue(run.out().contains(
        "✓ The managing company's office can still log in with ssh                 2/2\n"),
        run.out());
    assertTrue(run.out().endsWith("\n4 of 9 goals met: 7 of 17 points.\n"), run.out());
  }

  @Test
  void rulesWithErrorsAreShownWithLineAndCaretAndExitTwo() throws IOException {
    Path rules = dir.resolve("bad.rules");
    Files.writeString(rules, "*filter\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n");
    RulesCommandTest.Run run = RulesCommandTest.run("check", "1", "--rules", rules.toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().startsWith(rules + """
        :2:17: error: unknown option "--dprot"
          -A INPUT -p tcp --dprot 22 -j DROP
                          ^
        """), run.err());
    assertTrue(run.err().contains("1 error: fix it, then check again."), run.err());
    assertTrue(!run.out().contains("✓") && !run.out().contains("✗"), run.out());
  }

  @Test
  void anUnknownExerciseListsTheExercisesAndExitsTwo() {
    RulesCommandTest.Run run = RulesCommandTest.run("check", "9", "--rules", "x.rules");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals("""
        packetpath: no exercise "9"
        The exercises are:
          1  misplaced-rules  (The misplaced rules)
          2  dont-lock-yourself-out  (Don't lock yourself out)
          3  stop-the-bot  (Stop the bot)
        """, run.err());
  }

  @Test
  void withoutRulesTheWorkingCopyIsUsedAndItsAbsenceExplained() {
    Path work = dir.resolve("work");
    RulesCommandTest.Run run = RulesCommandTest.run("check", "stop-the-bot", "--workspace",
        work.toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals("packetpath: no working copy " + work.resolve("03-stop-the-bot.rules") + " yet:"
        + " ./packetpath start 3 creates it; or pass the file to check with --rules FILE\n",
        run.err());
  }

  @Test
  void aMissingRulesFileIsBadInput() {
    RulesCommandTest.Run run = RulesCommandTest.run("check", "1", "--rules",
        dir.resolve("none.rules").toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().startsWith(dir.resolve("none.rules") + ": error: no such file"),
        run.err());
  }
}

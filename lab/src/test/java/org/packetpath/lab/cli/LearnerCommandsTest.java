package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import org.packetpath.lab.progress.Progress;
import org.packetpath.lab.progress.ProgressFile;

/**
 * The learner's commands ({@code list}, {@code start}, {@code check}, {@code hint}, {@code
 * reset}, {@code solution}, {@code progress}, {@code trace}) and guided mode without a
 * terminal, as a learner runs them: output, exit codes, and what they leave in the workspace.
 */
class LearnerCommandsTest {
  @TempDir Path dir;

  private final List<Exercise> exercises = ExerciseCatalog.builtIn().exercises();

  record Run(int code, String out, String err) {}

  private Path work() {
    return dir.resolve("work");
  }

  /** Runs {@code ./packetpath ARGS --workspace WORK} with {@code input} typed. */
  private Run typing(String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = Stream.concat(Stream.of("--workspace", work().toString()), Stream.of(args))
        .toArray(String[]::new);
    int code = LabCli.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        false, new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  private Run lab(String... args) {
    return typing("", args);
  }

  private Path workingCopy(int number) {
    return work().resolve(exercises.get(number - 1).folder() + ".rules");
  }

  private void solve(int number) throws IOException {
    Files.createDirectories(work());
    Files.writeString(workingCopy(number), exercises.get(number - 1).solution().text());
  }

  private Progress progress() throws Exception {
    return ProgressFile.read(Files.readString(work().resolve("progress.txt")));
  }

  @Test
  void listShowsTheExercisesAndTheCurrentOneAndCreatesNothing() {
    Run run = lab("list");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertEquals("""
          ▸ 1  misplaced-rules         The misplaced rules      current
            2  dont-lock-yourself-out  Don't lock yourself out
            3  stop-the-bot            Stop the bot

        0 of 3 done. Open one with ./packetpath start NUMBER, or the current one in guided mode with\
         ./packetpath.
        """, run.out());
    assertFalse(Files.exists(work()), "listing creates no workspace");
  }

  @Test
  void startCreatesTheWorkingCopyMakesItCurrentAndShowsTheInstructions() throws Exception {
    Run run = lab("start", "2");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().startsWith("Exercise 2 of 3: Don't lock yourself out\n\n"
        + "Don't lock yourself out\n"), run.out());
    assertTrue(run.out().contains("Your working copy of the rules: " + workingCopy(2)
        + " (just created from the starting rules)\n"), run.out());
    assertTrue(run.out().contains("  ./packetpath check    run the checks"), run.out());
    assertEquals(exercises.get(1).start().text(), Files.readString(workingCopy(2)));
    assertEquals(Optional.of("dont-lock-yourself-out"), progress().current());

    Files.writeString(workingCopy(2), "# my rules\n");
    Run again = lab("start", "dont-lock-yourself-out");
    assertEquals(ExitCodes.OK, again.code(), again.err());
    assertTrue(again.out().contains("(yours, as you left it)"), again.out());
    assertEquals("# my rules\n", Files.readString(workingCopy(2)), "never overwritten");
    assertTrue(lab("list").out().contains("▸ 2  dont-lock-yourself-out"));
  }

  @Test
  void startingAnExerciseThereIsNotSaysWhichThereAre() {
    Run run = lab("start", "7");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().startsWith("packetpath: no exercise \"7\"\nThe exercises are:\n"), run.err());
    assertFalse(Files.exists(work()));
  }

  @Test
  void checkRunsTheCurrentExerciseOnItsWorkingCopyAndMarksItDone() throws Exception {
    assertEquals(ExitCodes.OK, lab("start", "2").code());
    Run failing = lab("check");
    assertEquals(ExitCodes.FAILED, failing.code(), failing.err());
    assertTrue(failing.out().startsWith("Exercise 2: Don't lock yourself out (checking "
        + workingCopy(2) + ")\n"), failing.out());
    assertFalse(progress().isDone("dont-lock-yourself-out"));

    solve(2);
    Run passing = lab("check");
    assertEquals(ExitCodes.OK, passing.code(), passing.err());
    assertTrue(passing.out().endsWith("""
        All 9 goals met: 14 of 14 points.

        Exercise 2 is done. Next: ./packetpath start 3 (Stop the bot). ./packetpath solution 2 shows a\
         reference solution.
        """), passing.out());
    assertTrue(progress().isDone("dont-lock-yourself-out"));
    assertEquals(Optional.of("dont-lock-yourself-out"), progress().current(),
        "checking never moves on");
  }

  @Test
  void checkingAnotherFileDoesNotCountAsDoingTheExercise() throws Exception {
    Path mine = dir.resolve("elsewhere.rules");
    Files.writeString(mine, exercises.get(0).solution().text());
    Run run = lab("check", "1", "--rules", mine.toString());
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertFalse(run.out().contains("is done"), run.out());
    assertFalse(Files.exists(work().resolve("progress.txt")));
  }

  @Test
  void aSyntaxErrorInTheWorkingCopyIsShownWithLineAndCaretAndStopsTheRun() throws IOException {
    assertEquals(ExitCodes.OK, lab("start", "1").code());
    Files.writeString(workingCopy(1), "*filter\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n");
    Run run = lab("check");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().startsWith(workingCopy(1) + """
        :2:17: error: unknown option "--dprot"
          -A INPUT -p tcp --dprot 22 -j DROP
                          ^
        """), run.err());
    assertFalse(run.out().contains("✓") || run.out().contains("✗"), run.out());
  }

  @Test
  void scriptsOfIptablesCommandsAreChecked() throws IOException {
    assertEquals(ExitCodes.OK, lab("start", "1").code());
    Files.writeString(workingCopy(1), """
        iptables -t nat -A POSTROUTING -o wan0 -j MASQUERADE
        iptables -P FORWARD DROP
        iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        iptables -A FORWARD -i lan0 -o wan0 -j ACCEPT
        iptables -A INPUT -i lo -j ACCEPT
        iptables -A INPUT -s 198.51.100.0/24 -p tcp -m multiport --dports 22,80,443 -j ACCEPT
        iptables -A INPUT -p tcp -m multiport --dports 22,80,443 -j DROP
        iptables -A INPUT -p udp --dport 161 -j DROP
        """);
    Run run = lab("check");
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
  }

  @Test
  void hintsClimbTheLadderOneAtATimeAndAreRemembered() throws Exception {
    Run first = lab("hint");
    assertEquals(ExitCodes.OK, first.code(), first.err());
    assertTrue(first.out().startsWith("Hint 1 of 4 for exercise 1, The misplaced rules:\n\n"
        + "  Send the first failing packet through the firewall"), first.out());
    assertTrue(first.out().endsWith("\n3 more hints if you need them.\n"), first.out());
    assertEquals(1, progress().hints("misplaced-rules"));
    lab("hint");
    lab("hint");
    Run last = lab("hint", "1");
    assertTrue(last.out().startsWith("Hint 4 of 4"), last.out());
    assertTrue(last.out().contains("-A INPUT -i lo -j ACCEPT"), last.out());
    assertTrue(last.out().endsWith("\nThat was the last hint.\n"), last.out());
    Run again = lab("hint");
    assertTrue(again.out().startsWith("Hint 4 of 4"), again.out());
    assertTrue(again.out().endsWith("\nYou have seen all 4 hints: this is the last one"
        + " again.\n"), again.out());
    assertEquals(4, progress().hints("misplaced-rules"));
    assertTrue(lab("list").out().contains("current, 4 of 4 hints seen"));
  }

  @Test
  void resetAsksFirstAndKeepsABackup() throws IOException {
    assertEquals(ExitCodes.OK, lab("start", "1").code());
    Files.writeString(workingCopy(1), "# my attempt\n");

    Run no = typing("n\n", "reset", "1");
    assertEquals(ExitCodes.FAILED, no.code(), no.err());
    assertEquals("Put the starting rules back in " + workingCopy(1) + "? Your file is kept as"
        + " a backup. [y/N] \nNothing changed.\n", no.out());
    assertEquals("# my attempt\n", Files.readString(workingCopy(1)));
    assertEquals(ExitCodes.FAILED, lab("reset", "1").code(), "no answer is no");

    Run yes = typing("y\n", "reset", "1");
    assertEquals(ExitCodes.OK, yes.code(), yes.err());
    assertEquals(exercises.get(0).start().text(), Files.readString(workingCopy(1)));
    List<Path> backups = backups();
    assertEquals(1, backups.size(), backups.toString());
    assertEquals("# my attempt\n", Files.readString(backups.get(0)));
    assertTrue(yes.out().endsWith("your old file is " + backups.get(0) + ".\n"), yes.out());
    assertTrue(backups.get(0).getFileName().toString()
        .matches("01-misplaced-rules\\.rules\\.\\d{8}-\\d{6}(-\\d+)?\\.bak"), backups.toString());

    Run quiet = lab("reset", "--yes", "1");
    assertEquals(ExitCodes.OK, quiet.code(), quiet.err());
    assertFalse(quiet.out().contains("[y/N]"), quiet.out());
    assertEquals(2, backups().size());
  }

  private List<Path> backups() throws IOException {
    try (Stream<Path> files = Files.list(work())) {
      return files.filter(p -> p.toString().endsWith(".bak")).sorted().toList();
    }
  }

  @Test
  void theSolutionIsShownOnlyOnceTheExerciseIsDone() throws IOException {
    Run before = lab("solution", "1");
    assertEquals(ExitCodes.FAILED, before.code());
    assertFalse(before.out().contains("-A INPUT"), before.out());
    solve(1);
    assertEquals(ExitCodes.OK, lab("check", "1").code());
    Run after = lab("solution", "1");
    assertEquals(ExitCodes.OK, after.code(), after.err());
    assertTrue(after.out().startsWith("A reference solution of exercise 1, The misplaced rules"
        + " (one right answer among several):\n\n"), after.out());
    assertTrue(after.out().contains("  -A INPUT -i lo -j ACCEPT\n"), after.out());
  }

  @Test
  void progressSummarisesWhatIsDoneAndWhatToDoNext() throws IOException {
    solve(1);
    assertEquals(ExitCodes.OK, lab("check", "1").code());
    assertEquals(ExitCodes.OK, lab("start", "2").code());
    Run run = lab("progress");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().startsWith("Your progress: 1 of 3 exercises done.\n\n"
        + "  ✓ 1  misplaced-rules  "), run.out());
    assertTrue(run.out().contains(workingCopy(1) + ": 9 of 9 goals met, 17 of 17 points\n"),
        run.out());
    assertTrue(run.out().contains("▸ 2  dont-lock-yourself-out  Don't lock yourself out "
        + " current\n"), run.out());
    assertTrue(run.out().contains(workingCopy(2) + ": 6 of 9 goals met, 7 of 14 points\n"),
        run.out());
    assertTrue(run.out().endsWith("Next: exercise 2, Don't lock yourself out: ./packetpath opens it in"
        + " guided mode.\n"), run.out());
  }

  @Test
  void traceUsesTheCurrentExercisesWorkingCopyAndTopology() throws IOException {
    Run none = lab("trace", "tcp ircd:6667 > fw:40000 in wan0");
    assertEquals(ExitCodes.USAGE, none.code());
    assertTrue(none.err().contains("no working copy"), none.err());

    assertEquals(ExitCodes.OK, lab("start", "1").code());
    Run start = lab("trace", "--no-diagram", "tcp internet:40000 > fw:443 in wan0");
    assertEquals(ExitCodes.OK, start.code(), start.err());
    assertTrue(start.out().contains("DELIVERED to the firewall itself, tcp port 443"),
        start.out());
    solve(1);
    Run solved = lab("trace", "--no-diagram", "tcp mirror:40000 > fw:443 in wan0");
    assertEquals(ExitCodes.OK, solved.code(), solved.err());
    assertTrue(solved.out().contains("tcp 192.0.2.80:40000 > 203.0.113.1:443"),
        "the story's hosts are known: " + solved.out());
    assertTrue(solved.out().contains("DROPPED by filter INPUT rule 3"), solved.out());
  }

  @Test
  void aDamagedProgressFileIsReportedInOneLineAndRebuilt() throws IOException {
    solve(1);
    Files.writeString(work().resolve("progress.txt"), "forma\u0000");
    Run run = lab("list");
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.err().matches("packetpath: the progress file " + java.util.regex.Pattern.quote(
        work().resolve("progress.txt").toString()) + " was damaged \\(line 1: expected \"format"
        + " 1\" first\\): kept it as progress\\.txt\\.\\d{8}-\\d{6}\\.bak and rebuilt it from"
        + " your working copies\n"), run.err());
    assertTrue(run.out().contains("✓ 1  misplaced-rules"), "rebuilt by checking: " + run.out());
    Run again = lab("list");
    assertEquals("", again.err(), "the rebuilt file is fine");
  }

  // ---- guided mode without a terminal: keys are read one line each ---------------------------

  @Test
  void guidedModeOpensTheFirstExerciseAndNeverMovesOnUnsolved() throws Exception {
    Run run = typing("h\nn\nx\nq\n");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("\n" + "-".repeat(80) + "\nExercise 1 of 3: The misplaced"
        + " rules\n\nThe misplaced rules\n\nMonday morning"), out);
    assertTrue(out.contains("Your working copy of the rules: " + workingCopy(1)
        + " (just created from the starting rules)"), out);
    assertTrue(out.contains("✗ The internet cannot reach the monitoring web UI over https"),
        out);
    assertTrue(out.contains("4 of 9 goals met: 7 of 17 points."), out);
    assertTrue(out.contains("Hint 1 of 4 for exercise 1"), out);
    assertTrue(out.contains("n opens the next exercise once every goal here is met."), out);
    assertTrue(out.contains("There is no command \"x\"."), out);
    assertTrue(out.endsWith("Your progress is saved in " + work() + "/. Run ./packetpath to come back"
        + " to exercise 1.\n"), out);
    assertEquals(1, progress().hints("misplaced-rules"));
    assertFalse(Files.exists(workingCopy(2)));
  }

  @Test
  void guidedModeMovesOnWhenTheLearnerSaysSoAfterSuccess() throws Exception {
    solve(1);
    Run run = typing("s\nn\nq\n");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    String out = run.out();
    assertTrue(out.contains("All 9 goals met: 17 of 17 points."), out);
    assertTrue(out.contains("All goals met: well done! Press n for exercise 2"), out);
    assertTrue(out.contains("A reference solution of exercise 1"), out);
    assertTrue(out.contains("Exercise 2 of 3: Don't lock yourself out"), out);
    assertTrue(progress().isDone("misplaced-rules"));
    assertEquals(Optional.of("dont-lock-yourself-out"), progress().current());
    assertTrue(Files.exists(workingCopy(2)));
  }

  @Test
  void guidedModeShowsSyntaxErrorsAndTracesTypedPackets() throws Exception {
    Files.createDirectories(work());
    Files.writeString(workingCopy(1), "*filter\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n");
    Run run = typing("t tcp attacker:1 > fw:22 in wan0\nq\n");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().contains(workingCopy(1) + """
        :2:17: error: unknown option "--dprot"
          -A INPUT -p tcp --dprot 22 -j DROP
                          ^
        """), run.out());
    assertTrue(run.out().contains("1 error: the checks did not run."), run.out());
    assertTrue(run.out().contains("Fix the rules first"), run.out());

    solve(1);
    Run traced = typing("t tcp attacker:1 > fw:22 in wan0\nt tcp nobody:1 > fw:22 in wan0\n"
        + "q\n");
    assertTrue(traced.out().contains("DROPPED by filter INPUT rule 3"), traced.out());
    assertTrue(traced.out().contains("packet:1:5: error: unknown host `nobody'"), traced.out());
  }

  @Test
  void guidedModeEndsCleanlyWhenTheInputEndsMidQuestion() {
    Run run = typing("t");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().contains("packet> "), run.out());
    assertTrue(run.out().endsWith("Run ./packetpath to come back to exercise 1.\n"), run.out());
  }

  @Test
  void guidedModeResetsOnlyWhenTheLearnerSaysYes() throws Exception {
    Files.createDirectories(work());
    Files.writeString(workingCopy(1), "# mine\n");
    Run no = typing("r\nno\nq\n");
    assertTrue(no.out().contains("Nothing changed."), no.out());
    assertEquals("# mine\n", Files.readString(workingCopy(1)));
    Run yes = typing("r\ny\nq\n");
    assertTrue(yes.out().contains("Put the starting rules back in " + workingCopy(1)
        + "; your old file is "), yes.out());
    assertEquals(exercises.get(0).start().text(), Files.readString(workingCopy(1)));
    assertEquals(1, backups().size());
  }
}

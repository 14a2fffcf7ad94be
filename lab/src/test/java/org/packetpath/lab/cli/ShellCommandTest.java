package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Content;
import org.packetpath.lab.progress.Workspace;

/** {@code ./packetpath shell} through the command line, with the learner's input piped in. */
class ShellCommandTest {
  @TempDir Path home;

  private InputStream stdin;
  private String homeProperty;

  @BeforeEach
  void saveGlobals() {
    stdin = System.in;
    homeProperty = System.getProperty(Workspace.HOME_PROPERTY);
    System.setProperty(Workspace.HOME_PROPERTY, home.toString());
  }

  @AfterEach
  void restoreGlobals() {
    System.setIn(stdin);
    if (homeProperty == null) {
      System.clearProperty(Workspace.HOME_PROPERTY);
    } else {
      System.setProperty(Workspace.HOME_PROPERTY, homeProperty);
    }
  }

  private static RulesCommandTest.Run shell(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    String[] all = new String[args.length + 1];
    all[0] = "shell";
    System.arraycopy(args, 0, all, 1, args.length);
    return RulesCommandTest.run(all);
  }

  @Test
  void theShellOpensTheExerciseWithTheLearnersRulesFromTheHomeFolder() throws IOException {
    Path file = home.resolve("work/02-dont-lock-yourself-out.rules");
    Files.createDirectories(file.getParent());
    try (InputStream in = Content.class.getClassLoader().getResourceAsStream(
        Content.CLASSPATH_ROOT + "02-dont-lock-yourself-out/solution.rules")) {
      Files.write(file, in.readAllBytes());
    }
    RulesCommandTest.Run run = shell("""
        send("tcp attacker:40000 > fw:22 in wan0")
        check()
        /exit
        """, "dont-lock-yourself-out");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().startsWith("""
        PacketPath shell: exercise 2, Don't lock yourself out
        fw is the firewall with your rules from\s""" + file + ".\n"), run.out());
    assertTrue(run.out().contains("|  Welcome to JShell"), run.out());
    assertTrue(run.out().contains(
        "$1 ==> Trace[tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN in wan0: DROPPED]\n"),
        run.out());
    assertTrue(run.out().contains(" goals met: "), run.out());
    assertTrue(run.out().contains("All "), "the solution meets every goal: " + run.out());
    assertEquals("", run.err());
  }

  @Test
  void withoutAWorkingCopyTheShellStartsFromTheExercisesStartingRules() {
    RulesCommandTest.Run run = shell("rules()\n/exit 4\n");
    assertEquals(4, run.code(), run.err());
    assertTrue(run.out().startsWith("PacketPath shell: exercise 1, The misplaced rules\n"
        + "fw is the firewall with the exercise's starting rules"), run.out());
    assertTrue(run.out().contains(
        "-A FORWARD -p tcp -m multiport --dports 22,80,443 -j DROP\n"), run.out());
  }

  @Test
  void anUnknownExerciseListsTheExercisesAndExitsTwo() {
    RulesCommandTest.Run run = shell("/exit\n", "nope");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().startsWith("packetpath: no exercise \"nope\"\nThe exercises are:\n"
        + "  1  misplaced-rules  (The misplaced rules)\n"), run.err());
    assertEquals("", run.out());
  }
}

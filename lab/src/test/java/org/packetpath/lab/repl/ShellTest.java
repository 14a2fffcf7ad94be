package org.packetpath.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Content;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import org.packetpath.lab.term.Colour;

/**
 * The real jshell, driven through its input stream the way a learner types, with the helpers
 * preloaded: what the learner reads on the shell's output and error streams.
 */
class ShellTest {
  @TempDir Path home;

  record Session(int code, String out, String err) {}

  private static Exercise exercise(String name) {
    return ExerciseCatalog.builtIn().find(name).orElseThrow();
  }

  /** The shell on exercise {@code name} with the learner's {@code file}, fed {@code input}. */
  static Session run(String name, Optional<Path> file, String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = new Shell(exercise(name), Optional.empty(), file, Colour.PLAIN).run(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), outStream, errStream);
    // The tool closes the streams it is given when it ends; the caller's must stay open.
    outStream.print("(still open)");
    return new Session(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** A working copy of an exercise's rules file, as guided mode creates it. */
  private Path workingCopy(String exercisePath, String folder) throws IOException {
    try (InputStream in = Content.class.getClassLoader()
        .getResourceAsStream(Content.CLASSPATH_ROOT + exercisePath)) {
      Path file = home.resolve("work").resolve(folder + ".rules");
      Files.createDirectories(file.getParent());
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  @Test
  void sendPrintsThePacketsWayAndReturnsItsTrace() {
    Session s = run("misplaced-rules", Optional.empty(), """
        send("tcp attacker:40000 > fw:22 in wan0")
        $1.disposition()
        /exit
        """);
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().startsWith("PacketPath shell: exercise 1, The misplaced rules\n"
        + "fw is the firewall with the exercise's starting rules"), s.out());
    assertTrue(s.out().contains("+= INPUT ====="), "the flow diagram: " + s.out());
    assertTrue(s.out().contains("""
        tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN in wan0
        PREROUTING
        """), "the trace: " + s.out());
    assertTrue(s.out().contains("""
        DELIVERED to the firewall itself, tcp port 22
        """), s.out());
    assertTrue(s.out().contains(
        "$1 ==> Trace[tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN in wan0: LOCAL]\n"), s.out());
    assertTrue(s.out().contains("$2 ==> LOCAL\n"), s.out());
    assertTrue(s.out().endsWith("|  Goodbye\n(still open)"), s.out());
    assertEquals("", s.err());
  }

  @Test
  void appendChangesTheOutcomeWithoutTouchingTheLearnersFile() throws IOException {
    Path file = workingCopy("01-misplaced-rules/start.rules", "01-misplaced-rules");
    String before = Files.readString(file);
    Session s = run("misplaced-rules", Optional.of(file), """
        append("INPUT", "-p tcp --dport 22 -j DROP")
        send("tcp attacker:40000 > fw:22 in wan0")
        append("nat", "POSTROUTING", "-o lan0 -j MASQUERADE")
        append("OUTPUT", "-d 192.0.2.67,192.0.2.68 -j REJECT")
        rules()
        """);
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("fw is the firewall with your rules from " + file + ".\n"),
        s.out());
    assertTrue(s.out().contains(
        "Appended as rule 1 of filter INPUT: -A INPUT -p tcp -m tcp --dport 22 -j DROP\n"),
        s.out());
    assertTrue(s.out().contains(
        "DROPPED by filter INPUT rule 1: -A INPUT -p tcp -m tcp --dport 22 -j DROP\n"), s.out());
    assertTrue(s.out().contains(
        "$2 ==> Trace[tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN in wan0: DROPPED]\n"), s.out());
    assertTrue(s.out().contains(
        "Appended as rule 2 of nat POSTROUTING: -A POSTROUTING -o lan0 -j MASQUERADE\n"), s.out());
    assertTrue(s.out().contains("""
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -p tcp -m tcp --dport 22 -j DROP
        -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        """), "rules() prints the rules in canonical form: " + s.out());
    assertTrue(s.out().contains("""
        Appended as rule 1 of filter OUTPUT: -A OUTPUT -d 192.0.2.67/32 -j REJECT\
         --reject-with icmp-port-unreachable
        Appended as rule 2 of filter OUTPUT: -A OUTPUT -d 192.0.2.68/32 -j REJECT\
         --reject-with icmp-port-unreachable
        """), "one command, two rules: " + s.out());
    assertTrue(s.out().contains("""
        -A POSTROUTING -o wan0 -j MASQUERADE
        -A POSTROUTING -o lan0 -j MASQUERADE
        COMMIT
        """), s.out());
    assertEquals(before, Files.readString(file), "the learner's file is never written");
  }

  @Test
  void checkRunsTheExercisesChecksOnTheRulesInMemory() throws IOException {
    Path file = workingCopy("01-misplaced-rules/solution.rules", "01-misplaced-rules");
    Session s = run("1", Optional.of(file), """
        check()
        append("raw", "PREROUTING", "-s 198.51.100.0/24 -j DROP")
        check()
        """);
    assertEquals(0, s.code(), s.err());
    int second = s.out().indexOf("Appended as rule 1 of raw PREROUTING");
    assertTrue(second > 0, s.out());
    String first = s.out().substring(0, second);
    String after = s.out().substring(second);
    String ssh = "The managing company's office can still log in with ssh                 ";
    assertTrue(first.contains("✓ " + ssh + "2/2\n"), first);
    assertTrue(first.contains("All 9 goals met: 17 of 17 points.\n"), first);
    assertTrue(after.contains("✗ " + ssh + "0/2\n"), after);
    assertTrue(after.contains(
        "but       it was dropped by raw PREROUTING rule 1 (-A PREROUTING -s 198.51.100.0/24"
            + " -j DROP)\n"), after);
    assertTrue(after.contains("7 of 9 goals met"), after);
  }

  @Test
  void aBadPacketShowsALocatedDiagnosticAndNoStackTrace() {
    Session s = run("misplaced-rules", Optional.empty(), """
        send("tcp attacker:4000x > fw:22 in wan0")
        send("tcp attacker:40000 > fw:22 in wan9")
        """);
    assertEquals(0, s.code(), s.err());
    assertEquals("""
        packet:1:14: error: invalid port/service `4000x' specified
          tcp attacker:4000x > fw:22 in wan0
                       ^
          a port is a number from 0 to 65535 or a service name such as ssh or https
        packet:1:31: error: the firewall has no interface wan9
          tcp attacker:40000 > fw:22 in wan9
                                        ^
          its interfaces are lo, wan0, lan0
        """, s.err());
    assertTrue(s.out().contains("$1 ==> null\n"), s.out());
    assertFalse(s.out().contains("Exception") || s.out().contains("at org.packetpath"),
        s.out());
  }

  @Test
  void aBadPacketGivenToTheFirewallItselfShowsTheDiagnosticToo() {
    Session s = run("misplaced-rules", Optional.empty(), """
        fw.send("tcp attacker:40000 > fw:99999 in wan0")
        """);
    assertEquals("""
        packet:1:25: error: invalid port/service `99999' specified
          tcp attacker:40000 > fw:99999 in wan0
                                  ^
          a port is a number from 0 to 65535 or a service name such as ssh or https
        """, s.err());
    assertTrue(s.out().contains("$1 ==> null\n"), s.out());
    assertFalse(s.out().contains("Exception"), s.out());
  }

  @Test
  void aBadRuleShowsALocatedDiagnosticAndChangesNothing() {
    Session s = run("misplaced-rules", Optional.empty(), """
        append("INPUT", "-p tcp --dprot 80 -j DROP")
        append("natt", "INPUT", "-j DROP")
        append("INPUTT", "-j DROP")
        rules()
        """);
    assertEquals(0, s.code(), s.err());
    assertTrue(s.err().startsWith("""
        append:1:17: error: unknown option "--dprot"
          -A INPUT -p tcp --dprot 80 -j DROP
                          ^
          did you mean --dport?
        append:1: error: table 'natt' does not exist
          the tables are raw, mangle, nat, filter and security
        append:1:1: error: Chain 'INPUTT' does not exist
          -A INPUTT -j DROP
          ^
          did you mean INPUT?
        """), s.err());
    assertFalse(s.out().contains("Appended"), s.out());
    assertFalse(s.out().contains("Exception"), s.out());
    assertTrue(s.out().contains("""
        :OUTPUT ACCEPT [0:0]
        -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        """), "no rule was added to INPUT: " + s.out());
  }

  @Test
  void reloadReadsTheLearnersFileAgain() throws IOException {
    Path file = workingCopy("01-misplaced-rules/start.rules", "01-misplaced-rules");
    String path = file.toString().replace("\\", "\\\\");
    Session s = run("misplaced-rules", Optional.of(file), """
        append("INPUT", "-j DROP")
        import java.nio.file.*
        var file = Path.of("%s")
        var edited = "*filter\\n-A INPUT -p tcp --dport 22 -j REJECT\\nCOMMIT\\n"
        Files.writeString(file, edited)
        reload()
        rules()
        Files.writeString(file, "*filter\\n-A INPUT -p tcp --dport 22 -j REJEC\\nCOMMIT\\n")
        reload()
        var count = fw.ruleset().ruleCount()
        """.formatted(path));
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("Read " + file + ": 1 rule.\n"), s.out());
    assertTrue(s.out().contains("""
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -p tcp -m tcp --dport 22 -j REJECT --reject-with icmp-port-unreachable
        COMMIT
        """), "the rule appended before is gone: " + s.out());
    assertTrue(s.err().startsWith(file + ":2:31: error: Chain 'REJEC' does not exist"),
        s.err());
    assertTrue(s.out().contains("count ==> 1\n"),
        "a file with errors keeps the rules read before: " + s.out());
  }

  @Test
  void aRulesFileWithErrorsIsShownAndTheShellDoesNotStart() throws IOException {
    Path file = home.resolve("work/01-misplaced-rules.rules");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "*filter\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n");
    Session s = run("misplaced-rules", Optional.of(file), "/exit\n");
    assertEquals(2, s.code());
    assertEquals(file + """
        :2:17: error: unknown option "--dprot"
          -A INPUT -p tcp --dprot 22 -j DROP
                          ^
          did you mean --dport?
        1 error in\s""" + file + ": fix it, then start the shell again.\n", s.err());
    assertEquals("(still open)", s.out());
  }

  @Test
  void theExitCodeIsTheOneTheLearnerGives() {
    assertEquals(3, run("stop-the-bot", Optional.empty(), "/exit 3\n").code());
  }

  @Test
  void theWorkingCopyIsTheOneGuidedModeUses() throws IOException {
    Exercise first = exercise("misplaced-rules");
    Path workspace = home.resolve("work");
    assertEquals(Optional.empty(), Shell.workingCopy(workspace, first));
    Path byFolder = workingCopy("01-misplaced-rules/start.rules", "01-misplaced-rules");
    assertEquals(Optional.of(byFolder), Shell.workingCopy(workspace, first));
  }
}

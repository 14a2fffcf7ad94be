package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./packetpath rules} commands as a user runs them: output, errors and exit codes. */
class RulesCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LabCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path file(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, text);
    return path;
  }

  private static final String GOOD = """
      *filter
      :INPUT DROP [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -i lo -j ACCEPT
      -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
      -A INPUT -p tcp --dport 22 -j DROP
      COMMIT
      """;

  @Test
  void checkAcceptsAValidFile() throws IOException {
    Run run = run("rules", "check", file("good.rules", GOOD).toString());
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.out().contains("good.rules: OK (1 table, 3 rules)"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void checkReportsEveryErrorWithPositionAndCaretAndExits2() throws IOException {
    Path bad = file("bad.rules", """
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -p tcp --dprot 22 -j DROP
        -A INPUT -s 10.0.0.300 -j DROP
        COMMIT
        """);
    Run run = run("rules", "check", bad.toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().contains(bad + ":3:17: error: unknown option \"--dprot\"\n"
        + "  -A INPUT -p tcp --dprot 22 -j DROP\n"
        + "                  ^\n"
        + "  did you mean --dport?"), run.err());
    assertTrue(run.err().contains(bad + ":4:13: error: host/network `10.0.0.300' not found"),
        run.err());
    assertTrue(run.err().contains("2 errors"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void checkOfSeveralFilesFailsIfAnyFails() throws IOException {
    Run run = run("rules", "check", file("a.rules", GOOD).toString(),
        file("b.rules", "*filter\n:INPUT REJECT [0:0]\nCOMMIT\n").toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.out().contains("a.rules: OK"), run.out());
    assertTrue(run.err().contains("b.rules:2:8: error: Bad policy name"), run.err());
  }

  @Test
  void checkReadsTheFileAsTheBackendGiven() throws IOException {
    String rules = file("any.rules", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT ! -s 0.0.0.0/0"
        + " -j DROP\nCOMMIT\n").toString();
    Run nft = run("rules", "check", rules);
    assertEquals(ExitCodes.USAGE, nft.code());
    assertTrue(nft.err().contains("any.rules:3:12: error: RULE_APPEND failed (Invalid argument):"
        + " rule in chain INPUT"), nft.err());
    Run legacy = run("rules", "check", "--backend", "legacy", rules);
    assertEquals(ExitCodes.OK, legacy.code(), legacy.err());
  }

  @Test
  void missingFileIsAClearErrorWithoutStackTrace() {
    Run run = run("rules", "check", dir.resolve("nope.rules").toString());
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(dir.resolve("nope.rules") + ": error: no such file\n1 error\n", run.err());
  }

  @Test
  void fmtPrintsTheCanonicalForm() throws IOException {
    Run run = run("rules", "fmt", file("script.sh",
        "iptables -A INPUT -p tcp --dport ssh -s 10.1.2.3/8 -j ACCEPT\n").toString());
    assertEquals(ExitCodes.OK, run.code());
    assertEquals("""
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j ACCEPT
        COMMIT
        """, run.out());
  }

  @Test
  void fmtNeverChangesTheFile() throws IOException {
    Path path = file("script.sh", "iptables -A INPUT -p tcp --dport ssh -j ACCEPT\n");
    run("rules", "fmt", path.toString());
    assertEquals("iptables -A INPUT -p tcp --dport ssh -j ACCEPT\n", Files.readString(path));
  }

  @Test
  void explainDescribesEveryRuleInPlainEnglish() throws IOException {
    Run run = run("rules", "explain", file("good.rules", GOOD).toString());
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.out().contains("filter INPUT rule 3: drop TCP packets to port 22 from anywhere\n"),
        run.out());
    assertTrue(run.out().contains("      -A INPUT -p tcp -m tcp --dport 22 -j DROP\n"), run.out());
    assertTrue(run.out().contains("filter INPUT: built-in chain, policy DROP"), run.out());
    assertTrue(run.out().contains(
        "filter INPUT rule 2: accept packets in connection state RELATED or ESTABLISHED"), run.out());
  }

  @Test
  void helpListsTheSubcommands() {
    Run run = run("--help");
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.out().contains("rules"), run.out());
    Run rules = run("rules", "--help");
    assertTrue(rules.out().contains("check") && rules.out().contains("fmt")
        && rules.out().contains("explain"), rules.out());
    assertTrue(run("rules", "check", "--help").out().contains("Usage: packetpath rules check"));
  }

  @Test
  void usageErrorsExitWith2() {
    assertEquals(ExitCodes.USAGE, run("rules", "check").code());
    assertEquals(ExitCodes.USAGE, run("nosuchcommand").code());
    assertEquals(ExitCodes.USAGE, run("rules").code());
  }
}

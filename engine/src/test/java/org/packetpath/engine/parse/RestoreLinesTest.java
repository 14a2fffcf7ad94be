package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.rules.Ruleset;

/**
 * How iptables-restore 1.8.9 tells lines apart, checked against both backends: by their first
 * byte, with only {@code \n} ending a line, so a carriage return (Windows line endings) is part
 * of the last word, and blanks around {@code COMMIT} or before {@code *table} make a rule line.
 */
class RestoreLinesTest {
  private static final String DOS_HINT = "dos2unix";

  private static Diagnostic onlyError(String text) {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    return errors.get(0);
  }

  private static void assertError(String text, int line, int column, String message) {
    Diagnostic d = onlyError(text);
    assertEquals(message, d.message());
    assertEquals(line + ":" + column, d.position().line() + ":" + d.position().column());
  }

  private static void assertExplainsWindowsLineEndings(Diagnostic d) {
    assertTrue(d.explanation().contains("Windows line endings")
        && d.explanation().contains(DOS_HINT), d.explanation());
  }

  @Test
  void carriageReturnIsPartOfTheTableName() {
    Diagnostic d = onlyError("*nat\r\n:PREROUTING ACCEPT [0:0]\r\nCOMMIT\r\n");
    assertEquals("table name 'nat\r' invalid", d.message());
    assertEquals("rules.v4:1:2", d.position().toString());
    assertExplainsWindowsLineEndings(d);
  }

  @Test
  void carriageReturnIsPartOfTheLastWordOfARule() {
    String head = "*filter\n:INPUT ACCEPT [0:0]\n:FOO - [0:0]\n";
    assertError(head + "-A INPUT -j DROP\r\nCOMMIT\n", 4, 13, "Invalid target name `DROP\r'");
    assertError(head + "-A INPUT -g FOO\r\nCOMMIT\n", 4, 13, "Invalid target name `FOO\r'");
    assertError(head + "-A INPUT -p tcp --dport 22\r\nCOMMIT\n", 4, 25,
        "invalid port/service `22\r' specified");
    assertError(head + "-A INPUT -s 10.0.0.1\r\nCOMMIT\n", 4, 13,
        "host/network `10.0.0.1\r' not found");
    assertError(head + "-A INPUT -m comment --comment \"hi\"\r\nCOMMIT\n", 4, 35,
        "Bad argument `\r'");
    assertError(head + "-A INPUT -j ACCEPT \r\nCOMMIT\n", 4, 20, "Bad argument `\r'");
    assertError(head + "\r\nCOMMIT\n", 4, 1, "Bad argument `\r'");
    assertTrue(onlyError(head + "-N BAR\r\nCOMMIT\n").explanation().contains(DOS_HINT));
  }

  @Test
  void carriageReturnAfterCommitIsABadArgumentAndEndsTheBlock() {
    Diagnostic d = onlyError("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\r\n");
    assertEquals("Bad argument `COMMIT\r'", d.message());
    assertEquals(3, d.position().line());
    assertExplainsWindowsLineEndings(d);
  }

  @Test
  void linesTheKernelAcceptsWithACarriageReturnAreWarnedAbout() {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4",
        "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -i eth0\r\n# comment\r\nCOMMIT\n");
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    assertEquals(1, result.warnings().size(), () -> result.warnings().toString());
    Diagnostic w = result.warnings().get(0);
    assertEquals("rules.v4:3:17: warning: line ends with a carriage return (Windows line"
        + " endings)", w.toString());
    assertExplainsWindowsLineEndings(w);
  }

  @Test
  void commitWithBlanksAroundItIsABadArgument() {
    String head = "*filter\n:INPUT ACCEPT [0:0]\n";
    assertError(head + "COMMIT \n", 3, 1, "Bad argument `COMMIT'");
    assertError(head + "COMMIT\t\n", 3, 1, "Bad argument `COMMIT'");
    assertError(head + " COMMIT\n", 3, 2, "Bad argument `COMMIT'");
    assertEquals("COMMIT must be alone on its line, with no blank before or after it",
        onlyError(head + "COMMIT \n").explanation());
  }

  @Test
  void blanksBeforeATableOrChainLineMakeItARuleLine() {
    assertError(" *filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n", 1, 2,
        "iptables-restore: line 1 failed");
    assertError("*filter\n :INPUT ACCEPT [0:0]\nCOMMIT\n", 2, 2, "Bad argument `:INPUT'");
    assertError("*filter\n  # note\nCOMMIT\n", 2, 3, "Bad argument `#'");
  }

  @Test
  void aLineOfBlanksIsAnEmptyCommand() {
    assertError("*filter\n:INPUT ACCEPT [0:0]\n   \nCOMMIT\n", 3, 1, "no command specified");
    assertError("  \n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n", 1, 1,
        "iptables-restore: line 1 failed");
  }

  @Test
  void aTableLineIsReadUpToItsFirstWord() {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4",
        "*filter \n:INPUT DROP [0:0]\nCOMMIT\n*nat x\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n");
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    assertEquals(List.of("rules.v4:4:6: warning: `x' and what follows are ignored"),
        result.warnings().stream().map(Diagnostic::toString).toList());
    assertEquals(2, result.orThrow().tables().size());
  }

  @Test
  void leadingBlanksBeforeARuleAreFine() {
    assertFalse(RulesParser.parse("rules.v4",
        "*filter\n:INPUT ACCEPT [0:0]\n  -A INPUT -j ACCEPT\nCOMMIT\n").hasErrors());
  }
}

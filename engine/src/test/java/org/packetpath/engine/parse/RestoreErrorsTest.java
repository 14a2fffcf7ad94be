package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/**
 * The iptables-restore error cases of the netfilter reference (section 3.6), each with
 * iptables' wording and the line iptables reports it on (legacy's line where the backends
 * differ, since that is the line a learner must fix).
 */
class RestoreErrorsTest {
  private static Diagnostic onlyError(String text) {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    assertTrue(result.value().isEmpty(), "no ruleset when there are errors");
    return errors.get(0);
  }

  private static void assertError(String text, int line, int column, String message) {
    Diagnostic d = onlyError(text);
    assertEquals(message, d.message());
    assertEquals(line, d.position().line(), "line");
    assertEquals(column, d.position().column(), "column");
  }

  @Test
  void unknownOptionIsReportedAtTheOptionWithASuggestion() {
    String text = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT -p tcp -m tcp --dprot 22 -j DROP
        COMMIT
        """;
    Diagnostic d = onlyError(text);
    assertEquals("unknown option \"--dprot\"", d.message());
    assertEquals("rules.v4:6:24", d.position().toString());
    assertEquals("did you mean --dport?", d.explanation());
    assertEquals(
        """
        rules.v4:6:24: error: unknown option "--dprot"
          -A INPUT -p tcp -m tcp --dprot 22 -j DROP
                                 ^
          did you mean --dport?""",
        d.render());
  }

  @Test
  void portWithoutProtocolIsAnUnknownOption() {
    Diagnostic d = onlyError("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT --dport 22 -j DROP\nCOMMIT\n");
    assertEquals("unknown option \"--dport\"", d.message());
    assertEquals(3, d.position().line());
    assertTrue(d.explanation().contains("-p tcp"), d.explanation());
  }

  @Test
  void badAddressNamesTheBadPart() {
    Diagnostic d = onlyError("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.0.0.300/24 -j DROP\nCOMMIT\n");
    assertEquals("host/network `10.0.0.300' not found", d.message());
    assertEquals(13, d.position().column());
    assertTrue(d.explanation().contains("300"), d.explanation());
  }

  @Test
  void unknownMatch() {
    assertError("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m nosuchmatch -j DROP\nCOMMIT\n", 3, 13,
        "Couldn't load match `nosuchmatch':No such file or directory");
  }

  @Test
  void jumpToUndefinedChainIsReportedAtTheRuleInEachBackendsWords() {
    // nft names the missing chain (at COMMIT), legacy the target it could not load (at the rule).
    String text = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j NOSUCHCHAIN\nCOMMIT\n";
    assertError(text, 3, 13, "Chain 'NOSUCHCHAIN' does not exist");
    Diagnostic legacy = RulesParser.parse("rules.v4", text, Backend.LEGACY).errors().get(0);
    assertEquals("Couldn't load target `NOSUCHCHAIN':No such file or directory", legacy.message());
    assertEquals(3, legacy.position().line());
  }

  @Test
  void jumpToABuiltInChainIsARefusedRule() {
    String text = "*filter\n:INPUT ACCEPT [0:0]\n-A FORWARD -j INPUT\nCOMMIT\n";
    assertError(text, 3, 15, "RULE_APPEND failed (Operation not supported): rule in chain FORWARD");
    assertEquals("iptables-restore: line 3 failed",
        RulesParser.parse("rules.v4", text, Backend.LEGACY).errors().get(0).message());
  }

  @Test
  void jumpToAChainDeclaredLaterIsAnError() {
    Diagnostic d = onlyError(
        "*nat\n:OUTPUT ACCEPT [0:0]\n-A OUTPUT -j DOCKER\n:DOCKER - [0:0]\nCOMMIT\n");
    assertEquals("Chain 'DOCKER' does not exist", d.message());
    assertEquals(3, d.position().line());
  }

  /** Chains c1..cN, INPUT jumping to c1 and each to the next, the jump into cN on line N + 18. */
  private static String nested(int n) {
    StringBuilder text = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n");
    for (int i = 1; i <= n; i++) {
      text.append(":c").append(i).append(" - [0:0]\n");
    }
    text.append("-A INPUT -j c1\n");
    for (int i = 1; i < n; i++) {
      text.append("-A c").append(i).append(" -j c").append(i + 1).append('\n');
    }
    return text.append("COMMIT\n").toString();
  }

  @Test
  void chainsNestedSixteenDeepAreRefusedByNftOnly() {
    // iptables-nft-restore 1.8.9: "line 34: RULE_APPEND failed (Too many links): rule in chain
    // c15" for 16 chains below INPUT, whatever follows; iptables-legacy-restore loads 5,000.
    assertFalse(RulesParser.parse("rules.v4", nested(15)).hasErrors());
    assertError(nested(16), 34, 1, "RULE_APPEND failed (Too many links): rule in chain c15");
    assertError(nested(5000), 5018, 1, "RULE_APPEND failed (Too many links): rule in chain c15");
    assertFalse(RulesParser.parse("rules.v4", nested(5000), Backend.LEGACY).hasErrors(),
        "legacy has no limit, and no recursion overflows");
  }

  @Test
  void misspeltTargetGetsASuggestion() {
    Diagnostic d = onlyError("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCCEPT\nCOMMIT\n");
    assertTrue(d.explanation().contains("did you mean ACCEPT?"), d.explanation());
  }

  @Test
  void ruleBeforeAnyTable() {
    assertError("-A INPUT -j ACCEPT\n", 1, 1, "iptables-restore: line 1 failed");
  }

  @Test
  void missingCommitCountsTheLineAfterTheLast() {
    Diagnostic d = onlyError("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n");
    assertEquals("COMMIT expected at line 4", d.message());
  }

  @Test
  void misspeltTable() {
    Diagnostic d = onlyError("*filtr\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
    assertEquals("table name 'filtr' invalid", d.message());
    assertEquals("rules.v4:1:2", d.position().toString());
    assertEquals("did you mean *filter?", d.explanation());
  }

  @Test
  void badPolicyName() {
    assertError("*filter\n:INPUT REJECT [0:0]\nCOMMIT\n", 2, 8, "Bad policy name");
  }

  @Test
  void policyOnUserChainIsIgnoredWithAWarning() {
    Parsed<Ruleset> result = RulesParser.parse("r", "*filter\n:MYCHAIN DROP [0:0]\nCOMMIT\n");
    assertFalse(result.hasErrors());
    assertEquals(1, result.warnings().size());
    assertEquals("policy DROP on user-defined chain MYCHAIN is ignored",
        result.warnings().get(0).message());
    assertTrue(result.orThrow().table(org.packetpath.engine.rules.Table.FILTER).orElseThrow()
        .chain("MYCHAIN").orElseThrow().policy().isEmpty());
  }

  @Test
  void kernelRefusesMasqueradeInFilter() {
    Diagnostic d = onlyError(
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j MASQUERADE\nCOMMIT\n");
    assertEquals(4, d.position().line());
    assertTrue(d.message().startsWith("MASQUERADE target: only valid in nat table"), d.message());
  }

  @Test
  void dashTIsNotAllowedInRestoreFiles() {
    assertError("*filter\n-t nat -A INPUT -j ACCEPT\nCOMMIT\n", 2, 1,
        "The -t option cannot be used in iptables-restore.");
  }

  @Test
  void tableStartedBeforeCommit() {
    assertError("*filter\n:INPUT ACCEPT [0:0]\n*nat\nCOMMIT\n", 3, 1, "Bad argument `*nat'");
  }

  @Test
  void commitWithoutTable() {
    assertError("*filter\nCOMMIT\nCOMMIT\n", 3, 1, "iptables-restore: line 3 failed");
  }

  @Test
  void chainWithoutPolicy() {
    assertError("*filter\n:FOO\nCOMMIT\n", 2, 1, "iptables-restore: line 2 policy invalid");
  }

  @Test
  void chainNameOf29CharactersIsTooLong() {
    String name = "x".repeat(29);
    assertError("*filter\n:" + name + " - [0:0]\nCOMMIT\n", 2, 2,
        "chain name `" + name + "' too long (must be under 29 chars)");
    assertFalse(RulesParser.parse("r", "*filter\n:" + "x".repeat(28) + " - [0:0]\nCOMMIT\n")
        .hasErrors());
  }

  @Test
  void chainNameMayNotBeATarget() {
    assertError("*filter\n:ACCEPT - [0:0]\nCOMMIT\n", 2, 2, "chain name may not clash with target name");
  }

  @Test
  void everyErrorInAFileIsReportedInOneRun() {
    String text = """
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -p tcp --dprot 22 -j DROP
        -A INPUT -s 10.0.0.300 -j DROP
        -A INPUT -j NOWHERE
        -A INPUT -m conntrack --ctstate NEWW -j ACCEPT
        COMMIT
        *nat
        :POSTROUTING ACCEPT [0:0]
        -A POSTROUTING -o wan0 -j MASQUERAD
        COMMIT
        """;
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
    assertEquals(List.of(3, 4, 5, 6, 10),
        result.errors().stream().map(d -> d.position().line()).toList());
  }

  @Test
  void manyErrorsStopAtTheCap() {
    StringBuilder text = new StringBuilder("*filter\n");
    for (int i = 0; i < 500; i++) {
      text.append("-A INPUT --bogus\n");
    }
    text.append("COMMIT\n");
    assertEquals(Diagnostics.MAX_ERRORS, RulesParser.parse("r", text.toString()).errors().size());
  }

  @Test
  void anOpenQuoteRunsToTheEndOfTheLineWithAWarning() {
    Parsed<Ruleset> parsed = RulesParser.parse("r",
        "*filter\n-A INPUT -m comment --comment \"open -j ACCEPT\nCOMMIT\n");
    assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
    Rule rule = parsed.orThrow().table(Table.FILTER).orElseThrow().chain("INPUT").orElseThrow()
        .rules().get(0);
    assertEquals(" -m comment --comment \"open -j ACCEPT\n\"", SavePrinter.spec(rule));
    Diagnostic d = parsed.diagnostics().get(0);
    assertEquals(2, d.position().line());
    assertEquals(31, d.position().column());
    assertTrue(d.message().startsWith("the quote opened here is not closed"), d.message());
  }

  @Test
  void oldStyleNegationAfterTheOptionIsExplained() {
    // iptables takes "!" as the address, read after the options, so the stray word comes first.
    Diagnostic d = onlyError("*filter\n-A INPUT -s ! 10.0.0.1 -j DROP\nCOMMIT\n");
    assertEquals("Bad argument `10.0.0.1'", d.message());
    assertEquals(2, d.position().line());
    assertEquals(15, d.position().column());
    assertTrue(d.explanation().contains("! goes before the option it negates"), d.explanation());
  }

  @Test
  void missingFileIsADiagnosticNotAnException() {
    Parsed<Ruleset> result = RulesParser.parse(java.nio.file.Path.of("/nonexistent/rules.v4"));
    assertEquals("/nonexistent/rules.v4: error: no such file", result.errors().get(0).toString());
  }
}

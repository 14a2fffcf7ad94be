package org.packetpath.engine.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Ruleset;

/**
 * What the canonical-form corpus cannot show for the advanced matches: placement through user
 * chains, and the warnings about matches the simulator does not model.
 */
class AdvancedMatchesTest {

  private static Parsed<Ruleset> parse(String... lines) {
    return RulesParser.parse("rules.v4", String.join("\n", lines) + "\n");
  }

  private static String render(Parsed<Ruleset> result) {
    return String.join("\n", result.diagnostics().stream().map(Diagnostic::render).toList());
  }

  @Test
  void rpfilterInUserChainReachedFromOutputIsRefusedAtTheLaterLine() {
    Parsed<Ruleset> ruleFirst =
        parse("*raw", ":PREROUTING ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":UC - [0:0]",
            "-A UC -m rpfilter", "-A OUTPUT -j UC", "COMMIT");
    Parsed<Ruleset> jumpFirst =
        parse("*raw", ":PREROUTING ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":UC - [0:0]",
            "-A OUTPUT -j UC", "-A UC -m rpfilter", "COMMIT");
    for (Parsed<Ruleset> result : List.of(ruleFirst, jumpFirst)) {
      assertEquals(1, result.errors().size(), render(result));
      Diagnostic error = result.errors().get(0);
      assertTrue(error.message().startsWith("rpfilter match: used from hooks OUTPUT"),
          error.message());
      assertEquals(6, error.position().line(), "the kernel refuses the second of the two lines");
    }
  }

  @Test
  void rpfilterInUserChainReachedFromPreroutingIsAccepted() {
    Parsed<Ruleset> result =
        parse("*mangle", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]",
            ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":POSTROUTING ACCEPT [0:0]",
            ":UC - [0:0]", "-A PREROUTING -j UC", "-A UC -m rpfilter --loose -j DROP", "COMMIT");
    assertFalse(result.hasErrors(), render(result));
  }

  @Test
  void optionDependentHookLimitsOnlyApplyInBuiltinChains() {
    // nf_tables checks a rule in a user chain without knowing where it is reached from, so
    // the kernel accepts these although OUTPUT itself would refuse them.
    Parsed<Ruleset> viaUserChain =
        parse("*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
            ":UC - [0:0]", "-A OUTPUT -j UC", "-A UC -m policy --dir in --pol none",
            "-A UC -m physdev --physdev-out eth0", "COMMIT");
    assertFalse(viaUserChain.hasErrors(), render(viaUserChain));

    Parsed<Ruleset> direct =
        parse("*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
            "-A OUTPUT -m policy --dir in --pol none", "COMMIT");
    assertEquals(1, direct.errors().size(), render(direct));
    Diagnostic error = direct.errors().get(0);
    assertEquals("policy match: input policy not valid in POSTROUTING and OUTPUT",
        error.message());
    assertEquals(5, error.position().line());
    assertTrue(error.explanation().contains("RULE_APPEND failed (Invalid argument)"),
        "the learner is told the kernel refused the rule: " + error.explanation());
  }

  @Test
  void notSimulatedWarningNamesTheModuleOnceAtItsFirstUse() {
    Parsed<Ruleset> result =
        parse("*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
            "-A INPUT -p tcp -m recent --name ssh --set",
            "-A INPUT -m recent --name ssh --rcheck --seconds 60 -j DROP",
            "-A FORWARD -m hashlimit --hashlimit-upto 5/sec --hashlimit-name fw -j ACCEPT",
            "-A FORWARD -m set --match-set blocked src -j DROP",
            "-A FORWARD -m recent --name fw --update -j DROP",
            "COMMIT");
    assertFalse(result.hasErrors(), render(result));
    List<Diagnostic> recent =
        result.warnings().stream().filter(d -> d.message().contains("'recent'")).toList();
    assertEquals(1, recent.size(), render(result));
    assertEquals(5, recent.get(0).position().line());
    assertEquals(17, recent.get(0).position().column(), "points at -m recent");
    assertTrue(recent.get(0).message().contains("--set always matches"),
        recent.get(0).message());

    List<Diagnostic> hashlimit =
        result.warnings().stream().filter(d -> d.message().contains("'hashlimit'")).toList();
    assertEquals(1, hashlimit.size(), render(result));
    assertEquals(7, hashlimit.get(0).position().line());

    assertTrue(result.warnings().stream().noneMatch(d -> d.message().contains("'set'")),
        "the set match is simulated: " + render(result));
  }

  @Test
  void eachNotSimulatedMatchSaysWhatThePacketSees() {
    Parsed<Ruleset> result =
        parse("*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
            "-A INPUT -m statistic --mode nth --every 2 --packet 0",
            "-A FORWARD -m physdev ! --physdev-is-bridged",
            "-A INPUT -m policy --dir in --pol ipsec",
            "COMMIT");
    assertFalse(result.hasErrors(), render(result));
    List<String> warnings = result.warnings().stream().map(Diagnostic::message).toList();
    assertEquals(3, warnings.size(), render(result));
    assertTrue(warnings.get(0).startsWith("module 'statistic' is not simulated: --mode nth counts"),
        warnings.get(0));
    assertTrue(warnings.get(1).contains("no packet crosses a bridge"), warnings.get(1));
    assertTrue(warnings.get(2).contains("--pol none matches, --pol ipsec does not"),
        warnings.get(2));
  }
}

package org.packetpath.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Ruleset;

/**
 * Parser bugs found by fuzzing and by comparing with iptables 1.8.9 (nf_tables), each stated as
 * the behaviour iptables shows, kept as regression tests. The inputs are also in the fuzz seed
 * corpus.
 */
class FuzzFindingsTest {
  @Test
  void problemOnAContinuationLineIsReportedOnThatLine() {
    String script = "iptables -A INPUT \\\n  -p tcp --dprot 22\n";
    Diagnostic error = script(script).errors().get(0);
    assertEquals("unknown option \"--dprot\"", error.message());
    assertEquals(new SourcePosition("fw.sh", 2, 10), error.position());
  }

  @Test
  void chainNameWithBlankIsRefused() {
    Parsed<Ruleset> result = script("iptables -N 'x y'\n");
    assertEquals(List.of("Invalid chain name `x y'"), messages(result));
  }

  @Test
  void emptyInterfaceIsRefused() {
    Parsed<Ruleset> result = script("iptables -A INPUT -i '' -j ACCEPT\n");
    assertEquals(List.of("Empty interface is likely to be undesired"), messages(result));
  }

  @Test
  void weirdInterfaceCharacterIsWarnedAbout() {
    Parsed<Ruleset> result = script("iptables -A INPUT -i a/b -j ACCEPT\n");
    assertTrue(result.warnings().stream().anyMatch(d -> d.message().contains(
        "weird character in interface `a/b' ('/' and ' ' are not allowed by the kernel)")),
        result.diagnostics().toString());
  }

  @Test
  void tablesPrintInIptablesSaveOrder() {
    String text = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + ":POSTROUTING ACCEPT [0:0]\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\n"
        + ":FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n*raw\n:PREROUTING ACCEPT [0:0]\n"
        + ":OUTPUT ACCEPT [0:0]\nCOMMIT\n";
    String printed = SavePrinter.print(save(text).orThrow(), false);
    assertEquals(List.of("*raw", "*filter", "*nat"),
        printed.lines().filter(l -> l.startsWith("*")).toList());
  }

  @Test
  void countersUpToTwoToTheSixtyFourMinusOneLoad() {
    String text = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "[18446744073709551615:5] -A INPUT -j ACCEPT\nCOMMIT\n";
    assertEquals(List.of(), messages(save(text)));
    assertEquals(text, SavePrinter.print(save(text).orThrow(), true));
  }

  @Test
  void chainDeclarationIsSplitAtBlanksOnly() {
    String text = "*filter\n:e\"f - [0:0]\n:\"g h\" - [0:0]\nCOMMIT\n";
    Parsed<Ruleset> result = save(text);
    assertEquals(List.of(), messages(result));
    assertEquals(List.of(":\"g - [0:0]", ":e\"f - [0:0]"),
        SavePrinter.print(result.orThrow(), false).lines()
            .filter(l -> l.startsWith(":") && l.contains(" - ")).sorted().toList());
  }

  @Test
  void anyPolicyWordOfAUserChainIsIgnored() {
    Parsed<Ruleset> result = save("*filter\n:foo BOGUS [0:0]\nCOMMIT\n");
    assertEquals(List.of(), messages(result));
    assertTrue(result.orThrow().tables().get(0).chain("foo").isPresent());
  }

  private static Parsed<Ruleset> script(String text) {
    return RulesParser.parse("fw.sh", text, RulesParser.Format.SCRIPT);
  }

  private static Parsed<Ruleset> save(String text) {
    return RulesParser.parse("rules.v4", text, RulesParser.Format.SAVE);
  }

  private static List<String> messages(Parsed<Ruleset> result) {
    return result.errors().stream().map(Diagnostic::message).toList();
  }
}

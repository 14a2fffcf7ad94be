package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * The saved form follows the backend the rules are read for, as iptables-nft-save and
 * iptables-legacy-save 1.8.9 printed them on kernel 6.18 (the nft forms are in
 * canonical-quirks.corpus).
 */
class BackendSaveFormTest {
  private static Parsed<Ruleset> parse(String rule, Backend backend) {
    return RulesParser.parse("r", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT " + rule
        + "\nCOMMIT\n", backend);
  }

  private static Rule rule(Parsed<Ruleset> parsed) {
    assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
    return parsed.orThrow().table(Table.FILTER).orElseThrow().chain("INPUT").orElseThrow()
        .rules().get(0);
  }

  private static String saved(String rule, Backend backend) {
    return SavePrinter.spec(rule(parse(rule, backend))).strip();
  }

  private static boolean warnsSavedOtherwise(Parsed<Ruleset> parsed) {
    return parsed.diagnostics().stream().map(Diagnostic::message)
        .anyMatch(m -> m.startsWith(Words.SAVED_OTHERWISE));
  }

  @Test
  void legacyKeepsEachTcpMatchWhereNftPrintsOne() {
    String rule = "-p tcp -m tcp --dport 8000:8100 -m tcp --tcp-flags ACK,FIN FIN";
    assertEquals("-p tcp -m tcp --dport 8000:8100 -m tcp --tcp-flags FIN,ACK FIN",
        saved(rule, Backend.LEGACY));
    assertEquals("-p tcp -m tcp --dport 8000:8100 --tcp-flags FIN,ACK FIN",
        saved(rule, Backend.NFT));
    assertEquals("-p tcp -m tcp --dport 22 -m tcp --dport 23",
        saved("-p tcp -m tcp --dport 22 -m tcp --dport 23", Backend.LEGACY));
    assertEquals("-p tcp -m tcp ! --dport 0:100", saved("-p tcp ! --dport :100", Backend.LEGACY));
  }

  @Test
  void aTestGivenTwiceIsSavedOnceOnNftAndWarnedAbout() {
    Parsed<Ruleset> nft = parse("-p tcp -m tcp ! --dport 22 -m tcp --dport 23", Backend.NFT);
    assertEquals("-p tcp -m tcp ! --dport 23", SavePrinter.spec(rule(nft)).strip());
    assertTrue(warnsSavedOtherwise(nft), nft.diagnostics().toString());
    assertFalse(warnsSavedOtherwise(parse("-p tcp -m tcp --dport 22 -m tcp --sport 23",
        Backend.NFT)));
  }

  @Test
  void anEmptyFlagMaskIsNoTestOnNftAndAHiddenOneOnLegacy() {
    String rule = "-p tcp -m tcp --tcp-flags NONE SYN";
    Parsed<Ruleset> nft = parse(rule, Backend.NFT);
    assertEquals("-p tcp", SavePrinter.spec(rule(nft)).strip());
    assertFalse(warnsSavedOtherwise(nft));
    assertEquals(rule(parse("-p tcp", Backend.NFT)).condition(), rule(nft).condition());
    Parsed<Ruleset> legacy = parse(rule, Backend.LEGACY);
    assertEquals("-p tcp -m tcp", SavePrinter.spec(rule(legacy)).strip());
    assertTrue(warnsSavedOtherwise(legacy));
    assertNotEquals(rule(parse("-p tcp -m tcp", Backend.LEGACY)).condition(),
        rule(legacy).condition());
    assertEquals("-p tcp -m tcp ! --tcp-flags NONE SYN",
        saved("-p tcp ! --tcp-flags NONE SYN", Backend.LEGACY));
  }

  @Test
  void legacySavesNoInterfaceNegatedAsNothingButStillTestsIt() {
    Parsed<Ruleset> legacy = parse("! -i + -j DROP", Backend.LEGACY);
    assertEquals("-j DROP", SavePrinter.spec(rule(legacy)).strip());
    assertTrue(legacy.diagnostics().stream()
        .anyMatch(d -> d.message().startsWith("iptables-legacy-save leaves out \"! -i +\"")));
    assertEquals(rule(parse("! -i + -j DROP", Backend.NFT)).condition(),
        rule(legacy).condition());
    assertEquals("! -i + -j DROP", saved("! -i + -j DROP", Backend.NFT));
    assertEquals(List.of(), parse("-i + -j DROP", Backend.LEGACY).diagnostics());
  }
}

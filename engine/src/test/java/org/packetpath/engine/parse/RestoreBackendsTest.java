package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;

/** Rulesets one backend of iptables 1.8.9 loads and the other refuses, checked on both. */
class RestoreBackendsTest {
  private static final String HEAD = "*filter\n:INPUT ACCEPT [0:0]\n";

  private static List<String> errors(String text, Backend backend) {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text, backend);
    return result.errors().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void nftRefusesNegatingTheWholeAddressSpace() {
    for (String rule : List.of("-A INPUT ! -s 0.0.0.0/0 -j DROP",
        "-A INPUT ! -s 1.2.3.4/0 -j DROP", "-A INPUT ! -s 10.0.0.0/8 ! -d 0.0.0.0/0 -j DROP")) {
      String text = HEAD + rule + "\nCOMMIT\n";
      int column = rule.lastIndexOf("! -") + 3;
      assertEquals(List.of("rules.v4:3:" + column + ": error: RULE_APPEND failed (Invalid"
          + " argument): rule in chain INPUT"), errors(text, Backend.NFT), rule);
      assertEquals(List.of(), errors(text, Backend.LEGACY), rule);
    }
    assertEquals(errors(HEAD + "-A INPUT ! -d 0.0.0.0/0\nCOMMIT\n", Backend.NFT),
        RulesParser.parse("rules.v4", HEAD + "-A INPUT ! -d 0.0.0.0/0\nCOMMIT\n").errors()
            .stream().map(Diagnostic::toString).toList(), "nft is the default");
  }

  @Test
  void nftRefusesItInScriptsToo() {
    String script = "iptables -A INPUT ! -d 0.0.0.0/0 -j DROP\n";
    assertEquals(1, RulesParser.parse("fw.sh", script, Backend.NFT).errors().size());
    assertFalse(RulesParser.parse("fw.sh", script, Backend.LEGACY).hasErrors());
  }

  @Test
  void legacyRefusesAPolicyOnAUserChain() {
    String text = HEAD + ":FOO DROP [0:0]\nCOMMIT\n";
    assertEquals(List.of("rules.v4:3:6: error: Can't set policy `DROP' on `FOO' line 3: Bad"
        + " built-in chain name"), errors(text, Backend.LEGACY));
    assertEquals(List.of(), errors(text, Backend.NFT));
  }

  @Test
  void legacyNeedsANewlineAfterTheLastCommit() {
    String text = HEAD + "COMMIT";
    assertEquals(List.of("rules.v4:3:1: error: Bad argument `COMMIT'"),
        errors(text, Backend.LEGACY));
    assertEquals(List.of(), errors(text, Backend.NFT));
    assertEquals(List.of(), errors(text + "\n", Backend.LEGACY));
  }
}

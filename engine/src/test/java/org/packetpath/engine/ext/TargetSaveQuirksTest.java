package org.packetpath.engine.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/**
 * Target forms that iptables-save 1.8.9 prints but iptables-restore then refuses, observed on the
 * real tools: the corpus cannot hold them, since its cases must read back. PacketPath prints and
 * refuses them the same way, so a learner sees what a real save/restore cycle does.
 */
class TargetSaveQuirksTest {
  private static final String NAT_CHAINS =
      "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
          + ":POSTROUTING ACCEPT [0:0]\n";

  private static Parsed<Ruleset> natRule(String rule) {
    return RulesParser.parse("nat.rules", NAT_CHAINS + rule + "\nCOMMIT\n");
  }

  private static String printed(String rule) {
    Parsed<Ruleset> result = natRule(rule);
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
    String chain = rule.split(" ")[1];
    List<Rule> rules = result.orThrow().table(Table.NAT).orElseThrow().chain(chain).orElseThrow()
        .rules();
    return SavePrinter.rule(chain, rules.get(0));
  }

  private static void refused(String rule, String message) {
    List<Diagnostic> errors = natRule(rule).errors();
    assertTrue(errors.stream().anyMatch(d -> d.message().equals(message)),
        () -> "expected \"" + message + "\" but got " + errors);
  }

  @Test
  void snatForgetsTheBaseOfAShiftedRangeAndCannotReadItsOwnOutput() {
    String saved = printed("-A POSTROUTING -p tcp -j SNAT --to-source 10.0.0.1:1024-2048/2000");
    assertEquals("-A POSTROUTING -p tcp -j SNAT --to-source 10.0.0.1:1024-2048/0", saved);
    refused(saved, "Port `0' not valid");
  }

  @Test
  void masqueradeForgetsTheBaseOfAShiftedRangeToo() {
    String saved = printed("-A POSTROUTING -p udp -j MASQUERADE --to-ports 1024-2048/1500");
    assertEquals("-A POSTROUTING -p udp -j MASQUERADE --to-ports 1024-2048/0", saved);
    refused(saved, "Port `0' not valid");
  }

  @Test
  void dnatPrintsAOnePortShiftedRangeInAFormItCannotRead() {
    String saved = printed("-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80-80/5");
    assertEquals("-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80/5", saved);
    refused(saved, "Garbage after port value: `/5'");
  }

  @Test
  void dnatKeepsTheBaseOfALongerRange() {
    String saved = printed("-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80-90/85");
    assertEquals("-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80-90/85", saved);
    assertEquals(saved, printed(saved));
  }

  @Test
  void nfqueueIsAcceptedWithANotSimulatedWarning() {
    Parsed<Ruleset> result = RulesParser.parse("filter.rules", "*filter\n"
        + ":INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "-A INPUT -p tcp --dport 80 -j NFQUEUE --queue-num 3 --queue-bypass\n"
        + "COMMIT\n");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
    assertEquals(List.of("module 'NFQUEUE' is not simulated: with no program reading the queue"
            + " the packet is dropped, or accepted with --queue-bypass"),
        result.warnings().stream().map(Diagnostic::message).toList());
  }
}

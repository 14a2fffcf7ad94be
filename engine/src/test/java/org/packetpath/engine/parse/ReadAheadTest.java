package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser.Format;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/**
 * Reading the rule lines of a large file ahead on every core gives exactly what reading them in
 * order gives: the same rules in the same chains, and the same diagnostics on the same lines,
 * including lines whose table the quick scan ahead gets wrong.
 */
class ReadAheadTest {
  /** Every line read ahead, from the first. */
  private static final int ALWAYS = 0;

  private static void assertSameAsInOrder(String text) {
    Parsed<Ruleset> ahead = RulesParser.parse("big.rules", text, Format.SAVE, ALWAYS);
    Parsed<Ruleset> inOrder = RulesParser.parse("big.rules", text, Format.SAVE, Integer.MAX_VALUE);
    assertEquals(render(inOrder.diagnostics()), render(ahead.diagnostics()));
    assertEquals(inOrder.value().map(r -> SavePrinter.print(r, true)),
        ahead.value().map(r -> SavePrinter.print(r, true)));
  }

  private static List<String> render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::render).toList();
  }

  private static String block(int rules) {
    StringBuilder text = new StringBuilder("*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n"
        + ":OUTPUT ACCEPT [0:0]\n:svc - [0:0]\n");
    for (int i = 0; i < rules; i++) {
      text.append("-A svc -s 10.").append(i / 250).append('.').append(i % 250)
          .append(".0/24 -p tcp -m tcp --dport ").append(1 + i % 60000)
          .append(" -m conntrack --ctstate NEW -j ACCEPT\n");
      text.append("[3:180] -A INPUT -i eth").append(i % 4).append(" -j svc\n");
    }
    return text.append("COMMIT\n").toString();
  }

  @Test
  void readsRuleLinesAheadInTheTableOfTheirBlock() {
    List<String> lines = block(3).lines().toList();
    ReadAhead ahead = ReadAhead.of("big.rules", lines, Backend.NFT, ALWAYS);
    assertTrue(ahead.get(6, Table.FILTER).isPresent(), "rule line");
    assertTrue(ahead.get(6, Table.NAT).isEmpty(), "other table");
    assertTrue(ahead.get(2, Table.FILTER).isEmpty(), "chain line");
  }

  @Test
  void readsAValidFileAsInOrder() {
    String text = block(1500) + block(10).replace("*filter", "*mangle");
    assertFalse(RulesParser.parse("big.rules", text, Format.SAVE, ALWAYS).hasErrors());
    assertSameAsInOrder(text);
  }

  @Test
  void reportsTheSameProblemsOnTheSameLines() {
    String text = block(1200)
        .replaceFirst("--dport 17 ", "--dport 70000 ")
        .replaceFirst("-A svc -s 10.0.40.0/24", "-A svc -s 10.0.40.0/33")
        .replaceFirst("\\[3:180\\] -A INPUT -i eth1 -j svc", "-A INPUT -i eth1 -j nowhere")
        .replaceFirst("\\[3:180\\] -A INPUT -i eth2", "[3:x] -A INPUT -m state --state NEW")
        .replaceFirst("--dport 900 ", "--dport 900 \"unterminated ");
    assertEquals(5, RulesParser.parse("big.rules", text, Format.SAVE, ALWAYS).errors().size());
    assertSameAsInOrder(text);
  }

  @Test
  void readsLinesWhoseTablePredictionIsWrong() {
    String text = block(800)
        + "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j DNAT --to-destination 10.0.0.1\n"
        + "*filter\n-A INPUT -j REJECT\nCOMMIT\n"
        + "*nosuchtable\n-A INPUT -j ACCEPT\nCOMMIT\n"
        + "-A INPUT -j ACCEPT\n"
        + block(700).replace("*filter", "*raw").replace("-j ACCEPT", "-j CT --notrack");
    assertSameAsInOrder(text);
  }
}

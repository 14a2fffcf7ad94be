package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.rules.Ruleset;

/** Scripts of plain iptables commands, one per line, as learners write them in a shell. */
class ScriptParserTest {
  private static final String SCRIPT = """
      #!/bin/sh
      # reset
      iptables -F
      iptables -t nat -F
      iptables -P INPUT DROP
      iptables -A INPUT -i lo -j ACCEPT
      iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
      iptables -A INPUT -p tcp -s 198.51.100.0/24 --dport 22 \\
          -m comment --comment 'office ssh' -j ACCEPT
      /usr/sbin/iptables -N LOGDROP
      sudo iptables -A LOGDROP -j LOG --log-prefix "dropped: "
      iptables -A LOGDROP -j DROP
      iptables -A INPUT -j LOGDROP
      """;

  @Test
  void scriptIsRecognisedAndAppliedInOrder() {
    assertEquals(RulesParser.Format.SCRIPT, RulesParser.detect(SCRIPT));
    Parsed<Ruleset> result = RulesParser.parse("fw.sh", SCRIPT);
    assertFalse(result.hasErrors(), () -> result.errors().toString());
    assertEquals(
        """
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :LOGDROP - [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A INPUT -s 198.51.100.0/24 -p tcp -m tcp --dport 22 -m comment --comment "office ssh" -j ACCEPT
        -A INPUT -j LOGDROP
        -A LOGDROP -j LOG --log-prefix "dropped: "
        -A LOGDROP -j DROP
        COMMIT
        """,
        SavePrinter.print(result.orThrow(), false));
  }

  @Test
  void scriptAndSaveFormOfTheSameRulesAreEqual() {
    String save = SavePrinter.print(RulesParser.parse("fw.sh", SCRIPT).orThrow(), false);
    assertEquals(save, SavePrinter.print(RulesParser.parse("fw.v4", save).orThrow(), false));
  }

  @Test
  void tableOptionSelectsTheTable() {
    Parsed<Ruleset> result = RulesParser.parse("nat.sh",
        "iptables -t nat -A POSTROUTING -o wan0 -j MASQUERADE\n");
    assertFalse(result.hasErrors(), () -> result.errors().toString());
    assertTrue(SavePrinter.print(result.orThrow(), false).startsWith("*nat\n"));
  }

  @Test
  void errorsPointIntoTheScriptLine() {
    Parsed<Ruleset> result =
        RulesParser.parse("fw.sh", "iptables -A INPUT -p tcp --dprot 22 -j DROP\n");
    assertEquals("fw.sh:1:26: error: unknown option \"--dprot\"", result.errors().get(0).toString());
  }

  @Test
  void aContinuationOnTheLastLineEndsTheCommandAsBashRunsIt() {
    for (String script : List.of("iptables -A INPUT -j ACCEPT \\\n", "iptables -A INPUT -j ACCEPT \\",
        "iptables -A INPUT \\\n-j ACCEPT \\\n")) {
      Parsed<Ruleset> result = RulesParser.parse("fw.sh", script);
      assertFalse(result.hasErrors(), () -> script + ": " + result.errors());
      assertTrue(SavePrinter.print(result.orThrow(), false).contains("-A INPUT -j ACCEPT\n"));
    }
  }

  @Test
  void shellFeaturesAreReportedNotRun() {
    Parsed<Ruleset> result = RulesParser.parse("fw.sh", "iptables -A INPUT -s $OFFICE -j ACCEPT\n");
    assertEquals("fw.sh:1:22: error: shell syntax `$' is not supported here",
        result.errors().get(0).toString());
    Parsed<Ruleset> other = RulesParser.parse("fw.sh", "iptables -F\necho done\n");
    assertEquals("fw.sh:2:1: error: expected an iptables command, found `echo'",
        other.errors().get(0).toString());
  }

  @Test
  void unknownTableIsNamed() {
    Parsed<Ruleset> result = RulesParser.parse("fw.sh", "iptables -t filtr -A INPUT -j ACCEPT\n");
    assertEquals("fw.sh:1:13: error: table 'filtr' does not exist", result.errors().get(0).toString());
  }
}

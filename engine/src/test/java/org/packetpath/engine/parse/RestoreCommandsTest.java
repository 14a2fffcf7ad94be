package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/** Every iptables command inside a restore table block, with restore's flush semantics. */
class RestoreCommandsTest {
  private static Ruleset parse(String text) {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
    assertFalse(result.hasErrors(), () -> result.errors().toString());
    return result.orThrow();
  }

  private static String print(String text) {
    return SavePrinter.print(parse(text), false);
  }

  private static String error(String text) {
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
    assertTrue(result.hasErrors(), "expected an error");
    return result.errors().get(0).toString();
  }

  @Test
  void insertAppendReplaceAndDeleteApplyInOrder() {
    String text = """
        *filter
        :INPUT DROP [0:0]
        -A INPUT -p tcp --dport 22 -j ACCEPT
        -A INPUT -p tcp --dport 80 -j ACCEPT
        -I INPUT -i lo -j ACCEPT
        -I INPUT 3 -p udp --dport 53 -j ACCEPT
        -R INPUT 2 -p tcp --dport 443 -j ACCEPT
        -D INPUT -p tcp --dport 80 -j ACCEPT
        -A INPUT -j LOG
        -D INPUT 4
        COMMIT
        """;
    assertEquals(
        """
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT -p tcp -m tcp --dport 443 -j ACCEPT
        -A INPUT -p udp -m udp --dport 53 -j ACCEPT
        COMMIT
        """,
        print(text));
  }

  @Test
  void newChainRenameFlushPolicyAndDeleteChain() {
    String text = """
        *filter
        -N TEMP
        -N LOGDROP
        -A LOGDROP -j LOG --log-prefix "drop: "
        -A LOGDROP -j DROP
        -A INPUT -j LOGDROP
        -E LOGDROP LOG_AND_DROP
        -A TEMP -j ACCEPT
        -F TEMP
        -X TEMP
        -P FORWARD DROP
        COMMIT
        """;
    assertEquals(
        """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        :LOG_AND_DROP - [0:0]
        -A INPUT -j LOG_AND_DROP
        -A LOG_AND_DROP -j LOG --log-prefix "drop: "
        -A LOG_AND_DROP -j DROP
        COMMIT
        """,
        print(text));
  }

  @Test
  void userChainsPrintInNameOrderAfterBuiltins() {
    String printed = print("*filter\n:ZED - [0:0]\n:ALPHA - [0:0]\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
    assertTrue(printed.indexOf(":OUTPUT") < printed.indexOf(":ALPHA"), printed);
    assertTrue(printed.indexOf(":ALPHA") < printed.indexOf(":ZED"), printed);
  }

  @Test
  void aSecondBlockOfTheSameTableFlushesTheFirst() {
    String text = """
        *filter
        :INPUT DROP [0:0]
        -A INPUT -j ACCEPT
        COMMIT
        *filter
        :OUTPUT DROP [0:0]
        COMMIT
        """;
    Ruleset r = parse(text);
    Chain input = r.table(Table.FILTER).orElseThrow().chain("INPUT").orElseThrow();
    assertTrue(input.rules().isEmpty());
    assertEquals("ACCEPT", input.policy().orElseThrow().name());
  }

  @Test
  void countersOfChainsAndRulesAreKept() {
    String text = """
        *filter
        :INPUT ACCEPT [10:840]
        [3:180] -A INPUT -p tcp --dport 22 -j ACCEPT
        -A INPUT -c 5 300 -j DROP
        COMMIT
        """;
    Ruleset r = parse(text);
    Chain input = r.table(Table.FILTER).orElseThrow().chain("INPUT").orElseThrow();
    assertEquals(new Counters(10, 840), input.counters());
    assertEquals(new Counters(3, 180), input.rules().get(0).counters());
    assertEquals(new Counters(5, 300), input.rules().get(1).counters());
    String withCounters = SavePrinter.print(r, true);
    assertTrue(withCounters.contains(":INPUT ACCEPT [10:840]\n"), withCounters);
    assertTrue(withCounters.contains("[3:180] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n"));
    assertTrue(print(text).contains(":INPUT ACCEPT [0:0]\n"));
  }

  @Test
  void zeroResetsCounters() {
    Ruleset r = parse("*filter\n:INPUT ACCEPT [10:840]\n[3:180] -A INPUT -j ACCEPT\n-Z INPUT\nCOMMIT\n");
    Chain input = r.table(Table.FILTER).orElseThrow().chain("INPUT").orElseThrow();
    assertEquals(Counters.ZERO, input.counters());
    assertEquals(Counters.ZERO, input.rules().get(0).counters());
  }

  @Test
  void commaListsExpandToOneRulePerPair() {
    String printed = print("*filter\n-A INPUT -s 10.0.0.1,10.0.0.2 -d 1.1.1.1,2.2.2.2 -j ACCEPT\nCOMMIT\n");
    assertTrue(printed.contains("""
        -A INPUT -s 10.0.0.1/32 -d 1.1.1.1/32 -j ACCEPT
        -A INPUT -s 10.0.0.1/32 -d 2.2.2.2/32 -j ACCEPT
        -A INPUT -s 10.0.0.2/32 -d 1.1.1.1/32 -j ACCEPT
        -A INPUT -s 10.0.0.2/32 -d 2.2.2.2/32 -j ACCEPT
        """), printed);
  }

  @Test
  void aRepeatedAddressIsARuleOfItsOwn() {
    // iptables-nft-restore 1.8.9 loads both; every later rule number counts them.
    String printed = print("*filter\n-A INPUT -s 192.0.2.66,10.0.0.0/8,192.0.2.66 -d 1.2.3.4,1.2.3.4"
        + " -j DROP\n-A INPUT -j ACCEPT\nCOMMIT\n");
    assertTrue(printed.contains("""
        -A INPUT -s 192.0.2.66/32 -d 1.2.3.4/32 -j DROP
        -A INPUT -s 192.0.2.66/32 -d 1.2.3.4/32 -j DROP
        -A INPUT -s 10.0.0.0/8 -d 1.2.3.4/32 -j DROP
        -A INPUT -s 10.0.0.0/8 -d 1.2.3.4/32 -j DROP
        -A INPUT -s 192.0.2.66/32 -d 1.2.3.4/32 -j DROP
        -A INPUT -s 192.0.2.66/32 -d 1.2.3.4/32 -j DROP
        -A INPUT -j ACCEPT
        """), printed);
  }

  @Test
  void quotedWordsAndEscapes() {
    Ruleset r = parse("*filter\n-A INPUT -m comment --comment \"with \\\"escaped\\\" quotes\"\nCOMMIT\n");
    assertTrue(SavePrinter.print(r, false)
        .contains("-m comment --comment \"with \\\"escaped\\\" quotes\""));
  }

  @Test
  void builtinChainsAreDeclaredOnlyWhenNamedOrUsed() {
    Ruleset r = parse("*filter\n:INPUT DROP [0:0]\n-A OUTPUT -j ACCEPT\nCOMMIT\n");
    var filter = r.table(Table.FILTER).orElseThrow();
    assertTrue(filter.chain("INPUT").orElseThrow().declared());
    assertTrue(filter.chain("OUTPUT").orElseThrow().declared());
    assertFalse(filter.chain("FORWARD").orElseThrow().declared());
  }

  @Test
  void commandErrorsUseIptablesWording() {
    assertEquals("rules.v4:2:1: error: Index of insertion too big",
        error("*filter\n-I INPUT 3 -j ACCEPT\nCOMMIT\n"));
    assertEquals("rules.v4:2:1: error: Index of replacement too big",
        error("*filter\n-R INPUT 1 -j ACCEPT\nCOMMIT\n"));
    assertEquals("rules.v4:2:1: error: Bad rule (does a matching rule exist in that chain?)",
        error("*filter\n-D INPUT -j ACCEPT\nCOMMIT\n"));
    assertEquals("rules.v4:2:1: error: Chain 'NOPE' does not exist",
        error("*filter\n-A NOPE -j ACCEPT\nCOMMIT\n"));
    assertEquals("rules.v4:2:1: error: Bad built-in chain name",
        error("*filter\n-N MINE\n-P MINE DROP\nCOMMIT\n").replace(":3:", ":2:"));
    assertEquals("rules.v4:2:1: error: Can't delete built-in chain",
        error("*filter\n-X INPUT\nCOMMIT\n"));
    assertEquals("rules.v4:4:1: error: Too many links",
        error("*filter\n-N MINE\n-A INPUT -j MINE\n-X MINE\nCOMMIT\n"));
    assertEquals("rules.v4:3:1: error: Chain already exists",
        error("*filter\n-N MINE\n-N MINE\nCOMMIT\n"));
    assertEquals("rules.v4:2:1: error: Cannot use -I with -A",
        error("*filter\n-A INPUT -I INPUT -j ACCEPT\nCOMMIT\n").replace(":2:10:", ":2:1:"));
  }

  @Test
  void jumpLoopReachableFromABuiltinChainIsRefusedAtTheClosingRule() {
    String text = """
        *filter
        :INPUT ACCEPT [0:0]
        :U - [0:0]
        :V - [0:0]
        -A U -j V
        -A V -j U
        -A INPUT -j U
        COMMIT
        """;
    Parsed<Ruleset> result = RulesParser.parse("rules.v4", text);
    assertEquals("rules.v4:7:1: error: Too many links", result.errors().get(0).toString());
    assertTrue(result.errors().get(0).explanation().contains("INPUT -> U -> V -> U"),
        result.errors().get(0).explanation());
  }

  @Test
  void jumpLoopNoPacketCanEnterIsAccepted() {
    assertFalse(RulesParser.parse("r", "*filter\n:U - [0:0]\n-A U -j U\nCOMMIT\n").hasErrors());
  }

  @Test
  void gotoLoopIsALoopToo() {
    String text = "*filter\n:U - [0:0]\n:V - [0:0]\n-A INPUT -j U\n-A U -j V\n-A V -g U\nCOMMIT\n";
    assertEquals("rules.v4:6:1: error: Too many links",
        RulesParser.parse("rules.v4", text).errors().get(0).toString());
  }

  @Test
  void interfaceOptionsWhereThePacketHasNone() {
    assertEquals("rules.v4:2:11: error: Can't use -i with OUTPUT",
        error("*filter\n-A OUTPUT -i eth0 -j ACCEPT\nCOMMIT\n"));
    assertEquals("rules.v4:2:15: error: Can't use -o with PREROUTING",
        error("*nat\n-A PREROUTING -o eth0 -j ACCEPT\nCOMMIT\n"));
    Parsed<Ruleset> viaUserChain = RulesParser.parse("rules.v4",
        "*filter\n:U - [0:0]\n-A OUTPUT -j U\n-A U -i eth0 -j ACCEPT\nCOMMIT\n");
    assertFalse(viaUserChain.hasErrors(), "the kernel accepts it");
    assertEquals("rules.v4:4:6: warning: -i in chain U never matches when it is reached from OUTPUT",
        viaUserChain.warnings().get(0).toString());
  }
}

package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/** One test per semantic point of the netfilter reference (section 1.2), on small scenarios. */
class SemanticsTest {
  private static List<String> hits(Trace t) {
    return t.hits().stream().map(RuleHit::toString).toList();
  }

  private static final String ALL_TABLES_COUNTING = """
      *raw
      :PREROUTING ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      COMMIT
      *mangle
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      COMMIT
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A POSTROUTING -o wan0 -j MASQUERADE
      COMMIT
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      COMMIT
      *security
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      COMMIT
      """;

  @Test
  void tableOrderAtEachHookFollowsPriorities() {
    Trace t = Firewalls.with(ALL_TABLES_COUNTING).send("tcp attacker:40000 > fw:22 in wan0");
    assertEquals(List.of("raw:PREROUTING", "mangle:PREROUTING", "nat:PREROUTING", "mangle:INPUT",
        "filter:INPUT", "nat:INPUT", "security:INPUT"), t.path());
    Trace forwarded = Firewalls.with(ALL_TABLES_COUNTING).send("tcp pc1:40000 > internet:80 in lan0");
    assertEquals(List.of("raw:PREROUTING", "mangle:PREROUTING", "nat:PREROUTING",
        "mangle:FORWARD", "filter:FORWARD", "security:FORWARD", "mangle:POSTROUTING",
        "nat:POSTROUTING"), forwarded.path());
    Trace local = Firewalls.with(ALL_TABLES_COUNTING).send("tcp fw:40000 > internet:80 local");
    assertEquals(List.of("raw:OUTPUT", "mangle:OUTPUT", "nat:OUTPUT", "filter:OUTPUT",
        "security:OUTPUT", "mangle:POSTROUTING", "nat:POSTROUTING"), local.path());
  }

  @Test
  void legacyRunsSecurityBeforeNatInput() {
    Trace t = Firewalls.with(ALL_TABLES_COUNTING, Backend.LEGACY)
        .send("tcp attacker:40000 > fw:22 in wan0");
    assertEquals(List.of("raw:PREROUTING", "mangle:PREROUTING", "nat:PREROUTING", "mangle:INPUT",
        "filter:INPUT", "security:INPUT", "nat:INPUT"), t.path());
  }

  @Test
  void acceptEndsOnlyTheCurrentTablesChain() {
    Trace t = Firewalls.with("""
        *raw
        -A PREROUTING -j ACCEPT
        COMMIT
        *mangle
        -A PREROUTING -j ACCEPT
        COMMIT
        *filter
        -A INPUT -j DROP
        COMMIT
        """).send("tcp attacker:40000 > fw:22 in wan0");
    assertEquals(Disposition.DROPPED, t.disposition());
    assertEquals(List.of("raw:PREROUTING:rule 1:ACCEPT", "mangle:PREROUTING:rule 1:ACCEPT",
        "filter:INPUT:rule 1:DROP"), hits(t));
  }

  @Test
  void dnatBeforeRoutingMakesTrafficToTheFirewallForwarded() {
    Simulator fw = Firewalls.with("""
        *nat
        -A PREROUTING -i wan0 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
        COMMIT
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        COMMIT
        """);
    Trace t = fw.send("tcp attacker:40000 > fw:8080 in wan0");
    assertEquals(Disposition.FORWARDED, t.disposition());
    assertEquals(Optional.of("lan0"), t.out());
    assertEquals("tcp 192.0.2.66:40000 > 10.0.0.2:80 SYN", t.finalPacket().orElseThrow().toString());
    assertTrue(t.hits().stream().noneMatch(h -> h.chain().equals("INPUT")),
        "INPUT rules never see a port forward");
    Trace reply = fw.send("tcp pc1:80 > attacker:40000 SYN,ACK in lan0");
    assertEquals(CtState.ESTABLISHED, reply.ctState());
    assertEquals("tcp 203.0.113.1:8080 > 192.0.2.66:40000 SYN,ACK",
        reply.finalPacket().orElseThrow().toString(), "un-DNAT at POSTROUTING");
    Step.ChainEntered forward = reply.steps().stream()
        .filter(s -> s instanceof Step.ChainEntered c && c.chain().equals("FORWARD"))
        .map(s -> (Step.ChainEntered) s).findFirst().orElseThrow();
    assertEquals("tcp 10.0.0.2:80 > 192.0.2.66:40000 SYN,ACK", forward.packet().toString(),
        "FORWARD sees the internal source of a DNAT reply");
  }

  @Test
  void masqueradeRepliesAreUndoneBeforeForward() {
    Simulator fw = Firewalls.with("""
        *mangle
        :FORWARD ACCEPT [0:0]
        COMMIT
        *nat
        -A POSTROUTING -o wan0 -j MASQUERADE
        COMMIT
        """);
    fw.send("udp pc1:5353 > internet:53 in lan0");
    Trace reply = fw.send("udp internet:53 > 203.0.113.1:5353 in wan0");
    Step.ChainEntered mangleForward = reply.steps().stream()
        .filter(s -> s instanceof Step.ChainEntered c && c.table().label().equals("mangle"))
        .map(s -> (Step.ChainEntered) s).findFirst().orElseThrow();
    assertEquals("udp 192.0.2.10:53 > 10.0.0.2:5353", mangleForward.packet().toString());
    assertEquals(Optional.of("lan0"), reply.out());
  }

  @Test
  void natRulesSeeOnlyTheFirstPacketOfAConnection() {
    Simulator fw = Firewalls.with("""
        *nat
        -A PREROUTING -p udp -j ACCEPT
        -A POSTROUTING -o wan0 -j MASQUERADE
        COMMIT
        """);
    fw.send("udp attacker:1000 > fw:161 in wan0");
    fw.send("udp attacker:1000 > fw:161 in wan0");
    Trace third = fw.send("udp attacker:1000 > fw:161 in wan0");
    assertEquals(CtState.NEW, third.ctState(), "unanswered UDP stays NEW");
    String counted = SavePrinter.print(fw.counters(), true);
    assertTrue(counted.contains("[1:28] -A PREROUTING -p udp -j ACCEPT"), counted);
  }

  @Test
  void aDroppedFirstPacketLeavesNothingBehindAndNatIsConsultedAgain() {
    Simulator fw = Firewalls.with("""
        *nat
        -A PREROUTING -p udp -j ACCEPT
        -A POSTROUTING -o wan0 -j MASQUERADE
        COMMIT
        *filter
        -A FORWARD -p udp -j DROP
        COMMIT
        """);
    for (int i = 0; i < 3; i++) {
      assertEquals(Disposition.DROPPED, fw.send("udp pc1:1000 > internet:53 in lan0").disposition());
    }
    assertEquals(List.of(), fw.connections());
    String counted = SavePrinter.print(fw.counters(), true);
    assertTrue(counted.contains("[3:84] -A PREROUTING -p udp -j ACCEPT"), counted);
    assertTrue(counted.contains("[0:0] -A POSTROUTING -o wan0 -j MASQUERADE"), counted);
  }

  @Test
  void loneAckIsNewWhileLooseAndRstOrFinAreInvalid() {
    String rules = "*filter\n-A INPUT -m conntrack --ctstate INVALID -j DROP\nCOMMIT\n";
    assertEquals(CtState.NEW, Firewalls.with(rules).send("tcp attacker:1 > fw:22 ACK in wan0").ctState());
    assertEquals(CtState.INVALID, Firewalls.with(rules).send("tcp attacker:1 > fw:22 RST in wan0").ctState());
    assertEquals(CtState.INVALID, Firewalls.with(rules).send("tcp attacker:1 > fw:22 FIN in wan0").ctState());
    Trace strict = Firewalls.with(TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24}
        sysctls: {nf_conntrack_tcp_loose: 0}
        """).value().orElseThrow(), rules).send("tcp 203.0.113.9:1 > fw:22 ACK in wan0");
    assertEquals(CtState.INVALID, strict.ctState());
    assertEquals(Disposition.DROPPED, strict.disposition());
  }

  @Test
  void ctstateInTheRawTableSeesNothingTrackedYet() {
    Trace t = Firewalls.with("""
        *raw
        -A PREROUTING -m conntrack --ctstate INVALID
        COMMIT
        """).send("tcp attacker:1 > fw:22 in wan0");
    assertEquals(List.of("raw:PREROUTING:rule 1:", "raw:PREROUTING:policy:ACCEPT"), hits(t));
    assertEquals(CtState.NEW, t.ctState());
  }

  @Test
  void conntrackRunsOnlyWhenSomeRuleNeedsIt() {
    Simulator plain = Firewalls.with("*filter\n-A INPUT -p tcp -j ACCEPT\nCOMMIT\n");
    plain.send("tcp attacker:1 > fw:22 in wan0");
    assertEquals(List.of(), plain.connections());
    Simulator tracking = Firewalls.with("*filter\n-A INPUT -m state --state NEW -j ACCEPT\nCOMMIT\n");
    tracking.send("tcp attacker:1 > fw:22 in wan0");
    assertEquals(1, tracking.connections().size());
    Simulator natWithoutTargets = Firewalls.with("*nat\n-A PREROUTING -p udp -j ACCEPT\nCOMMIT\n");
    Trace t = natWithoutTargets.send("udp attacker:1 > fw:161 in wan0");
    assertEquals(List.of(), hits(t), "without conntrack the nat chains are never traversed");
    Simulator notrackOnly = Firewalls.with(
        "*raw\n-A PREROUTING -p tcp -j CT --notrack\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
    notrackOnly.send("udp attacker:1 > fw:161 in wan0");
    assertEquals(List.of(), notrackOnly.connections(), "CT --notrack starts no tracking");
  }

  @Test
  void trafficToTheFirewallsOwnAddressGoesThroughLoAndSkipsNatOnTheWayBackIn() {
    Trace t = Firewalls.with(ALL_TABLES_COUNTING).send("tcp fw:40000 > fw:22 local");
    assertEquals(Disposition.LOCAL, t.disposition());
    assertEquals(List.of("raw:OUTPUT", "mangle:OUTPUT", "nat:OUTPUT", "filter:OUTPUT",
        "security:OUTPUT", "mangle:POSTROUTING", "nat:POSTROUTING", "raw:PREROUTING",
        "mangle:PREROUTING", "mangle:INPUT", "filter:INPUT", "security:INPUT"), t.path());
  }

  @Test
  void natOutputDnatReroutesButKeepsTheSource() {
    Trace t = Firewalls.with("""
        *nat
        -A OUTPUT -p tcp -d 198.51.100.10 -j DNAT --to-destination 10.0.0.2:80
        COMMIT
        """).send("tcp fw:40000 > 198.51.100.10:80 local");
    assertEquals(Disposition.SENT, t.disposition());
    assertEquals(Optional.of("lan0"), t.out());
    assertEquals("tcp 203.0.113.1:40000 > 10.0.0.2:80 SYN", t.finalPacket().orElseThrow().toString());
  }

  @Test
  void forwardingDisabledOrNoRouteDropsAfterPrerouting() {
    Trace t = Firewalls.with(TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24}
          - {name: lan0, address: 10.0.0.1/24}
        """).value().orElseThrow(), "*raw\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n")
        .send("tcp 203.0.113.9:1 > 10.0.0.2:80 in wan0");
    assertEquals(Disposition.ROUTING_DROP, t.disposition());
    assertEquals(List.of("raw:PREROUTING"), t.path());
  }

  @Test
  void rpFilterDropsSpoofedSources() {
    Trace t = Firewalls.with(TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24}
          - {name: lan0, address: 10.0.0.1/24}
        routes:
          - {to: default, via: 203.0.113.254}
        sysctls: {ip_forward: 1, rp_filter: 1}
        """).value().orElseThrow(), "*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n")
        .send("tcp 10.0.0.99:1 > 198.51.100.1:80 in wan0");
    assertEquals(Disposition.ROUTING_DROP, t.disposition());
    assertEquals(List.of(), t.path());
  }

  @Test
  void rejectAnswersThroughTheOutputPathAsRelated() {
    String rules = """
        *filter
        :OUTPUT ACCEPT [0:0]
        -A INPUT -p tcp --dport 22 -j REJECT --reject-with tcp-reset
        -A INPUT -p udp -m state --state NEW -j REJECT
        COMMIT
        """;
    Trace tcp = Firewalls.with(rules).send("tcp attacker:40000 > fw:22 in wan0");
    assertEquals(Disposition.REJECTED, tcp.disposition());
    Trace rst = tcp.generated().get(0);
    assertEquals("tcp 203.0.113.1:22 > 192.0.2.66:40000 RST,ACK", rst.packet().packet().toString());
    assertEquals(CtState.RELATED, rst.ctState());
    assertEquals(List.of("filter:OUTPUT:policy:ACCEPT"), hits(rst));
    Trace udp = Firewalls.with(rules).send("udp attacker:40000 > fw:53 in wan0");
    Trace icmp = udp.generated().get(0);
    assertEquals("icmp 203.0.113.1 > 192.0.2.66 icmp port-unreachable"
        + " about udp 192.0.2.66:40000 > 203.0.113.1:53", icmp.packet().packet().toString());
    assertEquals(CtState.RELATED, icmp.ctState());
  }

  @Test
  void theFirewallsEndpointsAnswer() {
    Simulator fw = Firewalls.with("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
    assertEquals("tcp 203.0.113.1:22 > 192.0.2.66:1 SYN,ACK",
        fw.send("tcp attacker:1 > fw:22 in wan0").generated().get(0).packet().packet().toString());
    assertEquals("tcp 203.0.113.1:23 > 192.0.2.66:1 RST,ACK",
        fw.send("tcp attacker:1 > fw:23 in wan0").generated().get(0).packet().packet().toString());
    assertEquals("icmp 203.0.113.1 > 192.0.2.66 icmp port-unreachable"
        + " about udp 192.0.2.66:1 > 203.0.113.1:9",
        fw.send("udp attacker:1 > fw:9 in wan0").generated().get(0).packet().packet().toString());
    assertEquals(List.of(), fw.send("udp attacker:1 > fw:161 in wan0").generated());
    assertEquals("icmp 203.0.113.1 > 192.0.2.66 icmp echo-reply",
        fw.send("icmp attacker > fw icmp echo-request in wan0").generated().get(0).packet()
            .packet().toString());
  }

  @Test
  void ttlIsDecrementedBeforeForwardAndExpiresThere() {
    Simulator fw = Firewalls.with("*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n");
    Trace ok = fw.send("tcp pc1:1 > internet:80 in lan0 ttl 2");
    assertEquals(1, ok.finalPacket().orElseThrow().ttl());
    Trace expired = fw.send("tcp pc1:2 > internet:80 in lan0 ttl 1");
    assertEquals(Disposition.ROUTING_DROP, expired.disposition());
    assertEquals(List.of(), expired.path(), "FORWARD never sees it");
    assertEquals("icmp 10.0.0.1 > 10.0.0.2 icmp ttl-zero-during-transit"
        + " about tcp 10.0.0.2:2 > 192.0.2.10:80 SYN",
        expired.generated().get(0).packet().packet().toString());
  }

  @Test
  void undeclaredBuiltinChainsAreNotHookedUnderNft() {
    String rules = "*filter\n:INPUT DROP [0:0]\n-A OUTPUT -j ACCEPT\nCOMMIT\n";
    Trace nft = Firewalls.with(rules).send("tcp pc1:1 > internet:80 in lan0");
    assertEquals(List.of(), hits(nft), "no FORWARD chain exists, so no policy decides");
    Trace legacy = Firewalls.with(rules, Backend.LEGACY).send("tcp pc1:1 > internet:80 in lan0");
    assertEquals(List.of("filter:FORWARD:policy:ACCEPT"), hits(legacy));
  }

  @Test
  void returnAndGotoFollowIptablesRules() {
    Trace t = Firewalls.with("""
        *filter
        :INPUT DROP [0:0]
        :A - [0:0]
        :B - [0:0]
        -A INPUT -j A
        -A INPUT -p tcp -j ACCEPT
        -A A -g B
        -A A -j DROP
        -A B -p udp -j DROP
        COMMIT
        """).send("tcp attacker:1 > fw:22 in wan0");
    assertEquals(List.of("filter:INPUT:rule 1:A", "filter:A:rule 1:B", "filter:INPUT:rule 2:ACCEPT"),
        hits(t), "falling off B returns to INPUT, after the jump to A: A's DROP is skipped");
  }

  @Test
  void countersAddUpAsIptablesShowsThem() {
    Simulator fw = Firewalls.with("*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n");
    fw.send("tcp attacker:1 > fw:22 in wan0");
    fw.send("tcp attacker:2 > fw:22 in wan0");
    fw.send("udp attacker:3 > fw:53 in wan0");
    String counted = SavePrinter.print(fw.counters(), true);
    assertTrue(counted.contains(":INPUT DROP [1:28]"), counted);
    assertTrue(counted.contains("[2:80] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT"), counted);
  }

  @Test
  void broadcastsAreDeliveredLocallyAndMulticastIsNotForwarded() {
    Simulator fw = Firewalls.with("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\nCOMMIT\n");
    Trace broadcast = fw.send("udp pc1:68 > 10.0.0.255:67 in lan0");
    assertEquals(Disposition.LOCAL, broadcast.disposition());
    assertEquals(List.of(), broadcast.generated(), "no ICMP error answers a broadcast");
    assertEquals(Disposition.LOCAL, fw.send("udp pc1:68 > 255.255.255.255:67 in lan0").disposition());
    assertEquals(Disposition.ROUTING_DROP,
        fw.send("udp pc1:5353 > 224.0.0.251:5353 in lan0").disposition());
  }

  @Test
  void icmpErrorsAboutAMasqueradedFlowAreTranslatedWithTheirEmbeddedHeader() {
    Simulator fw = Firewalls.with("""
        *nat
        -A POSTROUTING -o wan0 -j MASQUERADE
        COMMIT
        """);
    fw.send("udp pc1:40020 > internet:9 in lan0");
    Trace error = fw.send(
        "icmp internet > 203.0.113.1 icmp port-unreachable about udp 203.0.113.1:40020 > internet:9"
            + " in wan0");
    assertEquals(CtState.RELATED, error.ctState());
    assertEquals(Optional.of("lan0"), error.out());
    assertEquals("icmp 192.0.2.10 > 10.0.0.2 icmp port-unreachable"
        + " about udp 10.0.0.2:40020 > 192.0.2.10:9", error.finalPacket().orElseThrow().toString());
  }
}

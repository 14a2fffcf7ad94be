package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.packetpath.engine.sim.MatchTesting.firewall;
import static org.packetpath.engine.sim.MatchTesting.matched;
import static org.packetpath.engine.sim.MatchTesting.spec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;

/**
 * The packet-field matches through a real simulator on the example topology (wan0
 * 203.0.113.1/24, lan0 10.0.0.1/24, the attacker 192.0.2.66 behind wan0, pc1 10.0.0.2 behind
 * lan0). Most rules have no target and only count, so one packet shows which of several rules
 * match it.
 */
class PacketMatchersTest {
  // ---- iprange -------------------------------------------------------------------------------

  @Test
  void iprangeComparesAddressesAsUnsignedNumbersPerOption() {
    Simulator fw = firewall("filter",
        "-A INPUT -m iprange --src-range 192.0.2.60-192.0.2.70",
        "-A INPUT -m iprange ! --src-range 192.0.2.60-192.0.2.70",
        "-A INPUT -m iprange --dst-range 203.0.113.1",
        "-A INPUT -m iprange --src-range 192.0.2.70-192.0.2.60",
        "-A INPUT -m iprange ! --src-range 192.0.2.70-192.0.2.60",
        "-A INPUT -m iprange --src-range 192.0.2.0-192.0.2.100 ! --dst-range 203.0.113.1",
        "-A INPUT -m iprange --src-range 10.0.0.0-200.0.0.0");
    assertEquals(List.of(1, 3, 5, 7), matched(fw, "udp attacker:1 > fw:161 in wan0",
        "filter:INPUT"));
    assertEquals(List.of(2, 3, 5), matched(fw, "udp 203.0.113.9:1 > fw:161 in wan0",
        "filter:INPUT"));
    assertEquals(List.of(2, 5, 7), matched(fw, "udp pc1:1 > fw.lan0:161 in lan0",
        "filter:INPUT"));
  }

  // ---- limit ---------------------------------------------------------------------------------

  @Test
  void limitLetsTheBurstThroughAndThenNothingBecauseNoTimePasses() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m limit --limit 1/sec",
        "-A INPUT -p udp -m limit --limit 1/sec --limit-burst 2",
        "-A INPUT -p tcp -m limit --limit 1/hour --limit-burst 1");
    for (int packet = 1; packet <= 7; packet++) {
      List<Integer> expected = packet <= 2 ? List.of(1, 2) : packet <= 5 ? List.of(1)
          : List.of();
      assertEquals(expected, matched(fw, "udp attacker:" + packet + " > fw:161 in wan0",
          "filter:INPUT"), "packet " + packet);
    }
    // UDP packets never reached rule 3's limit: its one token is still there.
    assertEquals(List.of(3), matched(fw, "tcp attacker:1 > fw:22 in wan0", "filter:INPUT"));
    assertEquals(List.of(), matched(fw, "tcp attacker:2 > fw:22 in wan0", "filter:INPUT"));
    Simulator fresh = firewall("filter", "-A INPUT -p udp -m limit --limit 1/sec");
    assertEquals(List.of(1), matched(fresh, "udp attacker:1 > fw:161 in wan0", "filter:INPUT"),
        "each firewall has its own buckets");
  }

  @Test
  void limitedLoggingThenDropStillDropsEveryPacket() {
    Simulator fw = firewall("filter",
        "-A INPUT -p tcp --dport 23 -m limit --limit 3/min -j LOG --log-prefix \"telnet \"",
        "-A INPUT -p tcp --dport 23 -j DROP");
    for (int packet = 1; packet <= 6; packet++) {
      Trace t = fw.send("tcp attacker:" + packet + " > fw:23 in wan0");
      assertEquals(Disposition.DROPPED, t.disposition());
      assertEquals(packet <= 5 ? List.of(1, 2) : List.of(2), matched(t, "filter:INPUT"));
    }
  }

  // ---- mac -----------------------------------------------------------------------------------

  @Test
  void macSourceNeverMatchesAndItsNegationOnlyOnEthernet() {
    Simulator fw = firewall("filter",
        "-A INPUT -m mac --mac-source 52:54:00:00:00:01",
        "-A INPUT -m mac ! --mac-source 52:54:00:00:00:01",
        "-A FORWARD -m mac ! --mac-source 00:11:22:33:44:55");
    assertEquals(List.of(2), matched(fw, "udp attacker:1 > fw:161 in wan0", "filter:INPUT"));
    assertEquals(List.of(), matched(fw, "udp fw:40000 > fw:161 local", "filter:INPUT"),
        "lo has no Ethernet header: neither form matches");
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > pc1:53 in wan0", "filter:FORWARD"));
  }

  // ---- mark and connmark ---------------------------------------------------------------------

  @Test
  void markComparesTheMaskedMarkWithTheValue() {
    Simulator fw = firewall("mangle",
        "-A PREROUTING -m mark --mark 0x10",
        "-A PREROUTING -m mark --mark 0x10/0xf0",
        "-A PREROUTING -m mark ! --mark 0x10",
        "-A PREROUTING -m mark --mark 0x1f/0xf0");
    assertEquals(List.of(1, 2), matched(fw, "udp attacker:1 > fw:161 in wan0 mark 0x10",
        "mangle:PREROUTING"));
    assertEquals(List.of(2, 3), matched(fw, "udp attacker:1 > fw:161 in wan0 mark 0x1f",
        "mangle:PREROUTING"));
    assertEquals(List.of(3), matched(fw, "udp attacker:1 > fw:161 in wan0",
        "mangle:PREROUTING"));
  }

  @Test
  void markSeesWhatTheMarkTargetSetEarlier() {
    Simulator fw = Simulator.of(MatchTesting.example(), RulesParser.parse("rules.v4", """
        *mangle
        :PREROUTING ACCEPT [0:0]
        -A PREROUTING -s 192.0.2.0/24 -j MARK --set-mark 0x7
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -m mark --mark 0x7 -j DROP
        COMMIT
        """).orThrow());
    assertEquals(Disposition.DROPPED, fw.send("udp attacker:1 > fw:161 in wan0").disposition());
    assertEquals(Disposition.LOCAL, fw.send("udp office:1 > fw:161 in wan0").disposition());
  }

  @Test
  void connmarkReadsTheConnectionsMarkAndNeedsAConnection() {
    Simulator fw = Simulator.of(MatchTesting.example(), RulesParser.parse("rules.v4", """
        *raw
        :PREROUTING ACCEPT [0:0]
        -A PREROUTING -m connmark --mark 0x0
        -A PREROUTING -m connmark ! --mark 0x5
        COMMIT
        *mangle
        :PREROUTING ACCEPT [0:0]
        -A PREROUTING -m connmark --mark 0x0
        -A PREROUTING -m connmark ! --mark 0x5
        -A PREROUTING -p udp -j CONNMARK --set-mark 0x5
        -A PREROUTING -m connmark --mark 0x5/0xf
        COMMIT
        """).orThrow());
    Trace first = fw.send("udp attacker:1 > fw:161 in wan0");
    assertEquals(List.of(), matched(first, "raw:PREROUTING"), "no connection before conntrack");
    assertEquals(List.of(1, 2, 3, 4), matched(first, "mangle:PREROUTING"));
    Trace second = fw.send("udp attacker:1 > fw:161 in wan0");
    assertEquals(List.of(3, 4), matched(second, "mangle:PREROUTING"));
  }

  // ---- addrtype ------------------------------------------------------------------------------

  private static final String[] ADDRTYPE_RULES = {
    "-A PREROUTING -m addrtype --dst-type LOCAL",
    "-A PREROUTING -m addrtype --dst-type UNICAST",
    "-A PREROUTING -m addrtype --dst-type BROADCAST",
    "-A PREROUTING -m addrtype --dst-type MULTICAST",
    "-A PREROUTING -m addrtype"
        + " --dst-type UNSPEC,ANYCAST,BLACKHOLE,UNREACHABLE,PROHIBIT,THROW,NAT,XRESOLVE",
    "-A PREROUTING -m addrtype --dst-type LOCAL --limit-iface-in",
    "-A PREROUTING -m addrtype ! --dst-type LOCAL",
    "-A PREROUTING -m addrtype --src-type UNICAST --dst-type LOCAL",
    "-A PREROUTING -m addrtype --src-type UNICAST ! --dst-type LOCAL",
  };

  @Test
  void addrtypeLooksAddressesUpInTheLocalTable() {
    Simulator fw = firewall("mangle", ADDRTYPE_RULES);
    String chain = "mangle:PREROUTING";
    assertEquals(List.of(1, 6, 8), matched(fw, "udp attacker:1 > fw:161 in wan0", chain));
    assertEquals(List.of(1, 8), matched(fw, "udp attacker:1 > fw.lan0:161 in wan0", chain),
        "lan0's address is LOCAL, but not on wan0");
    assertEquals(List.of(1, 8), matched(fw, "udp attacker:1 > 127.0.0.1:161 in wan0", chain));
    assertEquals(List.of(2, 7, 9), matched(fw, "udp attacker:1 > pc1:53 in wan0", chain));
    assertEquals(List.of(2, 7, 9), matched(fw, "udp attacker:1 > 10.0.0.0:53 in wan0", chain),
        "the network address has no broadcast route");
    assertEquals(List.of(3, 7, 9), matched(fw, "udp pc1:1 > 10.0.0.255:137 in lan0", chain));
    assertEquals(List.of(3, 7, 9), matched(fw, "udp pc1:68 > 255.255.255.255:67 in lan0",
        chain));
    assertEquals(List.of(4, 7, 9), matched(fw, "udp pc1:1 > 224.0.0.251:5353 in lan0", chain));
  }

  @Test
  void addrtypeBroadcastIsPerInterfaceWithLimitIfaceIn() {
    Simulator fw = firewall("mangle",
        "-A PREROUTING -m addrtype --dst-type BROADCAST --limit-iface-in",
        "-A PREROUTING -m addrtype --dst-type UNICAST --limit-iface-in",
        "-A PREROUTING -m addrtype --src-type LOCAL");
    String chain = "mangle:PREROUTING";
    assertEquals(List.of(1), matched(fw, "udp pc1:1 > 10.0.0.255:137 in lan0", chain));
    assertEquals(List.of(2), matched(fw, "udp attacker:1 > 10.0.0.255:137 in wan0", chain));
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > 255.255.255.255:137 in wan0", chain),
        "the limited broadcast is broadcast everywhere");
  }

  @Test
  void addrtypeLimitIfaceOutSeesTheLoopbackRouteOfTheFirewallsOwnAddresses() {
    Simulator fw = firewall("filter",
        "-A OUTPUT -m addrtype --dst-type LOCAL --limit-iface-out",
        "-A OUTPUT -m addrtype --dst-type LOCAL",
        "-A OUTPUT -m addrtype --src-type LOCAL",
        "-A OUTPUT -m addrtype --dst-type BROADCAST --limit-iface-out");
    // Packets to wan0's address leave by lo, but the address's local route names wan0.
    assertEquals(List.of(2, 3), matched(fw, "udp fw:40000 > fw:161 local", "filter:OUTPUT"));
    assertEquals(List.of(1, 2, 3), matched(fw, "udp 127.0.0.1:40000 > 127.0.0.1:161 local",
        "filter:OUTPUT"));
    assertEquals(List.of(3, 4), matched(fw, "udp fw.lan0:137 > 10.0.0.255:137 local",
        "filter:OUTPUT"));
  }

  // ---- length --------------------------------------------------------------------------------

  @Test
  void lengthIsTheIpTotalLength() {
    Simulator fw = firewall("filter",
        "-A INPUT -m length --length 28",
        "-A INPUT -m length --length 29:100",
        "-A INPUT -m length ! --length 28",
        "-A INPUT -m length --length 100:29",
        "-A INPUT -m length --length 0:65535");
    assertEquals(List.of(1, 5), matched(fw, "udp attacker:1 > fw:161 in wan0", "filter:INPUT"),
        "a UDP packet without payload has 28 bytes");
    assertEquals(List.of(2, 3, 5), matched(fw, "tcp attacker:1 > fw:22 in wan0",
        "filter:INPUT"), "a TCP packet without options has 40 bytes");
    Trace big = fw.send(spec(fw, "udp attacker:2 > fw:161 in wan0", p -> p.withLength(1500)));
    assertEquals(List.of(3, 5), matched(big, "filter:INPUT"));
  }

  // ---- tcp flags -----------------------------------------------------------------------------

  @Test
  void tcpFlagsOutsideTheMaskNeverMatchAndTheirNegationAlways() {
    Simulator fw = firewall("filter",
        "-A INPUT -p tcp -m tcp --tcp-flags SYN,ACK SYN,RST",
        "-A INPUT -p tcp -m tcp ! --tcp-flags SYN,ACK SYN,RST",
        "-A INPUT -p tcp -m tcp --tcp-flags NONE SYN",
        "-A INPUT -p tcp -m tcp --tcp-flags SYN,ACK SYN");
    // iptables-nft makes no test of an empty mask (nft list ruleset: meta l4proto tcp only), so
    // rule 3 matches every TCP packet there; the x_tables match of legacy never would.
    assertEquals(List.of(2, 3, 4), matched(fw, "tcp attacker:1 > fw:22 in wan0",
        "filter:INPUT"), "the kernel compares the flags under the mask with all of the second list");
  }

  // ---- ttl -----------------------------------------------------------------------------------

  @Test
  void ttlBelowLimitIsDropped() {
    Simulator fw = firewall("filter", "-A INPUT -m ttl --ttl-lt 5 -j DROP");
    assertEquals(Disposition.DROPPED, fw.send("udp attacker:1 > fw:161 in wan0 ttl 3")
        .disposition());
    assertEquals(Disposition.LOCAL, fw.send("udp attacker:1 > fw:161 in wan0 ttl 5")
        .disposition());
  }

  @Test
  void ttlComparesEqualNotEqualLessAndGreater() {
    Simulator fw = firewall("filter",
        "-A INPUT -m ttl --ttl-eq 3",
        "-A INPUT -m ttl ! --ttl-eq 3",
        "-A INPUT -m ttl --ttl-lt 3",
        "-A INPUT -m ttl --ttl-gt 3",
        "-A FORWARD -m ttl --ttl 3");
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > fw:161 in wan0 ttl 3",
        "filter:INPUT"));
    assertEquals(List.of(2, 3), matched(fw, "udp attacker:1 > fw:161 in wan0 ttl 2",
        "filter:INPUT"));
    assertEquals(List.of(2, 4), matched(fw, "udp attacker:1 > fw:161 in wan0 ttl 4",
        "filter:INPUT"));
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > pc1:53 in wan0 ttl 4",
        "filter:FORWARD"), "a forwarded packet lost one hop before FORWARD");
  }

  // ---- tos and dscp --------------------------------------------------------------------------

  @Test
  void tosMasksThePacketsTosButNotTheValue() {
    Simulator fw = firewall("mangle",
        "-A PREROUTING -m tos --tos Minimize-Delay",
        "-A PREROUTING -m tos --tos 0x10",
        "-A PREROUTING -m tos ! --tos 0x10/0x3f",
        "-A PREROUTING -m tos --tos 0x10/0x0f");
    String packet = "udp attacker:1 > fw:161 in wan0";
    assertEquals(List.of(1, 2), matched(fw.send(spec(fw, packet, p -> p.withTos(0x10))),
        "mangle:PREROUTING"));
    assertEquals(List.of(1), matched(fw.send(spec(fw, packet, p -> p.withTos(0x90))),
        "mangle:PREROUTING"), "Minimize-Delay compares the six TOS bits only");
    assertEquals(List.of(3), matched(fw, packet, "mangle:PREROUTING"));
  }

  @Test
  void dscpIsTheUpperSixBitsOfTheTosByte() {
    Simulator fw = firewall("mangle",
        "-A PREROUTING -m dscp --dscp-class EF",
        "-A PREROUTING -m dscp --dscp 0x2e",
        "-A PREROUTING -m dscp ! --dscp 0x2e",
        "-A PREROUTING -m dscp --dscp 0");
    String packet = "udp attacker:1 > fw:161 in wan0";
    assertEquals(List.of(1, 2), matched(fw.send(spec(fw, packet, p -> p.withTos(0xb8))),
        "mangle:PREROUTING"));
    assertEquals(List.of(1, 2), matched(fw.send(spec(fw, packet, p -> p.withTos(0xbb))),
        "mangle:PREROUTING"), "the ECN bits do not count");
    assertEquals(List.of(3, 4), matched(fw, packet, "mangle:PREROUTING"));
    assertEquals(List.of(3), matched(fw.send(spec(fw, packet, p -> p.withTos(0x10))),
        "mangle:PREROUTING"));
  }

  // ---- pkttype -------------------------------------------------------------------------------

  private static final String[] PKTTYPE_RULES = {
    "-A PREROUTING -m pkttype --pkt-type unicast",
    "-A PREROUTING -m pkttype --pkt-type broadcast",
    "-A PREROUTING -m pkttype --pkt-type multicast",
    "-A PREROUTING -m pkttype --pkt-type otherhost",
    "-A PREROUTING -m pkttype ! --pkt-type unicast",
  };

  @Test
  void pkttypeOfArrivingPacketsFollowsTheirDestination() {
    Simulator fw = firewall("raw", PKTTYPE_RULES);
    String chain = "raw:PREROUTING";
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > fw:161 in wan0", chain));
    assertEquals(List.of(2, 5), matched(fw, "udp pc1:137 > 10.0.0.255:137 in lan0", chain));
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > 10.0.0.255:137 in wan0", chain),
        "lan0's broadcast address is sent to the firewall's own MAC from wan0");
    assertEquals(List.of(2, 5), matched(fw, "udp pc1:68 > 255.255.255.255:67 in lan0", chain));
    assertEquals(List.of(3, 5), matched(fw, "udp pc1:5353 > 224.0.0.251:5353 in lan0", chain));
  }

  @Test
  void pkttypeOfPacketsTheFirewallSendsIsUnicastEvenToBroadcastAddresses() {
    Simulator fw = firewall("filter",
        "-A OUTPUT -m pkttype --pkt-type unicast",
        "-A OUTPUT -m pkttype --pkt-type broadcast");
    assertEquals(List.of(1), matched(fw, "udp fw.lan0:137 > 10.0.0.255:137 local",
        "filter:OUTPUT"));
  }

  // ---- owner ---------------------------------------------------------------------------------

  @Test
  void ownerTreatsTheFirewallsPacketsAsRoots() {
    Simulator fw = firewall("filter",
        "-A OUTPUT -m owner --uid-owner 0",
        "-A OUTPUT -m owner --uid-owner 1000",
        "-A OUTPUT -m owner ! --uid-owner 1000",
        "-A OUTPUT -m owner --socket-exists",
        "-A OUTPUT -m owner ! --socket-exists",
        "-A OUTPUT -m owner --gid-owner root --suppl-groups",
        "-A OUTPUT -m owner --uid-owner 0-999 --gid-owner 100");
    assertEquals(List.of(1, 3, 4, 6), matched(fw, "udp fw:40000 > attacker:53 local",
        "filter:OUTPUT"));
    Trace ssh = fw.send("tcp attacker:40001 > fw:22 in wan0");
    assertEquals(List.of(1, 3, 4, 6), matched(ssh.generated().get(0), "filter:OUTPUT"),
        "the firewall's SYN,ACK");
  }

  @Test
  void ownerOfForwardedPacketsMatchesOnlyWhenAllOptionsAreNegated() {
    Simulator fw = firewall("mangle",
        "-A POSTROUTING -m owner --socket-exists",
        "-A POSTROUTING -m owner ! --socket-exists",
        "-A POSTROUTING -m owner ! --uid-owner 1000",
        "-A POSTROUTING -m owner ! --uid-owner 1000 ! --gid-owner 1000",
        "-A POSTROUTING -m owner ! --gid-owner 1000 --suppl-groups",
        "-A POSTROUTING -m owner --uid-owner 0");
    assertEquals(List.of(2, 3, 4), matched(fw, "udp attacker:1 > pc1:53 in wan0",
        "mangle:POSTROUTING"));
    assertEquals(List.of(1, 3, 4, 5, 6), matched(fw, "udp fw:40000 > attacker:53 local",
        "mangle:POSTROUTING"));
  }
}

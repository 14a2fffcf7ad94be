package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.packetpath.engine.sim.MatchTesting.firewall;
import static org.packetpath.engine.sim.MatchTesting.matched;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Disposition;

/**
 * The stateful and special matches through a real simulator: set and rpfilter as the kernel
 * evaluates them, and the fixed treatment of those the parser warns are not simulated (recent,
 * hashlimit, statistic, physdev, policy).
 */
class AdvancedMatchersTest {
  /** A router without a default route, with a /31 link and a hash:net set. */
  static final String ROUTER = """
      firewall: gw
      interfaces:
        - {name: eth0, address: 192.0.2.1/24}
        - {name: eth1, address: 10.1.0.1/24}
        - {name: p2p0, address: 100.64.0.0/31}
      routes:
        - {to: 10.2.0.0/16, via: 10.1.0.254}
      sysctls: {ip_forward: 1}
      services: [53/udp]
      sets:
        branches: {type: hash:net, members: [10.2.0.0/16, 198.51.100.0/24]}
      """;

  static Topology router() {
    return TopologyParser.parse("router.yaml", ROUTER).value().orElseThrow();
  }

  // ---- recent --------------------------------------------------------------------------------

  @Test
  void recentSetAlwaysMatchesAndLookupsNeverFindAnEntry() {
    Simulator fw = firewall("filter",
        "-A INPUT -m recent --set",
        "-A INPUT -m recent ! --set",
        "-A INPUT -m recent --rcheck --seconds 60 --hitcount 2",
        "-A INPUT -m recent ! --rcheck",
        "-A INPUT -m recent --update --name ssh --rdest",
        "-A INPUT -m recent ! --update --seconds 60",
        "-A INPUT -m recent --remove",
        "-A INPUT -m recent ! --remove");
    for (int packet = 1; packet <= 3; packet++) {
      assertEquals(List.of(1, 4, 6, 8), matched(fw, "udp attacker:1 > fw:161 in wan0",
          "filter:INPUT"), "packet " + packet);
    }
  }

  @Test
  void recentBruteForceGuardNeverTrips() {
    Simulator fw = firewall("filter",
        "-A INPUT -p tcp --dport 22 -m recent --update --seconds 60 --hitcount 4 -j DROP",
        "-A INPUT -p tcp --dport 22 -m recent --set");
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertEquals(Disposition.LOCAL,
          fw.send("tcp attacker:" + (40000 + attempt) + " > fw:22 in wan0").disposition());
    }
  }

  // ---- hashlimit -----------------------------------------------------------------------------

  @Test
  void hashlimitFlowsAreAlwaysUnderTheirLimit() {
    Simulator fw = firewall("filter",
        "-A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name a",
        "-A INPUT -m hashlimit --hashlimit-above 1/sec --hashlimit-name b",
        "-A INPUT -m hashlimit ! --hashlimit-upto 1/sec --hashlimit-name c",
        "-A INPUT -m hashlimit ! --hashlimit-above 1/sec --hashlimit-mode srcip"
            + " --hashlimit-name d",
        "-A INPUT -m hashlimit --hashlimit-above 1kb/s --hashlimit-burst 1mb --hashlimit-name e");
    for (int packet = 1; packet <= 10; packet++) {
      assertEquals(List.of(1, 4), matched(fw, "udp attacker:1 > fw:161 in wan0",
          "filter:INPUT"), "packet " + packet);
    }
  }

  // ---- set -----------------------------------------------------------------------------------

  @Test
  void setLooksUpTheAddressTheFirstFlagNames() {
    Simulator fw = firewall("filter",
        "-A INPUT -m set --match-set blocklist src",
        "-A INPUT -m set ! --match-set blocklist src",
        "-A INPUT -m set --match-set blocklist dst",
        "-A INPUT -m set --match-set blocklist src,dst",
        "-A INPUT -m set --match-set blocklist dst,src",
        "-A INPUT -m set --match-set blocklist src --packets-gt 100 --bytes-lt 1",
        "-A INPUT -m set --match-set blocklist src --return-nomatch ! --update-counters",
        "-A OUTPUT -m set --match-set blocklist dst");
    assertEquals(List.of(1, 4, 6, 7), matched(fw, "udp attacker:1 > fw:161 in wan0",
        "filter:INPUT"), "sets without counters ignore the counter conditions");
    assertEquals(List.of(2), matched(fw, "udp internet:1 > fw:161 in wan0", "filter:INPUT"));
    assertEquals(List.of(2), matched(fw, "udp 192.0.2.67:1 > fw:161 in wan0", "filter:INPUT"));
    assertEquals(List.of(1), matched(fw, "udp fw:53 > attacker:53 local", "filter:OUTPUT"));
  }

  @Test
  void setOfNetworksAndSetsTheTopologyLacks() {
    Simulator fw = firewall(router(), "filter",
        "-A FORWARD -m set --match-set branches dst",
        "-A FORWARD -m set --match-set nosuch dst",
        "-A FORWARD -m set ! --match-set nosuch dst");
    assertEquals(List.of(1, 3), matched(fw, "udp 192.0.2.9:1 > 10.2.33.4:53 in eth0",
        "filter:FORWARD"));
    assertEquals(List.of(3), matched(fw, "udp 192.0.2.9:1 > 10.1.0.9:53 in eth0",
        "filter:FORWARD"));
  }

  @Test
  void setDropsTheBlocklist() {
    Simulator fw = firewall("filter", "-A INPUT -m set --match-set blocklist src -j DROP");
    assertEquals(Disposition.DROPPED, fw.send("tcp 192.0.2.99:1 > fw:22 in wan0").disposition());
    assertEquals(Disposition.LOCAL, fw.send("tcp office:1 > fw:22 in wan0").disposition());
  }

  // ---- statistic -----------------------------------------------------------------------------

  @Test
  void statisticNthCountsThePacketsReachingIt() {
    Simulator fw = firewall("filter",
        "-A INPUT -m statistic --mode nth --every 3 --packet 0",
        "-A INPUT -m statistic --mode nth --every 3 --packet 2",
        "-A INPUT -m statistic --mode nth ! --every 3 --packet 1",
        "-A INPUT -p tcp -m statistic --mode nth --every 2 --packet 0");
    List<List<Integer>> seen = new ArrayList<>();
    for (int packet = 1; packet <= 7; packet++) {
      seen.add(matched(fw, "udp attacker:1 > fw:161 in wan0", "filter:INPUT"));
    }
    assertEquals(List.of(List.of(1, 3), List.of(), List.of(2, 3), List.of(1, 3), List.of(),
        List.of(2, 3), List.of(1, 3)), seen);
    assertEquals(List.of(4), matched(fw, "tcp attacker:1 > fw:22 in wan0", "filter:INPUT"),
        "packet 8 for rules 1 to 3, but the first TCP packet to reach rule 4");
    assertEquals(List.of(2, 3), matched(fw, "tcp attacker:2 > fw:22 in wan0", "filter:INPUT"));
  }

  @Test
  void statisticRandomTakesItsLikelierOutcome() {
    Simulator fw = firewall("filter",
        "-A INPUT -m statistic --mode random --probability 0.5",
        "-A INPUT -m statistic --mode random --probability 0.49",
        "-A INPUT -m statistic --mode random ! --probability 0.7",
        "-A INPUT -m statistic --mode random ! --probability 0.2");
    for (int packet = 1; packet <= 3; packet++) {
      assertEquals(List.of(1, 4), matched(fw, "udp attacker:1 > fw:161 in wan0",
          "filter:INPUT"));
    }
  }

  // ---- physdev and policy --------------------------------------------------------------------

  @Test
  void physdevMatchesOnlyWhenEveryOptionIsNegated() {
    Simulator fw = firewall("filter",
        "-A FORWARD -m physdev --physdev-is-bridged",
        "-A FORWARD -m physdev ! --physdev-is-bridged",
        "-A FORWARD -m physdev ! --physdev-in eth0 ! --physdev-is-in",
        "-A FORWARD -m physdev ! --physdev-in eth0 --physdev-is-out",
        "-A FORWARD -m physdev --physdev-in eth0",
        "-A FORWARD -m physdev ! --physdev-out eth1");
    assertEquals(List.of(2, 3, 6), matched(fw, "udp attacker:1 > pc1:53 in wan0",
        "filter:FORWARD"));
  }

  @Test
  void policyNoneMatchesAndIpsecNever() {
    Simulator fw = firewall("filter",
        "-A INPUT -m policy --dir in --pol none",
        "-A INPUT -m policy --dir in --pol ipsec",
        "-A INPUT -m policy --dir in --pol ipsec --strict --proto esp --mode tunnel"
            + " --tunnel-src 192.0.2.0/24",
        "-A OUTPUT -m policy --dir out --pol none",
        "-A OUTPUT -m policy --dir out --pol ipsec");
    assertEquals(List.of(1), matched(fw, "udp attacker:1 > fw:161 in wan0", "filter:INPUT"));
    assertEquals(List.of(1), matched(fw, "udp fw:1 > attacker:53 local", "filter:OUTPUT"));
  }

  // ---- rpfilter ------------------------------------------------------------------------------

  private static final String[] RPFILTER_RULES = {
    "-A PREROUTING -m rpfilter",
    "-A PREROUTING -m rpfilter --loose",
    "-A PREROUTING -m rpfilter --accept-local",
    "-A PREROUTING -m rpfilter --accept-local --loose",
    "-A PREROUTING -m rpfilter --invert",
    "-A PREROUTING -m rpfilter --validmark",
  };

  @Test
  void rpfilterChecksTheRouteBackToTheSource() {
    Simulator fw = firewall("raw", RPFILTER_RULES);
    String chain = "raw:PREROUTING";
    assertEquals(List.of(1, 2, 3, 4, 6), matched(fw, "udp attacker:1 > fw:161 in wan0", chain));
    assertEquals(List.of(2, 4, 5), matched(fw, "udp pc1:1 > fw:161 in wan0", chain),
        "pc1's address comes back through lan0: only the loose check passes");
    assertEquals(List.of(4, 5), matched(fw, "udp fw.lan0:1 > fw:161 in wan0", chain),
        "lan0's own address is local, and on lan0");
    assertEquals(List.of(3, 4, 5), matched(fw, "udp fw.wan0:1 > fw:161 in wan0", chain));
    assertEquals(List.of(4, 5), matched(fw, "udp 127.0.0.1:1 > fw:161 in wan0", chain));
    assertEquals(List.of(5), matched(fw, "udp 203.0.113.255:1 > fw:161 in wan0", chain),
        "a broadcast source never passes");
    assertEquals(List.of(1, 2, 3, 4, 6), matched(fw, "udp 0.0.0.0:68 > 255.255.255.255:67 in lan0",
        chain), "DHCP discovery passes");
    assertEquals(List.of(1, 2, 3, 4, 6), matched(fw, "udp fw:40000 > fw:161 local", chain),
        "packets on lo pass");
  }

  @Test
  void rpfilterFailsSourcesWithoutARoute() {
    Simulator fw = firewall(router(), "raw", RPFILTER_RULES);
    assertEquals(List.of(5), matched(fw, "udp 8.8.8.8:1 > 192.0.2.1:53 in eth0",
        "raw:PREROUTING"));
    assertEquals(List.of(1, 2, 3, 4, 6), matched(fw, "udp 10.2.0.9:1 > 192.0.2.1:53 in eth1",
        "raw:PREROUTING"), "10.2.0.0/16 is routed through eth1");
  }

  @Test
  void rpfilterInvertDropsSpoofedPackets() {
    Simulator fw = firewall("raw", "-A PREROUTING -m rpfilter --invert -j DROP");
    assertEquals(Disposition.DROPPED, fw.send("tcp pc1:1 > fw:22 in wan0").disposition());
    assertEquals(Disposition.LOCAL, fw.send("tcp attacker:1 > fw:22 in wan0").disposition());
  }
}

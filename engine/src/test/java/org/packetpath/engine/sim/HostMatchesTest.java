package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.packetpath.engine.sim.MatchTesting.firewall;
import static org.packetpath.engine.sim.MatchTesting.matched;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Condition;

/** The host matches the simulator decides from what it models: helper, devgroup, realm, cluster. */
class HostMatchesTest {
  private static final String IN = "udp attacker:1 > fw:161 in wan0";

  @Test
  void noConnectionHasAHelperSoOnlyNegatedHelperMatchesAndConntrackRuns() {
    Simulator fw = firewall("filter", "-A INPUT -m helper --helper ftp",
        "-A INPUT -m helper ! --helper ftp", "-A INPUT -m helper --helper \"\"");
    assertEquals(List.of(2), matched(fw, IN, "filter:INPUT"));
    assertTrue(fw.conntrackActive(), "xt_helper makes the kernel track connections");
  }

  @Test
  void everyInterfaceIsInTheDefaultGroup() {
    Simulator fw = firewall("filter", "-A FORWARD -m devgroup --src-group default",
        "-A FORWARD -m devgroup --src-group 1", "-A FORWARD -m devgroup ! --dst-group 1",
        "-A FORWARD -m devgroup --src-group 0x10/0xf", "-A FORWARD -m devgroup --dst-group 0/0");
    assertEquals(List.of(1, 3, 4, 5), matched(fw, "udp attacker:1 > pc1:53 in wan0",
        "filter:FORWARD"));
  }

  @Test
  void everyRouteIsInRealmZero() {
    Simulator fw = firewall("filter", "-A INPUT -m realm --realm cosmos",
        "-A INPUT -m realm --realm 1", "-A INPUT -m realm ! --realm 1",
        "-A INPUT -m realm --realm 0x10/0xf");
    assertEquals(List.of(1, 3), matched(fw, IN, "filter:INPUT"));
  }

  /**
   * Kernel 6.18: one UDP packet sent from each source, counted by one rule per node with
   * {@code --cluster-local-node N}; the node whose rule counted it, for each seed and size.
   */
  @Test
  void clusterHashesTheSourceAsTheKernelDid() {
    int[] sources = {0x7f000001, Ipv4.parse("10.0.1.2").orElseThrow(),
        Ipv4.parse("203.0.113.77").orElseThrow()};
    long[] seeds = {0, 1, 0xdeadbeefL};
    int[][] nodes = {{13, 3, 23, 5, 5, 1}, {19, 5, 30, 7, 23, 5}, {8, 2, 28, 6, 7, 2}};
    for (int s = 0; s < sources.length; s++) {
      for (int k = 0; k < seeds.length; k++) {
        int[] totals = {32, 7};
        for (int t = 0; t < totals.length; t++) {
          int node = nodes[s][k * 2 + t];
          for (int n = 1; n <= totals[t]; n++) {
            boolean mine = StandIns.clusterNode(
                new Condition.ClusterNode(totals[t], 1L << (n - 1), seeds[k]), sources[s]);
            assertEquals(n == node, mine, Ipv4.format(sources[s]) + " seed " + seeds[k]
                + " of " + totals[t] + ", node " + n);
          }
        }
      }
    }
  }

  @Test
  void clusterNeedsAConnectionAndInvertsWithBang() {
    String packet = "udp 203.0.113.77:1 > fw:161 in wan0";
    Simulator fw = firewall("filter",
        "-A INPUT -m cluster --cluster-total-nodes 32 --cluster-local-node 8"
            + " --cluster-hash-seed 0",
        "-A INPUT -m cluster --cluster-total-nodes 7 ! --cluster-local-node 2"
            + " --cluster-hash-seed 0xdeadbeef",
        "-A INPUT -m cluster --cluster-total-nodes 7 --cluster-local-nodemask 0x1d"
            + " --cluster-hash-seed 0xdeadbeef");
    assertEquals(List.of(1), matched(fw, packet, "filter:INPUT"));
    assertTrue(fw.conntrackActive());
    Simulator raw = firewall("raw", "-A PREROUTING -m cluster --cluster-total-nodes 1"
        + " --cluster-local-node 1 --cluster-hash-seed 0");
    assertEquals(List.of(), matched(raw, packet, "raw:PREROUTING"),
        "in the raw table there is no connection yet");
  }
}

package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.packetpath.engine.sim.MatchTesting.firewall;
import static org.packetpath.engine.sim.MatchTesting.matched;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * connlimit, connbytes and quota counted as the kernel counts them. Each case repeats a run on
 * kernel 6.18 (iptables-nft; the rules' counters after the same packets, sent from one host with
 * Python sockets through a veth pair), with 38-byte UDP packets (10 bytes of payload).
 */
class StatefulMatchesTest {
  private static List<Integer> send(Simulator fw, String packet) {
    return matched(fw.send(MatchTesting.spec(fw, packet, p -> p.withLength(38))),
        "filter:INPUT");
  }

  /** Sends {@code expected.size()} packets of one flow; packet i matches {@code expected[i]}. */
  private static void assertFlow(Simulator fw, List<List<Integer>> expected) {
    for (int packet = 0; packet < expected.size(); packet++) {
      assertEquals(expected.get(packet), send(fw, udp(40000)), "packet " + packet);
    }
  }

  private static String udp(int sourcePort) {
    return "udp attacker:" + sourcePort + " > fw:9999 in wan0";
  }

  /**
   * Kernel: 5 packets of one flow, 5 of a second, then 4 flows of one packet each; the counters
   * were {@code [0:0]} above 2 and {@code [10:380]} up to 2 after the first 10 packets, then
   * {@code [4:152]} and {@code [10:380]}.
   */
  @Test
  void connlimitCountsEachDistinctConnectionOfTheSourceOnce() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m conntrack --ctstate NEW,ESTABLISHED",
        "-A INPUT -p udp -m connlimit --connlimit-above 2",
        "-A INPUT -p udp -m connlimit --connlimit-upto 2");
    for (int packet = 0; packet < 10; packet++) {
      assertEquals(List.of(1, 3), send(fw, udp(packet < 5 ? 40000 : 41000)), "packet " + packet);
    }
    for (int flow = 0; flow < 4; flow++) {
      assertEquals(List.of(1, 2), send(fw, udp(42000 + flow)), "flow " + flow);
    }
  }

  @Test
  void connlimitGroupsByTheMaskedAddressOfTheChosenSide() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m connlimit --connlimit-above 1 --connlimit-mask 24",
        "-A INPUT -p udp -m connlimit --connlimit-above 1 --connlimit-daddr");
    assertEquals(List.of(), send(fw, "udp 192.0.2.66:1 > fw:9999 in wan0"));
    // another host of 192.0.2.0/24: a second connection of the /24, and to the firewall
    assertEquals(List.of(1, 2), send(fw, "udp 192.0.2.77:1 > fw:9999 in wan0"));
    // another network: the first connection of its /24, the third to the firewall
    assertEquals(List.of(2), send(fw, "udp 198.51.100.7:1 > fw:9999 in wan0"));
  }

  @Test
  void connlimitForgetsConnectionsThatWereNeverConfirmed() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m connlimit --connlimit-above 1",
        "-A INPUT -p udp --dport 7 -j DROP");
    send(fw, "udp attacker:1 > fw:7 in wan0"); // dropped: its entry is discarded
    assertEquals(List.of(), send(fw, udp(2)));
    assertEquals(List.of(1), send(fw, udp(3)));
  }

  /**
   * Kernel, 5 packets of one flow: {@code [2:76]} packets 2:3 original, {@code [4:152]} 76 bytes
   * and more in both directions, {@code [5:190]} an average of exactly 38 ({@code ! 38:38} means
   * the same), {@code [0:0]} one reply packet or more, {@code [5:190]} an average of 0 in reply.
   */
  @Test
  void connbytesReadsTheConnectionsCountersWithThisPacketCounted() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m connbytes --connbytes 2:3 --connbytes-dir original"
            + " --connbytes-mode packets",
        "-A INPUT -p udp -m connbytes --connbytes 76 --connbytes-dir both --connbytes-mode bytes",
        "-A INPUT -p udp -m connbytes ! --connbytes 38:38 --connbytes-dir original"
            + " --connbytes-mode avgpkt",
        "-A INPUT -p udp -m connbytes --connbytes 1 --connbytes-dir reply"
            + " --connbytes-mode packets",
        "-A INPUT -p udp -m connbytes --connbytes 0:0 --connbytes-dir reply"
            + " --connbytes-mode avgpkt");
    assertFlow(fw, List.of(List.of(3, 5), List.of(1, 2, 3, 5), List.of(1, 2, 3, 5),
        List.of(2, 3, 5), List.of(2, 3, 5)));
  }

  @Test
  void connbytesInvertedRangeMatchesOutsideIt() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m connbytes ! --connbytes 2:3 --connbytes-dir original"
            + " --connbytes-mode packets");
    assertFlow(fw, List.of(List.of(1), List.of(), List.of(), List.of(1)));
  }

  @Test
  void connbytesCountsRepliesInTheirOwnDirection() {
    Simulator fw = firewall("filter",
        "-A OUTPUT -p udp -m connbytes --connbytes 1 --connbytes-dir reply"
            + " --connbytes-mode packets",
        "-A OUTPUT -p udp -m connbytes --connbytes 2 --connbytes-dir both"
            + " --connbytes-mode packets");
    fw.send("udp attacker:5000 > fw:53 in wan0");
    assertEquals(List.of(1, 2), matched(fw.send("udp fw:53 > attacker:5000 local"),
        "filter:OUTPUT"));
  }

  /** Kernel, 5 packets of 38 bytes through quota 100: {@code [2:76]}, and {@code [3:114]} with !. */
  @Test
  void quotaMatchesWhileThePacketsFitAndNeverAfter() {
    Simulator fw = firewall("filter",
        "-A INPUT -p udp -m quota --quota 100",
        "-A INPUT -p udp -m quota ! --quota 100");
    assertFlow(fw, List.of(List.of(1), List.of(1), List.of(2), List.of(2), List.of(2)));
    // "we do not allow even small packets from now on": a 20-byte packet would fit in 24 bytes
    assertEquals(List.of(2), matched(fw.send(MatchTesting.spec(fw, udp(1), p -> p.withLength(28))),
        "filter:INPUT"));
  }
}

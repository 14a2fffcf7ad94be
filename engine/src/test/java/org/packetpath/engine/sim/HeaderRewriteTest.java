package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.packetpath.engine.sim.MatchTesting.matched;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/**
 * The TTL, TOS, DSCP and ECN targets rewrite the packet, so later rules, later hooks and the
 * packet that leaves see the new value; CHECKSUM, TCPOPTSTRIP, CLASSIFY and ECN's TCP bits
 * change nothing the simulator models, and every one of them lets the walk go on.
 */
class HeaderRewriteTest {
  private static final String IN = "udp attacker:1 > fw:161 in wan0";

  @Test
  void aLaterRuleSeesTheTtlTheTtlTargetSet() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A PREROUTING -m ttl --ttl-eq 5",
        "-A PREROUTING -j TTL --ttl-set 5",
        "-A PREROUTING -m ttl --ttl-eq 5",
        "-A INPUT -m ttl --ttl-eq 5");
    Trace t = fw.send(IN);
    assertEquals(List.of(2, 3), matched(t, "mangle:PREROUTING"));
    assertEquals(List.of(1), matched(t, "mangle:INPUT"), "the next hook sees it too");
  }

  @Test
  void ttlDecAndIncStopAtZeroAnd255() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A PREROUTING -p udp --dport 161 -j TTL --ttl-inc 200",
        "-A PREROUTING -p udp --dport 162 -j TTL --ttl-dec 100",
        "-A PREROUTING -p udp --dport 163 -j TTL --ttl-dec 4",
        "-A PREROUTING -m ttl --ttl-eq 255",
        "-A PREROUTING -m ttl --ttl-eq 0",
        "-A PREROUTING -m ttl --ttl-eq 60");
    assertEquals(List.of(1, 4), matched(fw, IN, "mangle:PREROUTING"));
    assertEquals(List.of(2, 5), matched(fw, "udp attacker:1 > fw:162 in wan0",
        "mangle:PREROUTING"));
    assertEquals(List.of(3, 6), matched(fw, "udp attacker:1 > fw:163 in wan0",
        "mangle:PREROUTING"));
  }

  @Test
  void routingDecrementsTheRewrittenTtlAndATtlTargetInForwardCanUndoIt() {
    Simulator set = MatchTesting.firewall("mangle", "-A PREROUTING -j TTL --ttl-set 10");
    assertEquals(9, set.send("tcp pc1:1 > internet:80 in lan0").finalPacket().orElseThrow()
        .ttl());
    Simulator expire = MatchTesting.firewall("mangle", "-A PREROUTING -j TTL --ttl-set 1");
    Trace expired = expire.send("tcp pc1:1 > internet:80 in lan0");
    assertEquals(Disposition.ROUTING_DROP, expired.disposition());
    assertTrue(expired.generated().get(0).packet().packet().toString()
        .contains("icmp ttl-zero-during-transit"));
    Simulator hide = MatchTesting.firewall("mangle", "-A FORWARD -j TTL --ttl-inc 1");
    assertEquals(64, hide.send("tcp pc1:1 > internet:80 in lan0").finalPacket().orElseThrow()
        .ttl());
  }

  @Test
  void tosDscpAndEcnRewriteTheirBitsOfTheTosByte() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A PREROUTING -p udp --dport 161 -j TOS --set-tos Minimize-Delay",
        "-A PREROUTING -p udp --dport 162 -j DSCP --set-dscp-class EF",
        "-A PREROUTING -p udp --dport 163 -j ECN --ecn-ip-ect 1",
        "-A PREROUTING -p udp --dport 164 -j TOS --xor-tos 0xff",
        "-A PREROUTING -m tos --tos 0xd0",
        "-A PREROUTING -m dscp --dscp 0x2e -m tos --tos 0x03/0x03",
        "-A PREROUTING -m tos --tos 0xe1",
        "-A PREROUTING -m tos --tos 0x1c");
    // TOS 0xe3: precedence 7, ECN CE; a TOS name keeps the precedence's top two bits
    assertEquals(List.of(1, 5), matched(fw.send(MatchTesting.spec(fw, IN, p -> p.withTos(0xe3))),
        "mangle:PREROUTING"));
    assertEquals(List.of(2, 6), matched(fw.send(MatchTesting.spec(fw,
        "udp attacker:1 > fw:162 in wan0", p -> p.withTos(0xe3))), "mangle:PREROUTING"));
    assertEquals(List.of(3, 7), matched(fw.send(MatchTesting.spec(fw,
        "udp attacker:1 > fw:163 in wan0", p -> p.withTos(0xe3))), "mangle:PREROUTING"));
    assertEquals(List.of(4, 8), matched(fw.send(MatchTesting.spec(fw,
        "udp attacker:1 > fw:164 in wan0", p -> p.withTos(0xe3))), "mangle:PREROUTING"));
  }

  /** The kernel (6.18, nft and legacy) counted one hit on every rule of this chain. */
  @Test
  void aChainOfRewritesEndsWhereTheKernelsDid() {
    String udp = "-A OUTPUT -p udp --dport 9 ";
    Simulator fw = MatchTesting.firewall("mangle",
        udp + "-j TTL --ttl-inc 200", udp + "-m ttl --ttl-eq 255",
        udp + "-j TTL --ttl-dec 250", udp + "-m ttl --ttl-eq 5",
        udp + "-j TTL --ttl-dec 100", udp + "-m ttl --ttl-eq 0",
        udp + "-j TTL --ttl-set 9", udp + "-m tos --tos 0xe3/0xff",
        udp + "-j TOS --set-tos Minimize-Delay", udp + "-m tos --tos 0xd0/0xff",
        udp + "-j DSCP --set-dscp-class EF", udp + "-m tos --tos 0xb8/0xff",
        udp + "-j ECN --ecn-ip-ect 1", udp + "-m tos --tos 0xb9/0xff",
        udp + "-j TOS --xor-tos 0xff", udp + "-m tos --tos 0x46/0xff",
        "-A POSTROUTING -p udp --dport 9 -m ttl --ttl-eq 9",
        "-A INPUT -p udp --dport 9 -m ttl --ttl-eq 9",
        "-A INPUT -p udp --dport 9 -m tos --tos 0x46/0xff");
    Trace t = fw.send(MatchTesting.spec(fw, "udp fw:40000 > 127.0.0.1:9 local",
        p -> p.withTos(0xe3)));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
        matched(t, "mangle:OUTPUT"));
    assertEquals(List.of(1), matched(t, "mangle:POSTROUTING"));
    assertEquals(List.of(1, 2), matched(t, "mangle:INPUT"));
  }

  @Test
  void theRewrittenTosLeavesWithThePacket() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A POSTROUTING -o wan0 -j DSCP --set-dscp 0x0a");
    assertEquals(0x28, fw.send("tcp pc1:1 > internet:80 in lan0").finalPacket().orElseThrow()
        .tos());
  }

  @Test
  void aTosChangeInMangleOutputReroutesThePacket() {
    Simulator changes = MatchTesting.firewall("mangle", "-A OUTPUT -j TOS --set-tos 0x10");
    assertTrue(rerouted(changes.send("tcp fw:40000 > internet:80 local")));
    Simulator same = MatchTesting.firewall("mangle", "-A OUTPUT -j TOS --set-tos 0x00");
    assertEquals(false, rerouted(same.send("tcp fw:40000 > internet:80 local")),
        "the kernel re-routes only when the TOS changed");
  }

  private static boolean rerouted(Trace t) {
    return t.steps().stream()
        .anyMatch(s -> s instanceof Step.Routed r && r.place() == Place.REROUTE);
  }

  @Test
  void checksumTcpoptstripClassifyAndEcnTcpBitsChangeNothingAndTheWalkGoesOn() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A POSTROUTING -p udp -j CHECKSUM --checksum-fill",
        "-A POSTROUTING -p tcp -j TCPOPTSTRIP --strip-options mss,timestamp",
        "-A POSTROUTING -j CLASSIFY --set-class 1:10",
        "-A POSTROUTING -p tcp -j ECN --ecn-tcp-remove",
        "-A POSTROUTING -j DROP");
    Trace t = fw.send("tcp pc1:1 > internet:80 in lan0");
    assertEquals(List.of(2, 3, 4, 5), matched(t, "mangle:POSTROUTING"));
    assertEquals(Disposition.DROPPED, t.disposition());
    Simulator passes = MatchTesting.firewall("mangle",
        "-A POSTROUTING -p udp -j CHECKSUM --checksum-fill",
        "-A POSTROUTING -j CLASSIFY --set-class 1:10");
    PacketSpec packet = MatchTesting.spec(passes, "udp pc1:1 > internet:53 in lan0", p -> p);
    Trace sent = passes.send(packet);
    assertEquals(Disposition.FORWARDED, sent.disposition());
    assertEquals(packet.packet().withTtl(63), sent.finalPacket().orElseThrow(),
        "only routing changed the packet");
  }

  /** As the kernel answered UDP to a closed port on lo, sent with TOS 0x00, 0x03, 0xb8, 0xff. */
  @Test
  void icmpErrorsKeepFourTosBitsUnderTheInternetControlPrecedence() {
    Simulator fw = MatchTesting.firewall("filter");
    int[][] sentAnswered = {{0x00, 0xc0}, {0x03, 0xc2}, {0xb8, 0xd8}, {0xff, 0xde}};
    for (int[] c : sentAnswered) {
      Trace t = fw.send(MatchTesting.spec(fw, "udp attacker:1 > fw:9 in wan0",
          p -> p.withTos(c[0])));
      assertEquals(c[1], t.generated().get(0).packet().packet().tos(), "sent " + c[0]);
    }
  }
}

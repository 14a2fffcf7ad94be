package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;

/**
 * Packets of protocols other than TCP, UDP and ICMP: matched by {@code -p}, tracked as the
 * kernel's trackers do, translated and answered as the kernel does (all checked on 6.18).
 */
class OtherProtocolsTest {
  private static final String TRACKING = """
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      -A FORWARD -p sctp -j DROP
      -A FORWARD -m conntrack --ctstate INVALID
      COMMIT
      """;

  @Test
  void theProtocolMatchSeesTheProtocolOfThePacket() {
    Simulator fw = Firewalls.with(TRACKING);
    Trace sctp = fw.send("sctp internet:5000 > pc1:80 in wan0");
    assertEquals(Disposition.DROPPED, sctp.disposition());
    assertEquals("sctp 192.0.2.10:5000 > 10.0.0.2:80", sctp.packet().packet().toString());
    assertEquals(Disposition.FORWARDED, fw.send("udp internet:5000 > pc1:80 in wan0")
        .disposition(), "-p sctp does not match UDP");
    assertEquals(Disposition.DROPPED, fw.send("132 internet:5000 > pc1:80 in wan0")
        .disposition(), "132 is sctp");
  }

  @Test
  void theGenericTrackerPairsPacketsByTheirAddresses() {
    Simulator fw = Firewalls.with(TRACKING.replace("-A FORWARD -p sctp -j DROP\n", ""));
    assertEquals(CtState.NEW, fw.send("dccp internet:5000 > pc1:80 in wan0").ctState());
    assertEquals(CtState.ESTABLISHED, fw.send("dccp pc1:9 > internet:7 in lan0").ctState(),
        "DCCP has no tracker of its own since 6.16: its ports are not in the tuple");
    assertEquals(CtState.NEW, fw.send("esp internet > pc1 in wan0").ctState());
    assertEquals(CtState.ESTABLISHED, fw.send("esp pc1 > internet in lan0").ctState());
    assertEquals(List.of(
        "dccp src=192.0.2.10 dst=10.0.0.2 sport=0 dport=0 src=10.0.0.2 dst=192.0.2.10 sport=0"
            + " dport=0",
        "unknown src=192.0.2.10 dst=10.0.0.2 src=10.0.0.2 dst=192.0.2.10"), fw.connections());
  }

  @Test
  void udpLiteIsTrackedWithPortsAndGreIsAssuredAfterItsReply() {
    Simulator fw = Firewalls.with(TRACKING.replace("-A FORWARD -p sctp -j DROP\n", ""));
    fw.send("udplite internet:5000 > pc1:80 in wan0");
    assertEquals(CtState.NEW, fw.send("udplite internet:5001 > pc1:80 in wan0").ctState());
    fw.send("gre internet > pc1 in wan0");
    fw.send("gre pc1 > internet in lan0");
    fw.send("gre internet > pc1 in wan0");
    assertEquals(List.of(
        "udplite src=192.0.2.10 dst=10.0.0.2 sport=5000 dport=80 src=10.0.0.2 dst=192.0.2.10"
            + " sport=80 dport=5000 [UNREPLIED]",
        "udplite src=192.0.2.10 dst=10.0.0.2 sport=5001 dport=80 src=10.0.0.2 dst=192.0.2.10"
            + " sport=80 dport=5001 [UNREPLIED]",
        "gre src=192.0.2.10 dst=10.0.0.2 src=10.0.0.2 dst=192.0.2.10 [ASSURED]"),
        fw.connections());
  }

  @Test
  void sctpWithoutChunksIsInvalid() {
    Simulator fw = Firewalls.with(TRACKING.replace("-A FORWARD -p sctp -j DROP\n", ""));
    assertEquals(CtState.INVALID, fw.send("sctp internet:5000 > pc1:80 in wan0").ctState());
    assertEquals(List.of(), fw.connections());
  }

  @Test
  void masqueradeKeepsThePortsTheTrackerDoesNotSee() {
    Simulator fw = Firewalls.with("""
        *nat
        -A POSTROUTING -o wan0 -j MASQUERADE
        COMMIT
        """);
    Trace dccp = fw.send("dccp pc1:5000 > internet:80 in lan0");
    assertEquals("dccp 203.0.113.1:5000 > 192.0.2.10:80", dccp.finalPacket().orElseThrow()
        .toString());
    Trace back = fw.send("dccp internet:80 > fw:5000 in wan0");
    assertEquals(Optional.of("lan0"), back.out());
  }

  @Test
  void theFirewallAnswersProtocolsItDoesNotSpeak() {
    Simulator fw = Firewalls.with("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
    assertEquals("icmp 203.0.113.1 > 192.0.2.10 icmp protocol-unreachable about esp 192.0.2.10"
        + " > 203.0.113.1", answer(fw.send("esp internet > fw in wan0")));
    assertEquals("icmp 203.0.113.1 > 192.0.2.10 icmp protocol-unreachable about sctp"
        + " 192.0.2.10:1 > 203.0.113.1:80", answer(fw.send("sctp internet:1 > fw:80 in wan0")));
    assertEquals("icmp 203.0.113.1 > 192.0.2.10 icmp port-unreachable about udplite"
        + " 192.0.2.10:1 > 203.0.113.1:161", answer(fw.send("udplite internet:1 > fw:161 in wan0")),
        "the UDP service does not take UDP-Lite");
    assertEquals(List.of(), fw.send("igmp internet > fw in wan0").generated());
  }

  private static String answer(Trace t) {
    return t.generated().get(0).packet().packet().toString();
  }
}

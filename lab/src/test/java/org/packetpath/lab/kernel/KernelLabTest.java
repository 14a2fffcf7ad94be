package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;

/**
 * The kernel lab on the real kernel, with the documented example topology. Skipped, with the
 * reason, where the kernel cannot be used (not root, programs missing); on CI ({@code CI=true})
 * that is a failure instead.
 */
public class KernelLabTest {
  static final Topology TOPOLOGY =
      TopologyParser.parse("example.yaml", TopologyParser.exampleText()).orThrow();

  private static final String NAT_RULES = """
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A POSTROUTING -o wan0 -j MASQUERADE
      COMMIT
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan0 -o wan0 -j ACCEPT
      COMMIT
      """;

  private static KernelLab lab;
  private static boolean skipSaid;

  @BeforeAll
  static void kernel() {
    requireKernel(Backend.NFT);
    lab = KernelLab.start(TOPOLOGY, Backend.NFT);
  }

  /** Skips (one line saying why) where the kernel cannot be used; fails instead on CI. */
  public static void requireKernel(Backend backend) {
    Optional<String> why = KernelLab.unavailable(TOPOLOGY, backend);
    if (why.isPresent()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI must run the kernel lab tests, but " + why.get());
      }
      if (!skipSaid) {
        System.err.println("Kernel lab tests skipped: " + why.get());
        skipSaid = true;
      }
      Assumptions.abort(why.get());
    }
  }

  @AfterAll
  static void close() {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void empty() {
    assertEquals(0, lab.load("").exitCode());
  }

  static PacketSpec spec(String text) {
    return PacketSyntax.parse(text, (name, in) -> TOPOLOGY.resolve(name, in.orElse("")));
  }

  private static int ip(String text) {
    return Ipv4.parse(text).orElseThrow();
  }

  static Counters rule(Ruleset counters, Table table, String chain, int index) {
    return chain(counters, table, chain).rules().get(index - 1).counters();
  }

  static Chain chain(Ruleset counters, Table table, String chain) {
    return counters.table(table).orElseThrow().chain(chain).orElseThrow();
  }

  @Test
  void aSynToTheListeningSshdIsAnsweredWithSynAckOnWan0() {
    Observation seen = lab.send(spec("tcp attacker:40000 > fw:22 SYN in wan0"));
    assertEquals(1, seen.frames().size(), seen.frames().toString());
    Packet answer = seen.leftBy("wan0").get(0);
    assertEquals(Packet.TCP, answer.protocol());
    assertEquals(ip("203.0.113.1"), answer.source());
    assertEquals(22, answer.sourcePort());
    assertEquals(ip("192.0.2.66"), answer.destination());
    assertEquals(40000, answer.destinationPort());
    assertEquals("SYN,ACK", TcpFlags.format(answer.tcpFlags()));
    assertEquals(64, answer.ttl());
    assertEquals(44, answer.length(), "an option-less SYN gets a SYN-ACK with only MSS");
    assertTrue(seen.leftBy("lan0").isEmpty());
  }

  @Test
  void aSynToAClosedPortIsRefusedWithRstAck() {
    Observation seen = lab.send(spec("tcp attacker:40000 > fw:23 SYN in wan0"));
    assertEquals(List.of("wan0: tcp 203.0.113.1:23 > 192.0.2.66:40000 RST,ACK ttl 64 length 40"),
        seen.frames().stream().map(Frame::toString).toList());
  }

  @Test
  void udpToAClosedPortGetsPortUnreachableCarryingThePacket() {
    Observation seen = lab.send(spec("udp attacker:40000 > fw:9 in wan0"));
    assertEquals(1, seen.frames().size(), seen.frames().toString());
    Packet error = seen.leftBy("wan0").get(0);
    assertEquals("icmp 203.0.113.1 > 192.0.2.66 icmp port-unreachable about "
        + "udp 192.0.2.66:40000 > 203.0.113.1:9", error.toString());
    assertEquals(56, error.length());
    assertEquals(28, error.embedded().orElseThrow().length());
    assertEquals(64, error.embedded().orElseThrow().ttl());
  }

  @Test
  void udpToAServiceIsTakenSilently() {
    Observation seen = lab.send(spec("udp attacker:40000 > fw:161 in wan0"));
    assertEquals(List.of(), seen.frames());
  }

  @Test
  void anEchoRequestIsAnswered() {
    Observation seen = lab.send(spec("icmp pc1 > fw.lan0 icmp echo-request in lan0"));
    assertEquals(List.of("lan0: icmp 10.0.0.1 > 10.0.0.2 icmp echo-reply ttl 64 length 28"),
        seen.frames().stream().map(Frame::toString).toList());
  }

  @Test
  void masqueradedTrafficLeavesWan0FromThePublicAddressAndItsAnswerComesBack() {
    assertEquals(new Load(0, ""), lab.load(NAT_RULES));
    Observation out = lab.send(spec("tcp pc1:40000 > internet:80 SYN in lan0"));
    assertEquals(List.of("wan0: tcp 203.0.113.1:40000 > 192.0.2.10:80 SYN ttl 63 length 40"),
        out.frames().stream().map(Frame::toString).toList());
    assertEquals(new Counters(1, 40), rule(out.counters(), Table.NAT, "POSTROUTING", 1));
    assertEquals(new Counters(1, 40), rule(out.counters(), Table.FILTER, "FORWARD", 2));
    assertEquals(new Counters(0, 0), rule(out.counters(), Table.FILTER, "FORWARD", 1));
    assertEquals(new Counters(1, 40), chain(out.counters(), Table.NAT, "PREROUTING").counters());
    assertEquals(1, out.conntrack().size(), out.conntrack().toString());
    String entry = out.conntrack().get(0);
    assertTrue(entry.contains("src=10.0.0.2 dst=192.0.2.10 sport=40000 dport=80 [UNREPLIED] "
        + "src=192.0.2.10 dst=203.0.113.1 sport=80 dport=40000"), entry);

    Observation back = lab.send(spec("tcp internet:80 > 203.0.113.1:40000 SYN,ACK in wan0"));
    assertEquals(List.of("lan0: tcp 192.0.2.10:80 > 10.0.0.2:40000 SYN,ACK ttl 63 length 40"),
        back.frames().stream().map(Frame::toString).toList());
    assertEquals(new Counters(1, 40), rule(back.counters(), Table.FILTER, "FORWARD", 1),
        "the answer is ESTABLISHED: its acknowledgement number fits the SYN");
    assertEquals(new Counters(1, 40), rule(back.counters(), Table.NAT, "POSTROUTING", 1),
        "nat is not consulted for the answer");
    assertFalse(back.conntrack().get(0).contains("UNREPLIED"), back.conntrack().toString());

    Observation ack = lab.send(spec("tcp pc1:40000 > internet:80 ACK in lan0"));
    assertEquals(1, ack.leftBy("wan0").size());
    assertEquals(new Counters(2, 80), rule(ack.counters(), Table.FILTER, "FORWARD", 1));
    assertTrue(ack.conntrack().get(0).contains("ESTABLISHED"), ack.conntrack().toString());
  }

  @Test
  void aDroppedPacketMovesItsRuleAndNothingLeaves() {
    String rules = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A FORWARD -p tcp -m tcp --dport 22 -j DROP
        -A INPUT -p tcp -m tcp --dport 22 -j DROP
        COMMIT
        """;
    assertTrue(lab.load(rules).ok());
    Observation seen = lab.send(spec("tcp attacker:40000 > fw:22 SYN in wan0"));
    assertEquals(List.of(), seen.frames());
    assertEquals(new Counters(0, 0), rule(seen.counters(), Table.FILTER, "FORWARD", 1),
        "a packet for the firewall itself never passes FORWARD");
    assertEquals(new Counters(1, 40), rule(seen.counters(), Table.FILTER, "INPUT", 1));
    assertEquals(new Counters(0, 0), chain(seen.counters(), Table.FILTER, "INPUT").counters());
  }

  @Test
  void resetZeroesCountersAndForgetsConnections() {
    assertTrue(lab.load(NAT_RULES).ok());
    Observation first = lab.send(spec("tcp pc1:40000 > internet:80 SYN in lan0"));
    assertEquals(1, first.conntrack().size());
    lab.reset();
    Observation again = lab.send(spec("tcp pc1:40000 > internet:80 SYN in lan0"));
    assertEquals(new Counters(1, 40), rule(again.counters(), Table.NAT, "POSTROUTING", 1),
        "counted once: zeroed, and a new connection after the flush");
    assertEquals(1, again.conntrack().size());
  }

  @Test
  void loadStartsFromZeroCounters() {
    assertTrue(lab.load(NAT_RULES).ok());
    lab.send(spec("tcp pc1:40000 > internet:80 SYN in lan0"));
    assertTrue(lab.load(NAT_RULES).ok());
    Observation seen = lab.send(spec("tcp pc1:40001 > internet:80 SYN in lan0"));
    assertEquals(new Counters(1, 40), rule(seen.counters(), Table.NAT, "POSTROUTING", 1));
    assertEquals(new Counters(1, 40), chain(seen.counters(), Table.FILTER, "INPUT").counters()
        .plus(rule(seen.counters(), Table.FILTER, "FORWARD", 2)));
  }

  @Test
  void aLaterRulesetReplacesTheWholeEarlierOne() {
    assertTrue(lab.load(NAT_RULES).ok());
    assertTrue(lab.load("*raw\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n").ok());
    Observation seen = lab.send(spec("tcp pc1:40000 > internet:80 SYN in lan0"));
    assertEquals(List.of("wan0: tcp 10.0.0.2:40000 > 192.0.2.10:80 SYN ttl 63 length 40"),
        seen.frames().stream().map(Frame::toString).toList(),
        "no MASQUERADE and no FORWARD policy DROP left from the earlier ruleset");
    assertEquals(List.of(), seen.conntrack(), "nothing needs connection tracking now");
  }

  @Test
  void aLocalPacketTraversesOutputAndADropThereFailsTheSend() {
    String rules = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A OUTPUT -p udp -m udp --dport 53 -j DROP
        COMMIT
        """;
    assertTrue(lab.load(rules).ok());
    Observation sent = lab.send(spec("udp fw:40000 > 192.0.2.10:123 local"));
    assertEquals(List.of("wan0: udp 203.0.113.1:40000 > 192.0.2.10:123 ttl 64 length 28"),
        sent.frames().stream().map(Frame::toString).toList());
    assertEquals(Optional.empty(), sent.sendError());
    assertEquals(new Counters(1, 28), chain(sent.counters(), Table.FILTER, "OUTPUT").counters());

    Observation dropped = lab.send(spec("udp fw:40000 > 192.0.2.10:53 local"));
    assertEquals(List.of(), dropped.frames());
    assertEquals(Optional.of("Operation not permitted"), dropped.sendError());
    assertEquals(new Counters(1, 28), rule(dropped.counters(), Table.FILTER, "OUTPUT", 1));
  }

  @Test
  void aRulesetTheKernelRefusesGivesIptablesMessage() {
    String bad = """
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -p tcp -m tcp --dprot 22 -j DROP
        COMMIT
        """;
    Load load = lab.load(bad);
    assertNotEquals(0, load.exitCode());
    assertTrue(load.stderr().contains("unknown option \"--dprot\""), load.stderr());
    assertTrue(load.stderr().contains("Error occurred at line: 3"), load.stderr());
  }

  @Test
  void saveShowsTheLoadedRulesInCanonicalForm() {
    assertTrue(lab.load("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j DROP\n"
        + "COMMIT\n").ok());
    assertTrue(lab.save().contains("-A INPUT -p tcp -m tcp --dport 22 -j DROP"), lab.save());
  }

  @Test
  void aPacketCannotArriveOnAnInterfaceTheFirewallLacks() {
    assertThrows(IllegalArgumentException.class,
        () -> lab.send(new PacketSpec(spec("udp attacker:1 > fw:9 in wan0").packet(),
            Optional.of("dmz0"))));
  }

  @Test
  void closeDeletesEveryNamespaceEvenWhenTheCaseFails() {
    String[] namespace = new String[1];
    RuntimeException failure = assertThrows(RuntimeException.class, () -> {
      try (KernelLab own = KernelLab.start(TOPOLOGY, Backend.NFT)) {
        namespace[0] = own.firewallNamespace();
        assertTrue(Files.exists(Path.of("/run/netns", namespace[0])));
        throw new IllegalStateException("a failing case");
      }
    });
    assertEquals("a failing case", failure.getMessage());
    String prefix = namespace[0].substring(0, namespace[0].length() - "fw".length());
    for (String peer : List.of("fw", "wan0", "lan0")) {
      assertFalse(Files.exists(Path.of("/run/netns", prefix + peer)), prefix + peer);
    }
  }
}

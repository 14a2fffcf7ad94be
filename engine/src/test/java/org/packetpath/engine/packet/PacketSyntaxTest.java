package org.packetpath.engine.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.net.Ipv4;

class PacketSyntaxTest {
  private static final Map<String, String> HOSTS =
      Map.of("office", "198.51.100.10", "attacker", "192.0.2.66");

  private static final PacketSyntax.Names NAMES = (name, in) -> {
    if (name.equals("fw")) {
      return Ipv4.parse(in.filter("lan0"::equals).isPresent() ? "10.0.0.1" : "203.0.113.1");
    }
    return Optional.ofNullable(HOSTS.get(name)).flatMap(Ipv4::parse);
  };

  private static String roundTrip(String text) {
    return PacketSyntax.parse(text, NAMES).toString();
  }

  private static Diagnostic error(String text) {
    InputException e = assertThrows(InputException.class, () -> PacketSyntax.parse(text, NAMES));
    return e.diagnostics().get(0);
  }

  @Test
  void readsTheDocumentedExamples() {
    assertEquals("tcp 192.0.2.7:40001 > 203.0.113.1:22 SYN in wan0",
        roundTrip("tcp 192.0.2.7:40001 > 203.0.113.1:22 SYN in wan0"));
    assertEquals("tcp 203.0.113.1:22 > 192.0.2.7:40001 SYN,ACK local",
        roundTrip("tcp 203.0.113.1:22 > 192.0.2.7:40001 SYN,ACK local"));
    assertEquals("udp 10.0.0.2:5353 > 198.51.100.7:53 in lan0",
        roundTrip("udp 10.0.0.2:5353 > 198.51.100.7:53 in lan0"));
    assertEquals("icmp 10.0.0.2 > 203.0.113.1 icmp echo-request in lan0",
        roundTrip("icmp 10.0.0.2 > 203.0.113.1 icmp echo-request in lan0"));
  }

  @Test
  void tcpWithoutFlagsIsASynAndSourcePortDefaults() {
    PacketSpec spec = PacketSyntax.parse("tcp office > fw:ssh in wan0", NAMES);
    assertEquals(TcpFlags.SYN, spec.packet().tcpFlags());
    assertEquals(PacketSyntax.DEFAULT_SOURCE_PORT, spec.packet().sourcePort());
    assertEquals(22, spec.packet().destinationPort());
    assertEquals("tcp 198.51.100.10:40000 > 203.0.113.1:22 SYN in wan0", spec.toString());
  }

  @Test
  void namesResolveWithTheIncomingInterface() {
    assertEquals("tcp 10.0.0.2:40000 > 10.0.0.1:80 ACK in lan0",
        roundTrip("tcp 10.0.0.2:40000 > fw:80 ACK in lan0"));
  }

  @Test
  void ttlAndMarkAreOptional() {
    PacketSpec spec = PacketSyntax.parse("udp attacker:1 > fw:161 in wan0 ttl 1 mark 0x10", NAMES);
    assertEquals(1, spec.packet().ttl());
    assertEquals(16, spec.packet().mark());
    assertEquals("udp 192.0.2.66:1 > 203.0.113.1:161 in wan0 ttl 1 mark 0x10", spec.toString());
  }

  @Test
  void icmpTypesByNameAndNumber() {
    assertEquals(3, PacketSyntax.parse("icmp fw > office icmp 3/3 local", NAMES).packet().icmpType());
    assertEquals("icmp 203.0.113.1 > 198.51.100.10 icmp port-unreachable local",
        roundTrip("icmp fw > office icmp 3/3 local"));
    assertEquals(8, PacketSyntax.parse("icmp fw > office local", NAMES).packet().icmpType());
  }

  @Test
  void errorsAreLocatedAndExplained() {
    Diagnostic host = error("tcp nobody:1 > fw:22 in wan0");
    assertEquals("packet:1:5: error: unknown host `nobody'", host.toString());
    Diagnostic arrow = error("tcp office:1 -> fw:22 in wan0");
    assertEquals("packet:1:14: error: expected `>' but found `->'", arrow.toString());
    Diagnostic port = error("tcp office:1 > fw in wan0");
    assertEquals("packet:1:16: error: missing destination port", port.toString());
    Diagnostic badPort = error("tcp office:1 > fw:70000 in wan0");
    assertEquals("packet:1:19: error: invalid port/service `70000' specified", badPort.toString());
    Diagnostic where = error("tcp office:1 > fw:22");
    assertTrue(where.message().startsWith("expected where the packet comes from"), where.message());
    Diagnostic flag = error("tcp office:1 > fw:22 SYN,ACX in wan0");
    assertEquals("unknown TCP flag `ACX'", flag.message());
    assertEquals("  tcp office:1 > fw:22 SYN,ACX in wan0\n                       ^",
        flag.render().lines().skip(1).limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
  }

  @Test
  void anyProtocolByNameOrNumberWithPortsWhereItHasThem() {
    PacketSpec sctp = PacketSyntax.parse("sctp office:5000 > fw:38412 in wan0", NAMES);
    assertEquals(Packet.SCTP, sctp.packet().protocol());
    assertEquals(38412, sctp.packet().destinationPort());
    assertEquals(32, sctp.packet().length(), "IP header and SCTP common header");
    assertEquals("sctp 198.51.100.10:5000 > 203.0.113.1:38412 in wan0", sctp.toString());
    assertEquals("dccp 198.51.100.10:40000 > 203.0.113.1:5 in wan0",
        roundTrip("33 office > fw:5 in wan0"));
    assertEquals(28, PacketSyntax.parse("udplite office:1 > fw:5 in wan0", NAMES).packet()
        .length());
    assertEquals("gre 198.51.100.10 > 203.0.113.1 in wan0", roundTrip("GRE office > fw in wan0"));
    assertEquals("esp 198.51.100.10 > 203.0.113.1 in wan0", roundTrip("50 office > fw in wan0"));
    assertEquals("253 198.51.100.10 > 203.0.113.1 in wan0", roundTrip("253 office > fw in wan0"));
    assertEquals("0 198.51.100.10 > 203.0.113.1 in wan0", roundTrip("0 office > fw in wan0"));
    assertEquals(20, PacketSyntax.parse("ah office > fw in wan0", NAMES).packet().length());
  }

  @Test
  void aProtocolThatMeansAnyIsNoPacketsProtocol() {
    assertEquals("packet:1:1: error: `all' is any protocol, not one", error("all office > fw"
        + " in wan0").toString());
    assertEquals("packet:1:1: error: unknown protocol `256'", error("256 office > fw in wan0")
        .toString());
    assertEquals("packet:1:5: error: gre packets have no ports",
        error("gre office:1 > fw in wan0").toString());
    assertEquals("packet:1:17: error: missing destination port",
        error("sctp office:1 > fw in wan0").toString());
  }
}

package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;

/**
 * The story behind PacketPath: host-protection rules put in FORWARD do not protect the firewall
 * itself; moved to INPUT they do, and the LAN still reaches the Internet through MASQUERADE.
 */
class SeedScenarioTest {
  static Topology topology() throws IOException {
    try (InputStream in = Topology.class.getResourceAsStream("example.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TopologyParser.parse("example.yaml", text).value().orElseThrow();
    }
  }

  static final String NAT = """
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A POSTROUTING -o wan0 -j MASQUERADE
      COMMIT
      """;

  static final String COMPROMISED = NAT + """
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan0 -o wan0 -j ACCEPT
      -A FORWARD -s 198.51.100.0/24 -p tcp --dport 22 -j ACCEPT
      -A FORWARD -p tcp -m multiport --dports 22,80,443 -j DROP
      COMMIT
      """;

  static final String FIXED = NAT + """
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -i lo -j ACCEPT
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -s 198.51.100.0/24 -p tcp --dport 22 -j ACCEPT
      -A INPUT -p tcp -m multiport --dports 22,80,443 -j DROP
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan0 -o wan0 -j ACCEPT
      COMMIT
      """;

  static Simulator firewall(String rules) throws IOException {
    return Simulator.of(topology(), RulesParser.parse("rules.v4", rules).orThrow());
  }

  @Test
  void forwardRulesDoNotProtectTheFirewallItself() throws IOException {
    Trace t = firewall(COMPROMISED).send("tcp attacker:40001 > fw:22 in wan0");
    assertEquals(Disposition.LOCAL, t.disposition());
    assertEquals(List.of("raw:PREROUTING", "mangle:PREROUTING", "nat:PREROUTING", "mangle:INPUT",
        "filter:INPUT", "nat:INPUT", "security:INPUT").stream()
        .filter(c -> c.startsWith("nat") || c.startsWith("filter")).toList(), t.path());
    assertTrue(t.hits().stream().noneMatch(h -> h.chain().equals("FORWARD")), t.hits().toString());
    assertEquals("filter:INPUT:policy:ACCEPT",
        t.hits().stream().filter(h -> h.table().label().equals("filter")).findFirst()
            .orElseThrow().toString());
    Trace synAck = t.generated().get(0);
    assertEquals("tcp 203.0.113.1:22 > 192.0.2.66:40001 SYN,ACK", synAck.packet().packet().toString());
    assertEquals(Disposition.SENT, synAck.disposition());
    assertEquals(Optional.of("wan0"), synAck.out());
    assertEquals(CtState.ESTABLISHED, synAck.ctState());
  }

  @Test
  void inputRulesDropTheAttackersSyn() throws IOException {
    Simulator fw = firewall(FIXED);
    Trace web = fw.send("tcp attacker:40002 > fw:80 in wan0");
    assertEquals(Disposition.DROPPED, web.disposition());
    assertEquals("filter:INPUT:rule 4:DROP", web.hits().get(web.hits().size() - 1).toString());
    assertTrue(web.generated().isEmpty(), "a DROP answers nothing");
    assertEquals(List.of(), fw.connections(), "a dropped first packet leaves no connection behind");
    Trace office = fw.send("tcp office:40003 > fw:22 in wan0");
    assertEquals(Disposition.LOCAL, office.disposition());
  }

  @Test
  void lanReachesTheInternetThroughMasqueradeAndRepliesComeBackEstablished() throws IOException {
    Simulator fw = firewall(FIXED);
    Trace out = fw.send("tcp pc1:40004 > internet:80 in lan0");
    assertEquals(Disposition.FORWARDED, out.disposition());
    assertEquals(Optional.of("wan0"), out.out());
    assertEquals("tcp 203.0.113.1:40004 > 192.0.2.10:80 SYN", out.finalPacket().orElseThrow().toString());
    assertEquals(63, out.finalPacket().orElseThrow().ttl());
    Trace back = fw.send("tcp internet:80 > 203.0.113.1:40004 SYN,ACK in wan0");
    assertEquals(CtState.ESTABLISHED, back.ctState());
    assertEquals(Disposition.FORWARDED, back.disposition());
    assertEquals(Optional.of("lan0"), back.out());
    assertEquals("tcp 192.0.2.10:80 > 10.0.0.2:40004 SYN,ACK", back.finalPacket().orElseThrow().toString());
    assertTrue(back.path().stream().noneMatch(c -> c.startsWith("nat")), back.path().toString());
  }
}

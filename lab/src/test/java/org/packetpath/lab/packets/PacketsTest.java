package org.packetpath.lab.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Disposition;

/** Packets typed by the learner, read against the example firewall and sent through it. */
class PacketsTest {
  private static final String RULES = """
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -p tcp --dport 22 -j ACCEPT
      COMMIT
      """;

  private static Simulator firewall() {
    return Simulator.of(TopologyParser.parse("example.yaml", TopologyParser.exampleText())
        .value().orElseThrow(), RulesParser.parse("rules", RULES).orThrow());
  }

  private static List<String> rendered(List<Diagnostic> errors) {
    return errors.stream().map(Diagnostic::toString).toList();
  }

  @Test
  void sendsThePacketsInOrderThroughOneConnectionTable() {
    Packets.Sent sent = Packets.send(firewall(), List.of("tcp attacker:40000 > fw:22 in wan0",
        "tcp attacker:40000 > fw:22 ACK in wan0"));
    assertTrue(sent.ok(), sent.errors().toString());
    assertEquals(2, sent.traces().size());
    assertEquals(Disposition.LOCAL, sent.traces().get(0).disposition());
    assertEquals(CtState.ESTABLISHED, sent.traces().get(1).ctState(),
        "the second packet answers nothing but belongs to the first one's connection");
  }

  @Test
  void everyBadPacketIsLocatedByItsPositionAndNoneIsSent() {
    Simulator fw = firewall();
    String bad = "tcp nobody:1 > fw:22 in wan0";
    Packets.Sent sent = Packets.send(fw, List.of(bad, "tcp attacker:1 > fw:22 in wan0", bad,
        "tcp attacker:1 > fw:22 in nosuch0"));
    assertFalse(sent.ok());
    assertEquals(List.of(), sent.traces());
    List<String> errors = rendered(sent.errors());
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("packet 1:1:5: error: unknown host `nobody'"), errors.get(0));
    assertTrue(errors.get(1).startsWith("packet 3:1:5: error: unknown host `nobody'"),
        "the same packet again is the third, not the first: " + errors.get(1));
    assertTrue(errors.get(2).startsWith("packet 4:1:27: error: the firewall has no interface"
        + " nosuch0"), errors.get(2));
    assertTrue(sent.errors().get(2).render().contains("its interfaces are lo, "),
        sent.errors().get(2).render());
    assertEquals("", String.join(" ", fw.connections()), "nothing was sent");
  }

  @Test
  void aSinglePacketIsNamedPacket() {
    Packets.Read read = Packets.read(firewall(), "tcp attacker:1 > fw:22 in eth9");
    assertEquals(List.of("packet:1:27: error: the firewall has no interface eth9"),
        rendered(read.errors()).stream().map(e -> e.lines().findFirst().orElseThrow()).toList());
    assertEquals(List.of(), read.packets());
  }

  @Test
  void readsWithoutSending() {
    Simulator fw = firewall();
    Packets.Read read = Packets.read(fw, List.of("tcp attacker:40000 > fw:22 in wan0"));
    assertTrue(read.ok(), read.errors().toString());
    assertEquals(1, read.packets().size());
    assertEquals(List.of(), fw.connections());
  }
}

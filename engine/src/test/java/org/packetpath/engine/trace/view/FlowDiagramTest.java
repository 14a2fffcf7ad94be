package org.packetpath.engine.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.pipeline.Stage;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.trace.Trace;

/** What the diagram shows: the backend's table order, and where a packet went and ended. */
class FlowDiagramTest {
  /** The lines inside the box titled {@code hook}, without borders and trailing blanks. */
  private static List<String> box(String diagram, String hook) {
    String[] lines = diagram.split("\n");
    for (int y = 0; y < lines.length; y++) {
      int x = lines[y].indexOf("+- " + hook + " ");
      if (x < 0) {
        x = lines[y].indexOf("+= " + hook + " ");
      }
      if (x >= 0) {
        List<String> inside = new ArrayList<>();
        for (int i = y + 1; lines[i].charAt(x) == '|'; i++) {
          inside.add(lines[i].substring(x + 1, lines[i].indexOf('|', x + 1)).strip());
        }
        return inside;
      }
    }
    throw new AssertionError("no box " + hook + " in\n" + diagram);
  }

  private static List<String> names(List<String> box) {
    return box.stream().map(l -> l.replaceFirst("^[>X*] ", "").split(" +")[0]).toList();
  }

  private static List<String> stageNames(Backend backend, Hook hook) {
    return Pipeline.of(backend).stages(hook).stream().map(Stage::label)
        .map(l -> l.substring(0, l.indexOf(':'))).toList();
  }

  @Test
  void inputListsSecurityAfterNatForNftAndBeforeItForLegacy() {
    String nft = FlowDiagram.render(Pipeline.of(Backend.NFT)).plain();
    String legacy = FlowDiagram.render(Pipeline.of(Backend.LEGACY)).plain();
    assertEquals(List.of("mangle", "filter", "nat", "security", "confirm"),
        names(box(nft, "INPUT")));
    assertEquals(List.of("mangle", "filter", "security", "nat", "confirm"),
        names(box(legacy, "INPUT")));
    assertTrue(nft.contains("(iptables-nft)") && legacy.contains("(iptables-legacy)"));
  }

  @Test
  void everyBoxListsItsHookInThePipelinesOrder() {
    for (Backend backend : Backend.values()) {
      String drawn = FlowDiagram.render(Pipeline.of(backend)).plain();
      for (Hook hook : Hook.values()) {
        assertEquals(stageNames(backend, hook), names(box(drawn, hook.name())),
            backend + " " + hook);
      }
    }
  }

  @Test
  void aTracedPacketIsMarkedInTheBackendsOrder() {
    for (Backend backend : Backend.values()) {
      Trace t = Goldens.firewall("all-tables.rules", backend).send("tcp lan:40000 > fw:22 in lan0");
      List<String> input = box(FlowDiagram.render(t, Pipeline.of(backend)).plain(),
          "INPUT");
      List<String> expected = backend == Backend.NFT
          ? List.of("> mangle  policy ACCEPT", "X filter    policy DROP", "nat", "security",
              "confirm")
          : List.of("> mangle  policy ACCEPT", "X filter    policy DROP", "security", "nat",
              "confirm");
      assertEquals(expected, input, backend.name());
    }
  }

  @Test
  void aPacketTheFirewallSendsToItselfLoopsBackThroughLo() {
    Trace t = Goldens.firewall("all-tables.rules", Backend.NFT).send("icmp fw > fw local");
    String drawn = FlowDiagram.render(t, Pipeline.of(Backend.NFT)).plain();
    assertTrue(drawn.contains(" in lo ") || drawn.contains(" in lo\n"), drawn);
    assertTrue(drawn.contains("out lo"), drawn);
    assertTrue(drawn.contains("* starts and ends here"), drawn);
    assertTrue(box(drawn, "INPUT").contains("> filter      #1 ACCEPT"), drawn);
    assertTrue(box(drawn, "FORWARD").stream().noneMatch(l -> l.startsWith(">")), drawn);
  }

  @Test
  void aMartianEndsAtTheRoutingDecision() {
    Trace t = Goldens.firewall("all-tables.rules", Backend.NFT)
        .send("tcp 10.0.0.1:1 > fw:22 in wan0");
    String drawn = FlowDiagram.render(t, Pipeline.of(Backend.NFT)).plain();
    assertTrue(drawn.contains("X dropped"), drawn);
    assertTrue(drawn.contains("X DROPPED by the routing decision, as a martian"), drawn);
    assertTrue(drawn.contains("+= PREROUTING ="), drawn);
    assertTrue(drawn.contains("+- INPUT -"), "INPUT is not reached:\n" + drawn);
  }

  @Test
  void laterPacketsOfAConnectionAreRewrittenWithoutTheNatChain() {
    var fw = Goldens.firewall("all-tables.rules", Backend.NFT);
    Trace first = fw.send("tcp attacker:1 > fw:8080 in wan0");
    fw.send("tcp 10.0.0.2:80 > attacker:1 SYN,ACK in lan0");
    Trace third = fw.send("tcp attacker:1 > fw:8080 ACK in wan0");
    assertTrue(box(FlowDiagram.render(first, Pipeline.of(Backend.NFT)).plain(),
        "PREROUTING").contains("> nat           #1 DNAT"));
    List<String> again = box(FlowDiagram.render(third, Pipeline.of(Backend.NFT)).plain(),
        "PREROUTING");
    assertTrue(again.contains("> nat       rewrote dst"), again.toString());
    assertTrue(again.contains("> conntrack ESTABLISHED"), again.toString());
    assertFalse(again.stream().anyMatch(l -> l.contains("DNAT")), again.toString());
  }
}

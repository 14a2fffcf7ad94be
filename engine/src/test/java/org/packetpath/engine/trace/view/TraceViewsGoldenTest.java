package org.packetpath.engine.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.trace.Trace;

/**
 * The three views of the seed scenario's packets against golden files: the attacker's SYN to
 * ssh on the compromised firewall (accepted by the INPUT policy, answered with a SYN-ACK) and on
 * the fixed one (dropped by INPUT rule 4), a LAN PC reaching the Internet through MASQUERADE and
 * the reply coming back, and an SNMP probe rejected with an ICMP error.
 */
class TraceViewsGoldenTest {
  record Scenario(String name, String rules, List<String> packets) {
    List<Trace> traces() {
      return Goldens.send(rules, Backend.NFT, packets.toArray(String[]::new));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        new Scenario("compromised-ssh", "compromised.rules",
            List.of("tcp attacker:40001 > fw:22 in wan0")),
        new Scenario("fixed-ssh", "fixed.rules", List.of("tcp attacker:40001 > fw:22 in wan0")),
        new Scenario("masquerade", "fixed.rules", List.of("tcp pc1:40004 > internet:80 in lan0",
            "tcp internet:80 > 203.0.113.1:40004 SYN,ACK in wan0")),
        new Scenario("reject", "reject.rules", List.of("udp attacker:40005 > fw:161 in wan0")))
        .map(Arguments::of);
  }

  private static String diagrams(List<Trace> traces, Colour colour) {
    List<String> all = new ArrayList<>();
    for (Trace t : traces) {
      all.add(FlowDiagram.render(t, Pipeline.of(Backend.NFT), colour));
      for (Trace answer : t.generated()) {
        all.add(FlowDiagram.render(answer, Pipeline.of(Backend.NFT), colour));
      }
    }
    return String.join("\n", all);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void json(Scenario s) {
    Goldens.check(s.name() + ".json", TraceJson.array(s.traces()) + "\n");
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void text(Scenario s) {
    Goldens.check(s.name() + ".txt", TraceText.render(s.traces(), Colour.PLAIN));
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void diagram(Scenario s) {
    String drawn = diagrams(s.traces(), Colour.PLAIN);
    Goldens.check(s.name() + ".diagram.txt", drawn);
    for (String line : drawn.split("\n")) {
      assertTrue(line.length() <= FlowDiagram.WIDTH, "too wide: " + line);
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void colourOnlyAddsEscapeCodes(Scenario s) {
    List<Trace> traces = s.traces();
    String text = TraceText.render(traces, Colour.ANSI);
    String diagram = diagrams(traces, Colour.ANSI);
    assertTrue(text.contains("\u001b[") && diagram.contains("\u001b["), "painted");
    assertEquals(TraceText.render(traces, Colour.PLAIN), Goldens.strip(text));
    assertEquals(diagrams(traces, Colour.PLAIN), Goldens.strip(diagram));
  }
}

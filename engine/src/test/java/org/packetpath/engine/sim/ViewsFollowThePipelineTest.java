package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.pipeline.PipelineVariants;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.TraceText;

/**
 * The journey, the step list and the diagram all follow the pipeline's graph: take FORWARD out
 * of it, and a forwarded packet never meets FORWARD's rules, the step list has no FORWARD, and
 * the diagram has no FORWARD box but an arrow from the routing decision straight to POSTROUTING,
 * and its legend says so.
 */
class ViewsFollowThePipelineTest {
  private static final String RULES = """
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A FORWARD -p tcp -j DROP
      COMMIT
      """;
  private static final String PACKET = "tcp pc1:40000 > internet:80 in lan0";

  private static Trace send(Pipeline pipeline) {
    Ruleset rules = RulesParser.parse("rules.v4", RULES).orThrow();
    return Simulator.of(Firewalls.example(), rules, pipeline).send(PACKET);
  }

  private static List<String> lines(String text) {
    return List.of(text.split("\n"));
  }

  /** The diagram's legend with its wrapped lines joined again. */
  private static String unwrapped(String diagram) {
    return diagram.replace("\n  ", " ");
  }

  @Test
  void withoutForwardTheJourneyAndTheStepListGoStraightToPostrouting() {
    Pipeline kernel = Pipeline.of(Backend.NFT);
    Trace full = send(kernel);
    Trace bypassed = send(PipelineVariants.without(kernel, Hook.FORWARD));
    assertEquals(Disposition.DROPPED, full.disposition());
    assertEquals(Disposition.FORWARDED, bypassed.disposition());
    assertEquals(List.of(Place.ARRIVAL, Place.PREROUTING, Place.INPUT_ROUTE, Place.POSTROUTING,
        Place.DEPARTURE), bypassed.places());
    List<String> fullSteps = lines(TraceText.render(full).plain());
    List<String> bypassedSteps = lines(TraceText.render(bypassed).plain());
    assertTrue(fullSteps.containsAll(List.of("FORWARD", "  filter FORWARD")), "" + fullSteps);
    assertFalse(bypassedSteps.contains("FORWARD"), "" + bypassedSteps);
    assertFalse(bypassedSteps.contains("  filter FORWARD"), "" + bypassedSteps);
  }

  @Test
  void withoutForwardTheDiagramHasNoForwardBox() {
    Pipeline kernel = Pipeline.of(Backend.NFT);
    Pipeline bypass = PipelineVariants.without(kernel, Hook.FORWARD);
    String full = FlowDiagram.render(kernel).plain();
    String bypassed = FlowDiagram.render(bypass).plain();
    assertTrue(full.contains("+- FORWARD "), full);
    assertFalse(bypassed.contains("+- FORWARD "), bypassed);
    assertTrue(unwrapped(full).contains("(for the firewall itself) or FORWARD and POSTROUTING."),
        full);
    assertTrue(unwrapped(bypassed).contains("(for the firewall itself) or POSTROUTING."),
        bypassed);
    String straight = "|" + "-".repeat(32) + ">|";
    assertFalse(full.contains(straight), full);
    assertTrue(bypassed.contains(straight), "routing decision to POSTROUTING:\n" + bypassed);
    String way = FlowDiagram.render(send(bypass), bypass).plain();
    assertTrue(way.contains("|" + "=".repeat(32) + ">|"), way);
  }
}

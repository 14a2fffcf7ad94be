package org.packetpath.lab.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.SeedTraces;
import org.packetpath.engine.trace.view.StyledText;
import org.packetpath.engine.trace.view.StyledText.Role;
import org.packetpath.engine.trace.view.TraceText;

/** The views on a terminal: colour only adds escape codes to the plain text. */
class ColourTest {
  static Stream<SeedTraces.Case> seeds() {
    return SeedTraces.all().stream();
  }

  private static String strip(String text) {
    return text.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  private static List<StyledText> views(List<Trace> traces) {
    List<StyledText> views = new ArrayList<>(List.of(TraceText.render(traces)));
    for (Trace t : traces) {
      views.add(FlowDiagram.render(t, Pipeline.of(Backend.NFT)));
    }
    return views;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void colourOnlyAddsEscapeCodes(SeedTraces.Case seed) {
    for (StyledText view : views(seed.traces())) {
      String painted = Colour.ANSI.render(view);
      assertTrue(painted.contains("\u001b["), "painted:\n" + painted);
      assertEquals(view.plain(), strip(painted));
      assertEquals(view.plain(), Colour.PLAIN.render(view));
    }
  }

  @Test
  void rolesLookAsTheyAlwaysHave() {
    assertEquals("\u001b[1;31mDROPPED\u001b[0m", Colour.ANSI.paint(Role.DROP, "DROPPED"));
    assertEquals("\u001b[1;32m*\u001b[0m", Colour.ANSI.paint(Role.ACCEPT, "*"));
    assertEquals("\u001b[1;36m=\u001b[0m", Colour.ANSI.paint(Role.PATH, "="));
    assertEquals("\u001b[2m. 1\u001b[0m", Colour.ANSI.paint(Role.MISS, ". 1"));
    assertEquals("plain", Colour.ANSI.paint(Role.PLAIN, "plain"));
    assertEquals("", Colour.ANSI.paint(Role.DROP, ""));
    assertEquals("DROPPED", Colour.PLAIN.paint(Role.DROP, "DROPPED"));
  }
}

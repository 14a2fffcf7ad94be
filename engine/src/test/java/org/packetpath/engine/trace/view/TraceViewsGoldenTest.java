package org.packetpath.engine.trace.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.StyledText.Role;

/** The text and diagram views of the {@link SeedTraces} against golden files. */
class TraceViewsGoldenTest {
  static Stream<SeedTraces.Case> scenarios() {
    return SeedTraces.all().stream();
  }

  private static StyledText diagrams(List<Trace> traces) {
    List<StyledText> all = new ArrayList<>();
    for (Trace t : traces) {
      all.add(FlowDiagram.render(t, Pipeline.of(Backend.NFT)));
      for (Trace answer : t.generated()) {
        all.add(FlowDiagram.render(answer, Pipeline.of(Backend.NFT)));
      }
    }
    return StyledText.joined(all);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void text(SeedTraces.Case s) {
    Goldens.check(s.name() + ".txt", TraceText.render(s.traces()).plain());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void diagram(SeedTraces.Case s) {
    String drawn = diagrams(s.traces()).plain();
    Goldens.check(s.name() + ".diagram.txt", drawn);
    for (String line : drawn.split("\n")) {
      assertTrue(line.length() <= FlowDiagram.WIDTH, "too wide: " + line);
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theWayAndTheEndingHaveTheirRoles(SeedTraces.Case s) {
    List<Trace> traces = s.traces();
    Set<Role> text = roles(TraceText.render(traces));
    Set<Role> diagram = roles(diagrams(traces));
    assertTrue(text.containsAll(Set.of(Role.STRONG, Role.HOOK, Role.CHAIN, Role.MATCH)), "" + text);
    assertTrue(text.contains(Role.ACCEPT) || text.contains(Role.DROP), "" + text);
    assertTrue(diagram.containsAll(Set.of(Role.STRONG, Role.PATH, Role.DIM)), "" + diagram);
  }

  private static Set<Role> roles(StyledText text) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    text.lines().forEach(l -> l.spans().forEach(sp -> roles.add(sp.role())));
    return roles;
  }
}

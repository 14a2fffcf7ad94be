package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.TraceText;

/**
 * Runs every scenario in {@code src/test/resources/org/packetpath/engine/scenarios} and compares
 * what the simulator says with the golden {@code NAME.trace} next to it: each packet's steps,
 * then the counters as {@code iptables-save -c} prints them, then the connection table. A reader
 * can check a golden against the kernel; {@code -Dpacketpath.updateGoldens=true} rewrites them.
 */
class ScenarioGoldenTest {
  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    Path dir = Scenario.directory().orElseThrow();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
    }
    assertTrue(files.size() >= 10, "scenarios found: " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  static String render(Scenario s) {
    Simulator fw = s.simulator();
    StringBuilder out = new StringBuilder("# ").append(s.title()).append("\n\n");
    for (String packet : s.packets()) {
      Trace trace = fw.send(packet);
      out.append(TraceText.render(trace).plain().stripTrailing()).append("\n\n");
    }
    out.append("--- counters (iptables-save -c)\n");
    out.append(SavePrinter.print(fw.counters(), true));
    out.append("--- conntrack -L\n");
    fw.connections().forEach(c -> out.append(c).append('\n'));
    return out.toString();
  }

  private static void check(Path file) throws IOException {
    for (Scenario s : Scenario.readAll(file)) {
      check(file, s);
    }
  }

  private static void check(Path file, Scenario s) throws IOException {
    String actual = render(s);
    Path golden = file.resolveSibling(s.name() + ".trace");
    if (Boolean.getBoolean("packetpath.updateGoldens")) {
      Files.writeString(golden, actual);
    }
    assertTrue(Files.exists(golden), "no golden " + golden.getFileName()
        + "; write it with -Dpacketpath.updateGoldens=true and review it");
    assertEquals(Files.readString(golden), actual, s.name() + ".trace differs from the simulator"
        + " (" + s.backend().name().toLowerCase(java.util.Locale.ROOT) + ");"
        + " if the change is intended, rerun with -Dpacketpath.updateGoldens=true");
  }
}

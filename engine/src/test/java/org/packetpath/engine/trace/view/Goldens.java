package org.packetpath.engine.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Trace;

/**
 * Golden files for the views, under {@code src/test/resources/org/packetpath/engine/trace/view}.
 * A view that changes on purpose is accepted by running the tests with {@code
 * -Dpacketpath.updateGoldens=true}, which writes the new text over the golden files (then
 * review the difference with {@code git diff} before committing it).
 */
final class Goldens {
  static final String UPDATE = "packetpath.updateGoldens";
  private static final Path SOURCE = Path.of("src/test/resources/org/packetpath/engine/trace/view");

  private Goldens() {}

  /** Compares {@code actual} with golden file {@code name}, or rewrites it when updating. */
  static void check(String name, String actual) {
    if (Boolean.getBoolean(UPDATE)) {
      try {
        Files.writeString(SOURCE.resolve(name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertEquals(resource(name), actual, name + " differs from its golden file; if the change is"
        + " intended, rerun with -D" + UPDATE + "=true and review git diff");
  }

  static String resource(String name) {
    try (InputStream in = Goldens.class.getResourceAsStream(name)) {
      assertNotNull(in, "no golden file " + name + "; create it with -D" + UPDATE + "=true");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Topology topology() {
    try (InputStream in = Topology.class.getResourceAsStream("example.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TopologyParser.parse("example.yaml", text).value().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A firewall with the example topology and rules file {@code rules} from the resources. */
  static Simulator firewall(String rules, Backend backend) {
    return Simulator.of(topology(), RulesParser.parse(rules, resource(rules)).orThrow(), backend);
  }

  /** The traces of {@code packets} sent one after another through one firewall. */
  static List<Trace> send(String rules, Backend backend, String... packets) {
    Simulator fw = firewall(rules, backend);
    return List.of(packets).stream().map(fw::send).toList();
  }
}

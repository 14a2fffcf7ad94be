package org.packetpath.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.sim.Simulator;

/** The engine exports its API packages and nothing else; it needs only snakeyaml-engine. */
class ModuleBoundaryTest {
  private static ModuleDescriptor descriptor() throws Exception {
    Path classes = Path.of(Simulator.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    return ModuleFinder.of(classes).find("org.packetpath.engine").orElseThrow().descriptor();
  }

  @Test
  void exportsOnlyTheApiPackages() throws Exception {
    Set<String> exported = new TreeSet<>();
    descriptor().exports().forEach(e -> exported.add(e.source()));
    assertEquals(Set.of("org.packetpath.engine.explain", "org.packetpath.engine.input",
        "org.packetpath.engine.net", "org.packetpath.engine.packet",
        "org.packetpath.engine.parse", "org.packetpath.engine.pipeline",
        "org.packetpath.engine.rules", "org.packetpath.engine.sim",
        "org.packetpath.engine.topology", "org.packetpath.engine.trace",
        "org.packetpath.engine.trace.view", "org.packetpath.engine.yaml"), exported);
    assertTrue(descriptor().packages().contains("org.packetpath.engine.ext"),
        "the extensions' machinery is inside the module, not exported");
  }

  @Test
  void requiresOnlySnakeyamlEngine() throws Exception {
    Set<String> required = new TreeSet<>();
    descriptor().requires().forEach(r -> required.add(r.name()));
    assertEquals(Set.of("java.base", "org.snakeyaml.engine"), required);
  }
}

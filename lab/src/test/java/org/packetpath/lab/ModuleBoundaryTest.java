package org.packetpath.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lab exports only the REPL's helpers, opens the command line to picocli and the agent
 * protocol to Jackson, and offers its check engine and REPL execution engine as services.
 */
class ModuleBoundaryTest {
  private static ModuleDescriptor descriptor() throws Exception {
    Path classes = Path.of(Exercise.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    return ModuleFinder.of(classes).find("org.packetpath.lab").orElseThrow().descriptor();
  }

  @Test
  void exportsOnlyTheReplHelpers() throws Exception {
    Set<String> exported = new TreeSet<>();
    descriptor().exports().forEach(e -> exported.add(e.source()));
    assertEquals(Set.of("org.packetpath.lab.repl"), exported);
  }

  @Test
  void opensTheCommandLineToPicocliAndTheProtocolToJackson() throws Exception {
    Map<String, Set<String>> opened = new TreeMap<>();
    descriptor().opens().forEach(o -> opened.put(o.source(), o.targets()));
    assertEquals(Map.of("org.packetpath.lab.cli", Set.of("info.picocli"),
        "org.packetpath.lab.kernel", Set.of("tools.jackson.databind")), opened);
  }

  @Test
  void providesTheCheckEngineAndTheReplExecution() throws Exception {
    Map<String, Object> provided = new TreeMap<>();
    descriptor().provides().forEach(p -> provided.put(p.service(), p.providers()));
    assertEquals(Map.of("org.junit.platform.engine.TestEngine",
        List.of("org.packetpath.lab.check.CheckEngine"),
        "jdk.jshell.spi.ExecutionControlProvider",
        List.of("org.packetpath.lab.repl.LabExecutionProvider")), provided);
  }

  @Test
  void requiresTheEngineTheLibrariesAndJshell() throws Exception {
    Set<String> required = new TreeSet<>();
    descriptor().requires().forEach(r -> required.add(r.name()));
    assertEquals(Set.of("java.base", "org.packetpath.engine", "info.picocli", "jdk.jshell",
        "org.junit.platform.engine", "org.junit.platform.launcher", "org.opentest4j",
        "tools.jackson.databind"), required);
  }
}

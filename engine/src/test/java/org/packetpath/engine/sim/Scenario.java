package org.packetpath.engine.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;

/**
 * A hand-written scenario: a topology, a ruleset and packets sent in order. The same files drive
 * the simulator's golden traces and can be replayed on a real kernel.
 *
 * <pre>
 * # What the scenario shows (the first comment line is its title).
 * topology: example.yaml        the built-in example, or a file next to the scenario
 * backend: nft                  nft (default) or legacy; "nft legacy" for a scenario that
 *                               holds on both ({@link #readAll}), with one golden trace
 * --- rules
 * *filter
 * ...
 * COMMIT
 * --- packets
 * tcp attacker:40000 &gt; fw:22 in wan0
 * </pre>
 */
public record Scenario(String name, String title, Topology topology, Backend backend, String rules,
    List<String> packets) {

  /** The scenario in {@code file}, once for each backend it names. */
  public static List<Scenario> readAll(Path file) {
    Scenario s = read(file);
    return backends(lines(file)).stream()
        .map(b -> new Scenario(s.name(), s.title(), s.topology(), b, s.rules(), s.packets()))
        .toList();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The backends a scenario's {@code backend:} line names, nft when it has none. */
  private static List<Backend> backends(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("backend:")).findFirst()
        .map(l -> java.util.Arrays.stream(l.substring(8).trim().split("\\s+"))
            .map(b -> Backend.valueOf(b.toUpperCase(java.util.Locale.ROOT))).toList())
        .orElse(List.of(Backend.NFT));
  }

  /** The scenario in {@code file}, with the first backend it names. */
  public static Scenario read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      String title = "";
      String topologyName = "example.yaml";
      Backend backend = Backend.NFT;
      StringBuilder rules = new StringBuilder();
      List<String> packets = new ArrayList<>();
      String section = "";
      for (String line : lines) {
        if (line.startsWith("--- ")) {
          section = line.substring(4).trim();
        } else if (section.equals("rules")) {
          rules.append(line).append('\n');
        } else if (section.equals("packets")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            packets.add(line.trim());
          }
        } else if (line.startsWith("#")) {
          title = title.isEmpty() ? line.substring(1).trim() : title;
        } else if (line.startsWith("topology:")) {
          topologyName = line.substring(9).trim();
        } else if (line.startsWith("backend:")) {
          backend = backends(List.of(line)).get(0);
        }
      }
      Topology topology = topologyName.equals("example.yaml")
          ? TopologyParser.parse("example.yaml", TopologyParser.exampleText()).orThrow()
          : TopologyParser.parse(file.resolveSibling(topologyName)).orThrow();
      String name = file.getFileName().toString().replace(".scenario", "");
      return new Scenario(name, title, topology, backend, rules.toString(), packets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Simulator simulator() {
    return Simulator.of(topology, RulesParser.parse(name + ".scenario", rules).orThrow(), backend);
  }

  /** The scenarios folder, from the engine module or from a sibling module. */
  public static Optional<Path> directory() {
    String inside = "src/test/resources/org/packetpath/engine/scenarios";
    return java.util.stream.Stream.of(Path.of(inside), Path.of("../engine").resolve(inside))
        .filter(Files::isDirectory).findFirst();
  }
}

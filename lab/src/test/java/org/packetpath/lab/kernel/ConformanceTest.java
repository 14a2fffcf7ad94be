package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Scenario;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.testing.RulesetGenerator;
import org.packetpath.engine.testing.TrafficGenerator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Trace;
import org.packetpath.lab.Check;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;
import org.packetpath.lab.Probe;
import org.packetpath.lab.RulesFile;

/**
 * The simulator against the real kernel: every hand-written scenario of the simulator's tests,
 * and seeded random rulesets with packet sequences. For each packet the counters it moved, the
 * frames that left and the connection table must agree exactly; for each random ruleset the
 * kernel must accept it and print it back exactly as PacketPath's canonical printer does.
 *
 * <p>{@code -Dpacketpath.seed=N} replays a run, {@code -Dpacketpath.conformance.cases=N} sets
 * how many random cases run (500 by default). A report is written to {@code
 * target/conformance-report.md}.
 */
class ConformanceTest {
  private static final long SEED = ConformanceReport.SEED;
  private static final int CASES = Integer.getInteger("packetpath.conformance.cases", 500);
  private static final int PACKETS = 5;

  private static final Map<String, KernelLab> LABS = new HashMap<>();

  private static KernelLab lab(String topologyName, Topology topology, Backend backend) {
    KernelLabTest.requireKernel(backend);
    return LABS.computeIfAbsent(topologyName + "/" + backend,
        k -> KernelLab.start(topology, backend));
  }

  @AfterAll
  static void closeAndReport() throws IOException {
    LABS.values().forEach(KernelLab::close);
    ConformanceReport.write();
  }

  private static void count(String category, boolean agree, int packets) {
    ConformanceReport.count(category, agree, packets);
  }

  /** Runs packets through both sides; the differences, rendered, or empty when they agree. */
  static List<String> run(KernelLab lab, Simulator sim, List<String> packets) {
    lab.reset();
    Ruleset kernelBefore = Ruleset.EMPTY;
    List<String> problems = new ArrayList<>();
    for (String text : packets) {
      PacketSpec packet = PacketSyntax.parse(text, sim.names());
      Ruleset simBefore = sim.counters();
      Trace trace = sim.send(packet);
      Observation observed = lab.send(packet);
      List<Comparison.Difference> diffs = Comparison.compare(simBefore, sim.counters(), trace,
          sim.connections(), kernelBefore, observed);
      kernelBefore = observed.counters();
      if (!diffs.isEmpty()) {
        problems.add(packet + "\n" + diffs.stream().map(Comparison.Difference::render)
            .collect(Collectors.joining()).indent(2));
      }
    }
    return problems;
  }

  @TestFactory
  Stream<DynamicTest> scenariosAgreeWithTheKernel() throws IOException {
    Path dir = Scenario.directory().orElseThrow();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
    }
    return files.stream().flatMap(f -> Scenario.readAll(f).stream())
        .map(s -> DynamicTest.dynamicTest(s.name() + ".scenario ("
            + s.backend().name().toLowerCase(Locale.ROOT) + ")", () -> scenarioCase(s)));
  }

  private static void scenarioCase(Scenario s) {
    KernelLab lab = lab(Integer.toHexString(s.topology().hashCode()), s.topology(), s.backend());
    Load load = lab.load(s.rules());
    assertTrue(load.ok(), () -> "the kernel refused the scenario's rules: " + load.stderr());
    List<String> problems = run(lab, s.simulator(), s.packets());
    count("hand-written scenarios", problems.isEmpty(), s.packets().size());
    assertEquals("", String.join("\n", problems), s.title());
  }

  @TestFactory
  Stream<DynamicTest> exerciseChecksAgreeWithTheKernel() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Exercise exercise : ExerciseCatalog.builtIn().exercises()) {
      List<RulesFile> files = new ArrayList<>(List.of(exercise.start(), exercise.solution()));
      exercise.wrong().forEach(w -> files.add(w.file()));
      for (RulesFile file : files) {
        tests.add(DynamicTest.dynamicTest(exercise.id() + " " + file.path(), () -> {
          Ruleset parsed = file.parse().orThrow();
          KernelLab lab = lab(Integer.toHexString(exercise.topology().hashCode()),
              exercise.topology(), Backend.NFT);
          List<String> problems = new ArrayList<>();
          int packets = 0;
          String text = KernelLab.restoreText(file.text(), parsed);
          Ruleset ruleset = RulesParser.parse(file.path(), text).orThrow();
          for (Check check : exercise.checks()) {
            Load load = lab.load(text);
            assertTrue(load.ok(), () -> "the kernel refused " + file.path() + ": " + load.stderr());
            List<String> texts = check.packets().stream().map(Probe::text).toList();
            packets += texts.size();
            run(lab, Simulator.of(exercise.topology(), ruleset), texts)
                .forEach(p -> problems.add(check.id() + ": " + p));
          }
          count("exercise checks (start, solution, wrong rulesets)", problems.isEmpty(), packets);
          assertEquals("", String.join("\n", problems), exercise.id() + " " + file.path());
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> randomRulesetsAndTrafficAgreeWithTheKernel() {
    System.out.println("conformance: seed " + SEED + ", " + CASES + " random cases"
        + " (replay with -Dpacketpath.seed=" + SEED + ")");
    Topology topology = TopologyParser.parse("example.yaml", TopologyParser.exampleText())
        .orThrow();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      long seed = SEED + i;
      Backend backend = i % 5 == 4 ? Backend.LEGACY : Backend.NFT;
      tests.add(DynamicTest.dynamicTest("seed " + seed + " " + backend.name().toLowerCase(),
          () -> randomCase(topology, seed, backend)));
    }
    return tests.stream();
  }

  private static void randomCase(Topology topology, long seed, Backend backend) {
    KernelLab lab = lab(Integer.toHexString(topology.hashCode()), topology, backend);
    String text = new RulesetGenerator(seed).ruleset(20);
    Parsed<Ruleset> parsed = RulesParser.parse("seed-" + seed + ".rules", text);
    assertTrue(parsed.errors().isEmpty(), () -> "generated ruleset rejected: " + parsed.errors());
    Ruleset ruleset = parsed.orThrow();
    Load load = lab.load(text);
    if (!load.ok()) {
      count("random rulesets the kernel accepts", false, 0);
      fail("the kernel refused a ruleset PacketPath accepts (seed " + seed + "):\n"
          + load.stderr() + "\n" + text);
    }
    String printed = SavePrinter.print(ruleset, false);
    String saved = lab.save().lines().filter(l -> !l.startsWith("#"))
        .map(l -> l + "\n").collect(Collectors.joining());
    boolean canonical = backend == Backend.LEGACY || printed.equals(saved);
    count("canonical form = iptables-save (nft)", canonical, 0);
    assertEquals(saved, backend == Backend.LEGACY ? saved : printed, "canonical form, seed " + seed);
    Simulator scratch = Simulator.of(topology, ruleset, backend);
    List<String> packets = new TrafficGenerator(seed).sequence(scratch, PACKETS);
    List<String> problems = run(lab, Simulator.of(topology, ruleset, backend), packets);
    count("random rulesets and traffic (" + backend.name().toLowerCase() + ")",
        problems.isEmpty(), packets.size());
    assertEquals("", String.join("\n", problems), "seed " + seed + "\n" + text);
  }
}

package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.lab.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options naming a firewall, {@code --topology}, {@code --rules} and {@code --backend}, and
 * the packets to send through it: without the options, the learner's working copy of the
 * current exercise's rules in that exercise's topology, loaded by iptables-nft.
 */
final class FirewallOptions {
  @Option(names = "--topology", paramLabel = "FILE",
      description = "the topology (YAML); default: the current exercise's when --rules is not"
          + " given, else the built-in example, the lab's NAT firewall")
  Optional<Path> topology = Optional.empty();

  @Option(names = "--rules", paramLabel = "FILE",
      description = "the ruleset: iptables-save output or a script of iptables commands;"
          + " default: your working copy of the current exercise's rules")
  Optional<Path> rules = Optional.empty();

  @Option(names = "--backend", paramLabel = "nft|legacy", defaultValue = "nft",
      converter = BackendConverter.class,
      description = "which iptables loaded the rules (default: ${DEFAULT-VALUE})")
  Backend backend;

  @Parameters(arity = "1..*", paramLabel = "PACKET", description = "packets, in order")
  List<String> packets = List.of();

  /** A firewall the options named: its topology, the rules file and what it holds, the backend. */
  record Firewall(Topology topology, Path rules, Ruleset ruleset, Backend backend) {
    Simulator simulator() {
      return Simulator.of(topology, ruleset, backend);
    }
  }

  /**
   * Reads the firewall the options name; empty after printing every diagnostic of the topology
   * and the rules, or that the current exercise has no working copy yet.
   */
  Optional<Firewall> read(Learner learner) {
    PrintWriter err = learner.err();
    Styles styles = learner.styles();
    Optional<Exercise> exercise = Optional.empty();
    Path file;
    if (rules.isPresent()) {
      file = rules.get();
    } else {
      Workbench bench = learner.bench();
      Exercise current = bench.current();
      file = bench.workspace().rulesFile(current);
      if (!bench.workspace().hasWorkingCopy(current)) {
        err.println("packetpath: " + styles.error("no working copy " + Workbench.show(file)
            + " yet") + ": ./packetpath start " + current.number() + " creates it; or pass the"
            + " rules to use with --rules FILE");
        return Optional.empty();
      }
      exercise = Optional.of(current);
    }
    Optional<Topology> loaded = topology.isEmpty() && exercise.isPresent()
        ? Optional.of(exercise.get().topology()) : readTopology(err, styles);
    Optional<Ruleset> ruleset = RulesFiles.read(file, backend, err, styles);
    if (loaded.isEmpty() || ruleset.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Firewall(loaded.get(), file, ruleset.get(), backend));
  }

  private Optional<Topology> readTopology(PrintWriter err, Styles styles) {
    Parsed<Topology> result = topology
        .map(TopologyParser::parse)
        .orElseGet(() -> TopologyParser.parse("example.yaml", TopologyParser.exampleText()));
    result.diagnostics().forEach(d -> err.println(styles.diagnostic(d)));
    return result.value();
  }

  /** Reads {@code nft} or {@code legacy}. */
  static final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
    @Override
    public Backend convert(String value) {
      return switch (value) {
        case "nft" -> Backend.NFT;
        case "legacy" -> Backend.LEGACY;
        default -> throw new CommandLine.TypeConversionException(
            "expected nft or legacy, not '" + value + "'");
      };
    }
  }
}

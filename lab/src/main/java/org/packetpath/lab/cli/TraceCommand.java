package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.topology.TopologyResult;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.term.Colour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code ./packetpath trace}: send packets through a simulated firewall and show their way. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Send packets through a simulated firewall, one after another, sharing one connection"
          + " table, and show each packet's way through the tables and chains.",
      "",
      "A packet is written PROTO SRC[:SPORT] > DST[:DPORT] [FLAGS] [icmp TYPE] (in IFACE | local)"
          + " [ttl N] [mark N], in one quoted argument, for example:",
      "  'tcp attacker:40000 > fw:22 in wan0'   'udp pc1:5353 > internet:53 in lan0'",
      "Names (attacker, fw, pc1 ...) come from the topology."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the packets were simulated", "2:bad packet, topology or rules"})
final class TraceCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--topology", paramLabel = "FILE",
      description = "the topology (YAML); default: the current exercise's when --rules is not"
          + " given, else the built-in example, the lab's NAT firewall")
  Optional<Path> topology;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "the ruleset: iptables-save output or a script of iptables commands;"
          + " default: your working copy of the current exercise's rules")
  Optional<Path> rules;

  @CommandLine.ParentCommand LabCli lab;
  @CommandLine.Mixin WorkspaceOption workspace;

  @Option(names = "--backend", paramLabel = "nft|legacy", defaultValue = "nft",
      converter = BackendConverter.class,
      description = "which iptables loaded the rules (default: ${DEFAULT-VALUE})")
  Backend backend;

  @Option(names = "--json", description = "print the traces as JSON, one object per packet")
  boolean json;

  @Option(names = "--no-diagram", description = "leave out the packet-flow diagrams")
  boolean noDiagram;

  @Parameters(arity = "1..*", paramLabel = "PACKET", description = "packets, in order")
  List<String> packets;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Styles styles = Styles.auto();
    Optional<Exercise> exercise = Optional.empty();
    Path file;
    if (rules.isPresent()) {
      file = rules.get();
    } else {
      Workbench bench = Workbench.open(workspace.or(lab), err, styles);
      Exercise current = bench.current();
      file = bench.workspace().rulesFile(current);
      if (!bench.workspace().hasWorkingCopy(current)) {
        err.println("packetpath: " + styles.error("no working copy " + Workbench.show(file) + " yet")
            + ": ./packetpath start " + current.number() + " creates it; or pass the rules to use"
            + " with --rules FILE");
        return ExitCodes.USAGE;
      }
      exercise = Optional.of(current);
    }
    Optional<Topology> loaded = topology.isEmpty() && exercise.isPresent()
        ? Optional.of(exercise.get().topology()) : loadTopology(err, styles);
    Optional<Ruleset> ruleset = RulesFiles.read(file, err, styles);
    if (loaded.isEmpty() || ruleset.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Simulator fw = Simulator.of(loaded.get(), ruleset.get(), backend);
    List<PacketSpec> specs = new ArrayList<>();
    boolean bad = false;
    for (int i = 0; i < packets.size(); i++) {
      SourcePosition where = new SourcePosition("packet " + (i + 1), 1, 0);
      try {
        PacketSpec packet = PacketSyntax.parse(packets.get(i), fw.names(), where);
        checkInterface(loaded.get(), packet, where, packets.get(i));
        specs.add(packet);
      } catch (InputException e) {
        e.diagnostics().forEach(d -> err.println(styles.diagnostic(d)));
        bad = true;
      }
    }
    if (bad) {
      return ExitCodes.USAGE;
    }
    List<Trace> traces = specs.stream().map(fw::send).toList();
    if (json) {
      out.println(TraceJson.array(traces));
      return ExitCodes.OK;
    }
    Colour colour = styles.colour() ? Colour.ANSI : Colour.PLAIN;
    for (Trace trace : traces) {
      if (!noDiagram) {
        out.println(colour.render(FlowDiagram.render(trace, fw.pipeline())));
      }
      out.println(colour.render(TraceText.render(trace)));
    }
    return ExitCodes.OK;
  }

  static void checkInterface(Topology topology, PacketSpec packet, SourcePosition where,
      String text) {
    if (packet.in().isPresent() && topology.interfaceNamed(packet.in().get()).isEmpty()) {
      int column = text.lastIndexOf(" in ") + 5;
      List<String> names = topology.interfaces().stream().map(i -> i.name()).toList();
      throw new InputException(List.of(Diagnostic.error(where.atColumn(column), text,
          "the firewall has no interface " + packet.in().get())
          .explained("its interfaces are " + String.join(", ", names))));
    }
  }

  private Optional<Topology> loadTopology(PrintWriter err, Styles styles) {
    TopologyResult result = topology
        .map(TopologyParser::parse)
        .orElseGet(() -> TopologyParser.parse("example.yaml", TopologyParser.exampleText()));
    result.diagnostics().forEach(d -> err.println(styles.diagnostic(d)));
    return result.topology();
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

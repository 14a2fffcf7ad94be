package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.SourceText;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.trace.Trace;
import org.packetpath.lab.kernel.Comparison;
import org.packetpath.lab.kernel.KernelLab;
import org.packetpath.lab.kernel.Load;
import org.packetpath.lab.kernel.Observation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./packetpath verify --kernel}: the same packets through the simulator and the real kernel. */
@Command(
    name = "verify",
    description = {
      "Run packets through the simulator and through the real Linux kernel (in private network"
          + " namespaces built from the topology), and show where the two disagree:"
          + " the counters each packet moved, the frames that left, the connection table.",
      "Needs root (network namespaces, iptables-restore, conntrack)."
    },
    exitCodeList = {"0:simulator and kernel agree", "1:they disagree",
        "2:bad input, or the kernel cannot be used here (not root)"})
final class VerifyCommand implements Callable<Integer> {
  @Mixin Learner learner;

  @Option(names = "--kernel", required = true, description = "compare with the running kernel")
  boolean kernel;

  @Mixin FirewallOptions firewall;

  @Override
  public Integer call() {
    PrintWriter out = learner.out();
    PrintWriter err = learner.err();
    Styles styles = learner.styles();
    Backend backend = firewall.backend;
    Optional<String> why = KernelLab.unavailable(backend);
    if (why.isPresent()) {
      err.println("lab verify: the kernel cannot be used here: " + why.get());
      return ExitCodes.USAGE;
    }
    Optional<FirewallOptions.Firewall> read = firewall.read(learner);
    if (read.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Topology top = read.get().topology();
    Path rules = read.get().rules();
    // The kernel loads what iptables-restore would: the file itself, or for a script of
    // iptables commands the save form it amounts to; the simulator reads that same text.
    String original = SourceText.read(rules).text().orElseThrow();
    String loaded = KernelLab.restoreText(original, read.get().ruleset());
    Simulator sim = Simulator.of(top, RulesParser.parse(rules.toString(), loaded).orThrow(),
        backend);
    List<PacketSpec> specs;
    try {
      specs = firewall.packets.stream().map(p -> PacketSyntax.parse(p, sim.names(),
          new SourcePosition("packet " + (firewall.packets.indexOf(p) + 1), 1, 0))).toList();
    } catch (InputException e) {
      e.diagnostics().forEach(d -> err.println(styles.diagnostic(d)));
      return ExitCodes.USAGE;
    }
    try (KernelLab lab = KernelLab.start(top, backend)) {
      Load load = lab.load(loaded);
      if (!load.ok()) {
        err.println("lab verify: the kernel refused the ruleset that PacketPath accepted:");
        err.println(load.stderr().strip());
        return ExitCodes.FAILED;
      }
      lab.reset();
      Ruleset kernelBefore = Ruleset.EMPTY; // reset() zeroed every counter
      int disagreements = 0;
      for (PacketSpec packet : specs) {
        Ruleset simBefore = sim.counters();
        Trace trace = sim.send(packet);
        Observation observed = lab.send(packet);
        List<Comparison.Difference> diffs = Comparison.compare(simBefore, sim.counters(), trace,
            sim.connections(), kernelBefore, observed);
        kernelBefore = observed.counters();
        out.println(styles.bold(packet.toString()));
        if (diffs.isEmpty()) {
          out.println("  " + styles.ok("agree") + ": " + String.join(", ",
              Comparison.deltas(simBefore, sim.counters())));
        } else {
          disagreements++;
          diffs.forEach(d -> out.print(d.render().indent(2)));
        }
      }
      out.println(disagreements == 0 ? styles.ok("The simulator and the kernel agree.")
          : styles.error(disagreements + " of " + specs.size() + " packets differ."));
      return disagreements == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}

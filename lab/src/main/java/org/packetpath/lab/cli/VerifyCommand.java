package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.SourceText;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.Trace;
import org.packetpath.lab.kernel.Comparison;
import org.packetpath.lab.kernel.KernelLab;
import org.packetpath.lab.kernel.Load;
import org.packetpath.lab.kernel.Observation;
import org.packetpath.lab.packets.Packets;
import picocli.CommandLine.Command;
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
final class VerifyCommand extends FirewallCommand {
  @Option(names = "--kernel", required = true, description = "compare with the running kernel")
  boolean kernel;

  @Override
  int run(FirewallOptions.Firewall read) {
    Path rules = read.rules();
    // The kernel loads what iptables-restore would: the file itself, or for a script of
    // iptables commands the save form it amounts to; the simulator reads that same text.
    String original = SourceText.read(rules).text().orElseThrow();
    String loaded = KernelLab.restoreText(original, read.ruleset());
    Simulator sim = Simulator.of(read.topology(),
        RulesParser.parse(rules.toString(), loaded, firewall.backend).orThrow(), firewall.backend);
    Packets.Read packets = Packets.read(sim, firewall.packets);
    List<Diagnostic> errors = packets.ok() ? refused(packets.packets()) : packets.errors();
    if (!errors.isEmpty()) {
      return usage(errors);
    }
    Optional<String> why = KernelLab.unavailable(firewall.backend);
    if (why.isPresent()) {
      learner.err().println("lab verify: the kernel cannot be used here: " + why.get());
      return ExitCodes.USAGE;
    }
    return compare(sim, loaded, packets.packets());
  }

  /** The packets the kernel lab cannot send, such as one arriving on lo, as errors. */
  private List<Diagnostic> refused(List<PacketSpec> packets) {
    List<Diagnostic> errors = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      SourcePosition where = new SourcePosition("packet " + (i + 1), 1, 0);
      String text = firewall.packets.get(i);
      KernelLab.refusal(packets.get(i)).ifPresent(why -> errors.add(
          Diagnostic.error(where, text, why)));
    }
    return errors;
  }

  /** Sends each packet through the simulator and the kernel, and shows where they differ. */
  private int compare(Simulator sim, String rulesText, List<PacketSpec> packets) {
    PrintWriter out = learner.out();
    Styles styles = learner.styles();
    try (KernelLab lab = KernelLab.start(sim.topology(), firewall.backend)) {
      Load load = lab.load(rulesText);
      if (!load.ok()) {
        PrintWriter err = learner.err();
        err.println("lab verify: the kernel refused the ruleset that PacketPath accepted:");
        err.println(load.stderr().strip());
        return ExitCodes.FAILED;
      }
      lab.reset();
      Ruleset kernelBefore = Ruleset.EMPTY; // reset() zeroed every counter
      int disagreements = 0;
      for (PacketSpec packet : packets) {
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
          : styles.error(disagreements + " of " + packets.size() + " packets differ."));
      return disagreements == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}

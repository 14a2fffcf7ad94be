package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.List;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.packets.Packets;
import org.packetpath.lab.term.Colour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./packetpath trace}: send packets through a simulated firewall and show their way. */
@Command(
    name = "trace",
    description = {
      "Send packets through a simulated firewall, one after another, sharing one connection"
          + " table, and show each packet's way through the tables and chains.",
      "",
      "A packet is written PROTO SRC[:SPORT] > DST[:DPORT] [FLAGS] [icmp TYPE] (in IFACE | local)"
          + " [ttl N] [mark N], in one quoted argument, for example:",
      "  'tcp attacker:40000 > fw:22 in wan0'   'udp pc1:5353 > internet:53 in lan0'",
      "Names (attacker, fw, pc1 ...) come from the topology."
    },
    exitCodeList = {"0:the packets were simulated", "2:bad packet, topology or rules"})
final class TraceCommand extends FirewallCommand {
  @Option(names = "--json", description = "print the traces as JSON, one object per packet")
  boolean json;

  @Option(names = "--no-diagram", description = "leave out the packet-flow diagrams")
  boolean noDiagram;

  @Override
  int run(FirewallOptions.Firewall loaded) {
    Simulator fw = loaded.simulator();
    Packets.Sent sent = Packets.send(fw, firewall.packets);
    if (!sent.ok()) {
      return usage(sent.errors());
    }
    PrintWriter out = learner.out();
    List<Trace> traces = sent.traces();
    if (json) {
      out.println(TraceJson.array(traces));
      return ExitCodes.OK;
    }
    Colour colour = learner.styles().colour() ? Colour.ANSI : Colour.PLAIN;
    for (Trace trace : traces) {
      if (!noDiagram) {
        out.println(colour.render(FlowDiagram.render(trace, fw.pipeline())));
      }
      out.println(colour.render(TraceText.render(trace)));
    }
    return ExitCodes.OK;
  }
}

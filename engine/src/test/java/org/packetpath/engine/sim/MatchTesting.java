package org.packetpath.engine.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Trace;

/** Builds firewalls from a few rules on the example topology and reads which rules matched. */
final class MatchTesting {
  private MatchTesting() {}

  static Topology example() {
    try {
      return SeedScenarioTest.topology();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A firewall on {@code topology} whose table {@code table} holds {@code rules} (written as
   * after {@code iptables-save}'s table line: {@code -A INPUT ...}), every built-in chain with
   * policy ACCEPT.
   */
  static Simulator firewall(Topology topology, String table, String... rules) {
    Table t = Table.byLabel(table).orElseThrow();
    StringBuilder text = new StringBuilder("*" + table + "\n");
    for (Hook hook : t.builtinHooks()) {
      text.append(':').append(hook.name()).append(" ACCEPT [0:0]\n");
    }
    for (String rule : rules) {
      text.append(rule).append('\n');
    }
    text.append("COMMIT\n");
    return Simulator.of(topology, RulesParser.parse("rules.v4", text.toString()).orThrow());
  }

  /** {@link #firewall(Topology, String, String...)} on the example topology. */
  static Simulator firewall(String table, String... rules) {
    return firewall(example(), table, rules);
  }

  /** The numbers of the rules of {@code table:CHAIN} the packet matched, in order. */
  static List<Integer> matched(Trace trace, String tableChain) {
    return trace.hits().stream()
        .filter(h -> !h.isPolicy())
        .filter(h -> (h.table().label() + ":" + h.chain()).equals(tableChain))
        .map(RuleHit::rule)
        .toList();
  }

  /** Sends {@code packet} and returns the numbers of the rules of {@code tableChain} it hit. */
  static List<Integer> matched(Simulator fw, String packet, String tableChain) {
    return matched(fw.send(packet), tableChain);
  }

  /** A packet in packet syntax with a changed header, for fields the syntax has no word for. */
  static PacketSpec spec(Simulator fw, String packet,
      java.util.function.UnaryOperator<Packet> change) {
    PacketSpec spec = PacketSyntax.parse(packet, fw.names());
    return new PacketSpec(change.apply(spec.packet()), spec.in());
  }
}

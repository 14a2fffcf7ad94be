package org.packetpath.lab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.engine.trace.Trace;

/**
 * Compares what the simulator says one packet did with what the kernel did: the counters it
 * moved (exactly, rule by rule and policy by policy, packets and bytes), the frames that left
 * the firewall because of it (the packet after NAT and the firewall's answers), and the
 * connection table after it.
 */
public final class Comparison {
  private Comparison() {}

  /** One way the two sides differ: what, and each side's account, ready to print side by side. */
  public record Difference(String aspect, List<String> simulator, List<String> kernel) {
    public Difference {
      Objects.requireNonNull(aspect, "aspect");
      simulator = List.copyOf(simulator);
      kernel = List.copyOf(kernel);
    }

    /** Both accounts in two columns, the lines that differ marked. */
    public String render() {
      StringBuilder out = new StringBuilder(aspect).append('\n');
      int width = Math.max(20, simulator.stream().mapToInt(String::length).max().orElse(0));
      out.append(String.format("  %-" + width + "s | %s%n", "simulator", "kernel"));
      for (int i = 0; i < Math.max(simulator.size(), kernel.size()); i++) {
        String s = i < simulator.size() ? simulator.get(i) : "";
        String k = i < kernel.size() ? kernel.get(i) : "";
        out.append(s.equals(k) ? "  " : "! ").append(String.format("%-" + width + "s | %s%n", s, k));
      }
      return out.toString();
    }
  }

  /**
   * The differences for one packet.
   *
   * @param simBefore the simulator's counters before the packet; {@code simAfter} after it
   * @param kernelBefore the kernel's counters before the packet
   */
  public static List<Difference> compare(Ruleset simBefore, Ruleset simAfter, Trace trace,
      List<String> simConnections, Ruleset kernelBefore, Observation kernel) {
    List<Difference> out = new ArrayList<>();
    List<String> simCounters = deltas(simBefore, simAfter);
    // Only the tables the ruleset loads: iptables-legacy keeps tables an earlier ruleset used.
    List<String> loaded = simAfter.tables().stream().map(t -> t.table().label() + ":").toList();
    List<String> kernelCounters = deltas(kernelBefore, kernel.counters()).stream()
        .filter(d -> loaded.stream().anyMatch(d::startsWith)).toList();
    if (!simCounters.equals(kernelCounters)) {
      out.add(new Difference("counters moved", simCounters, kernelCounters));
    }
    List<String> simFrames = frames(trace);
    List<String> kernelFrames = kernel.frames().stream()
        .map(f -> f.out() + ": " + describe(f.packet())).sorted().toList();
    if (!simFrames.equals(kernelFrames)) {
      out.add(new Difference("frames that left the firewall", simFrames, kernelFrames));
    }
    List<String> simCt = simConnections.stream().map(Comparison::connection).sorted().toList();
    List<String> kernelCt = kernel.conntrack().stream().map(Comparison::connection).sorted().toList();
    if (!simCt.equals(kernelCt)) {
      out.add(new Difference("connection table", simCt, kernelCt));
    }
    return out;
  }

  /** {@code filter:INPUT:rule 3 +1/40}, for every rule and policy whose counters moved. */
  public static List<String> deltas(Ruleset before, Ruleset after) {
    Map<String, Counters> old = counters(before);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Counters> e : counters(after).entrySet()) {
      Counters was = old.getOrDefault(e.getKey(), Counters.ZERO);
      long packets = e.getValue().packets() - was.packets();
      long bytes = e.getValue().bytes() - was.bytes();
      if (packets != 0 || bytes != 0) {
        out.add(e.getKey() + " +" + packets + "/" + bytes);
      }
    }
    return out;
  }

  private static Map<String, Counters> counters(Ruleset r) {
    Map<String, Counters> out = new TreeMap<>();
    for (TableRules t : r.tables()) {
      for (Chain c : t.chains()) {
        if (c.isBuiltin()) {
          out.put(t.table().label() + ":" + c.name() + ":policy", c.counters());
        }
        for (int i = 0; i < c.rules().size(); i++) {
          out.put(t.table().label() + ":" + c.name() + ":rule " + (i + 1), c.rules().get(i).counters());
        }
      }
    }
    return out;
  }

  /** Every frame the simulator says left on a network interface, the answers included. */
  static List<String> frames(Trace trace) {
    List<String> out = new ArrayList<>();
    collect(trace, out);
    out.sort(null);
    return out;
  }

  private static void collect(Trace trace, List<String> out) {
    if (trace.out().isPresent() && trace.finalPacket().isPresent()
        && !trace.out().get().equals("lo")) {
      out.add(trace.out().get() + ": " + describe(trace.finalPacket().get()));
    }
    trace.generated().forEach(g -> collect(g, out));
  }

  /** A packet with the header fields both sides can see: its syntax, TTL and length. */
  static String describe(Packet p) {
    return p + " ttl " + p.ttl() + " length " + p.length();
  }

  private static final Pattern FIELD = Pattern.compile("(src|dst|sport|dport)=(\\S+)");

  /**
   * A connection as {@code proto src dst sport dport -> src dst sport dport [UNREPLIED]
   * [ASSURED]}, from either side's listing (the kernel's adds timeouts, states, ids, marks).
   */
  static String connection(String line) {
    String proto = line.trim().split("\\s+")[0];
    List<String> fields = new ArrayList<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      fields.add(m.group(2));
    }
    int half = fields.size() / 2;
    String tuples = String.join(" ", fields.subList(0, half)) + " -> "
        + String.join(" ", fields.subList(half, fields.size()));
    return proto + " " + tuples + (line.contains("[UNREPLIED]") ? " [UNREPLIED]" : "")
        + (line.contains("[ASSURED]") ? " [ASSURED]" : "");
  }
}

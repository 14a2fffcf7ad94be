package org.packetpath.engine.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Trace;

/**
 * The front door of the simulator: a firewall (its topology and ruleset) that packets can be
 * sent through, one after another, sharing one connection-tracking table and one set of
 * counters, as a real firewall would.
 *
 * <pre>{@code
 * Simulator fw = Simulator.of(topology, ruleset, Backend.NFT);
 * Trace trace = fw.send("tcp attacker:40000 > fw:22 in wan0");
 * trace.disposition();           // DROPPED
 * trace.hits();                  // [filter:INPUT:rule 3:DROP]
 * fw.counters();                 // the ruleset with counters, as iptables-save -c prints it
 * }</pre>
 *
 * <p>Not thread-safe: a simulator is a firewall with state.
 */
public final class Simulator {
  private final Topology topology;
  private final Ruleset ruleset;
  private final CompiledRuleset rules;
  private final Pipeline pipeline;
  private final Conntrack conntrack = new Conntrack();
  /** Connections the firewall's listening sockets know: their SYN was answered. */
  private final Set<Tuple> sockets = new HashSet<>();
  private boolean recording = true;

  private Simulator(Topology topology, Ruleset ruleset, Pipeline pipeline) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.rules = new CompiledRuleset(ruleset, pipeline.backend(), topology);
  }

  /** A firewall with {@code topology} and {@code ruleset} loaded by {@code backend}. */
  public static Simulator of(Topology topology, Ruleset ruleset, Backend backend) {
    return new Simulator(topology, ruleset, Pipeline.of(backend));
  }

  /** A firewall whose packets walk {@code pipeline}, which may not be a kernel's: for tests. */
  static Simulator of(Topology topology, Ruleset ruleset, Pipeline pipeline) {
    return new Simulator(topology, ruleset, pipeline);
  }

  /**
   * Loads a firewall from a topology file and a rules file (either form); any problem in
   * either throws {@link InputException} carrying every located diagnostic.
   */
  public static Simulator load(Path topology, Path rules, Backend backend) {
    Parsed<Topology> t = TopologyParser.parse(topology);
    Parsed<Ruleset> r = RulesParser.parse(rules);
    List<Diagnostic> errors = new ArrayList<>(t.errors());
    errors.addAll(r.errors());
    if (!errors.isEmpty()) {
      throw new InputException(errors);
    }
    return of(t.value().orElseThrow(), r.value().orElseThrow(), backend);
  }

  /** A firewall loaded by iptables-nft, the default. */
  public static Simulator of(Topology topology, Ruleset ruleset) {
    return of(topology, ruleset, Backend.NFT);
  }

  /**
   * Sends a packet written in packet syntax, names resolved in the topology; a bad packet
   * throws {@link InputException} with a located diagnostic.
   */
  public Trace send(String packet) {
    return send(PacketSyntax.parse(packet, names()));
  }

  /** Sends a packet through the firewall and returns its trace. */
  public Trace send(PacketSpec spec) {
    spec.in().ifPresent(this::checkInterface);
    return new Journey(this, spec, 0).run();
  }

  /** How names in packet strings resolve: hosts and networks of the topology, the firewall. */
  public PacketSyntax.Names names() {
    return (name, in) -> topology.resolve(name, in.orElse(""));
  }

  private void checkInterface(String name) {
    if (topology.interfaceNamed(name).isEmpty()) {
      List<String> names = topology.interfaces().stream().map(i -> i.name()).toList();
      throw new InputException(List.of(Diagnostic.error(new SourcePosition("packet", 1, 0), "",
          "the firewall has no interface " + name).explained("its interfaces are " + names)));
    }
  }

  /** Turns trace recording off (for speed) or on; counters and connections are always kept. */
  public Simulator recording(boolean on) {
    this.recording = on;
    return this;
  }

  /**
   * The ruleset with the counters the packets sent so far added, as {@code iptables-save -c}
   * and {@code iptables -L -v} would show them.
   */
  public Ruleset counters() {
    List<TableRules> tables = new ArrayList<>();
    for (TableRules t : ruleset.tables()) {
      List<Chain> chains = new ArrayList<>();
      for (Chain c : t.chains()) {
        List<Rule> counted = new ArrayList<>();
        for (int i = 0; i < c.rules().size(); i++) {
          counted.add(c.rules().get(i).withCounters(add(c.rules().get(i).counters(),
              rules.counts(t.table(), c.name(), i + 1))));
        }
        Counters policy = c.isBuiltin() ? add(c.counters(), rules.counts(t.table(), c.name(), 0))
            : c.counters();
        chains.add(new Chain(c.name(), c.policy(), policy, counted, c.declared(), c.origin()));
      }
      tables.add(new TableRules(t.table(), chains));
    }
    return new Ruleset(tables);
  }

  private static Counters add(Counters base, long[] counts) {
    return base.plus(new Counters(counts[0], counts[1]));
  }

  /** The confirmed connection-tracking entries, as {@code conntrack -L} lists them. */
  public List<String> connections() {
    return conntrack.list();
  }

  /** Whether connection tracking runs: only when some rule needs it, as in the kernel. */
  public boolean conntrackActive() {
    return rules.needsConntrack();
  }

  public Topology topology() {
    return topology;
  }

  public Ruleset ruleset() {
    return ruleset;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  // ---- for the journey -------------------------------------------------------------------

  CompiledRuleset rules() {
    return rules;
  }

  Conntrack conntrack() {
    return conntrack;
  }

  Set<Tuple> sockets() {
    return sockets;
  }

  boolean recording() {
    return recording;
  }

  void count(RuleHit hit, int bytes) {
    long[] c = rules.counts(hit.table(), hit.chain(), hit.rule());
    c[0]++;
    c[1] += bytes;
  }

  /** A tuple for a new NAT binding that no other connection uses, moving the port if needed. */
  Tuple unique(Tuple proposed, Connection c, boolean source) {
    Tuple t = proposed;
    for (int i = 0; i < 64512 && conntrack.taken(t, c); i++) {
      int port = (source ? t.sourcePort() : t.destinationPort()) + 1;
      if (port > 65535) {
        port = 1024;
      }
      t = source ? new Tuple(t.protocol(), t.source(), t.destination(), port, t.destinationPort())
          : new Tuple(t.protocol(), t.source(), t.destination(), t.sourcePort(), port);
    }
    return t;
  }

  /** Sends an answer the firewall generated while handling {@code parent}'s packet. */
  Trace sendGenerated(Replies.Reply reply, Journey parent, int depth) {
    Journey j = new Journey(this, new PacketSpec(reply.packet(), Optional.empty()), depth);
    if (reply.attached() && parent.connection().isPresent()) {
      j.attached(parent.connection().get(), !parent.replyDirection(), CtState.RELATED,
          reply.packet().protocol() == org.packetpath.engine.packet.Packet.ICMP);
    }
    return j.run();
  }
}

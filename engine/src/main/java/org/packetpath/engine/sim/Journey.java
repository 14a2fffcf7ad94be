package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.pipeline.Stage;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.sim.ChainWalker.Verdict;
import org.packetpath.engine.sim.CompiledRuleset.CompiledChain;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.RouteLookup;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/**
 * One packet's way through the firewall: the hooks of the {@link
 * org.packetpath.engine.pipeline.Pipeline} in order, the routing decisions between them,
 * connection tracking, NAT, and the end of the way (delivery, forwarding, sending, or a drop).
 * It records every step into the trace. Single use; not thread-safe.
 *
 * <p>This class is longer than most because it transcribes the kernel's paths (netfilter
 * reference, section 2.1) in one place, where they can be read side by side.
 */
final class Journey {
  /** How many answers to answers are followed; a RST is never answered, so chains end. */
  private static final int MAX_DEPTH = 3;

  private final Simulator sim;
  private final PacketSpec spec;
  private final int depth;

  private Packet packet;
  private Optional<String> in;
  private Optional<String> out = Optional.empty();
  /**
   * The device OUTPUT's rules see as {@code -o}: the first route's, kept when nat or mangle
   * OUTPUT re-route the packet (the hook state is fixed when the hook starts; checked on 6.18).
   */
  private Optional<String> outputDevice = Optional.empty();
  private Optional<Connection> conn = Optional.empty();
  private boolean replyDirection;
  private boolean relatedError;
  private boolean untracked;
  private boolean tracked;
  private CtState ctState = CtState.INVALID;
  private Optional<Connection> unconfirmed = Optional.empty();

  private final List<Step> steps = new ArrayList<>();
  private final List<RuleHit> hits = new ArrayList<>();
  private final List<Trace> generated = new ArrayList<>();
  private final List<Replies.Reply> replies = new ArrayList<>();
  private Disposition disposition;
  private Optional<Packet> finalPacket = Optional.empty();

  Journey(Simulator sim, PacketSpec spec, int depth) {
    this.sim = sim;
    this.spec = spec;
    this.depth = depth;
    this.packet = spec.packet();
    this.in = spec.in();
  }

  /** Starts this journey attached to a connection, as the kernel attaches its own answers. */
  Journey attached(Connection c, boolean reply, CtState state, boolean error) {
    conn = Optional.of(c);
    replyDirection = reply;
    ctState = state;
    relatedError = error;
    tracked = true;
    return this;
  }

  Trace run() {
    if (in.isPresent()) {
      arrive();
    } else {
      sendLocal();
    }
    if (depth < MAX_DEPTH) { // a SYN, its SYN-ACK, the RST to that: then it stops
      for (Replies.Reply reply : replies) {
        generated.add(sim.sendGenerated(reply, this, depth + 1));
      }
    }
    return new Trace(spec, ctState.name(), steps, hits, disposition, out, finalPacket, generated);
  }

  // ---- paths -----------------------------------------------------------------------------

  private void arrive() {
    if (!hook(Hook.PREROUTING)) {
      return;
    }
    int dst = packet.destination();
    String iface = in.orElseThrow();
    if (!iface.equals("lo") && routingDrop()) {
      return;
    }
    if (sim.topology().isLocal(dst) || LocalTable.lookup(sim.topology(), dst).isPresent()
        || dst == -1) {
      step(new Step.Routed("local delivery (" + Ipv4.format(dst)
          + (sim.topology().isLocal(dst) ? " is the firewall's own address)" : " is a broadcast)")));
      deliverLocally();
      return;
    }
    if ((dst >>> 28) == 0xe) {
      step(new Step.Routed("dropped: multicast " + Ipv4.format(dst)
          + " is neither routed nor joined"));
      end(Disposition.ROUTING_DROP);
      return;
    }
    if (sim.topology().sysctls().ipForward() == 0) {
      step(new Step.Routed("dropped: the firewall does not forward (ip_forward=0)"));
      end(Disposition.ROUTING_DROP);
      return;
    }
    Optional<RouteLookup> route = sim.topology().route(dst);
    if (route.isEmpty()) {
      step(new Step.Routed("dropped: no route to " + Ipv4.format(dst)));
      end(Disposition.ROUTING_DROP);
      return;
    }
    out = Optional.of(route.get().device().name());
    step(new Step.Routed("forward out " + out.get() + " (" + route.get().route() + ")"));
    if (packet.ttl() <= 1) {
      step(new Step.Note("TTL " + packet.ttl() + " runs out here: dropped, and the sender is told"
          + " with ICMP time exceeded"));
      replies.add(Replies.icmpError(sim, packet, in.orElseThrow(), 11, 0));
      end(Disposition.ROUTING_DROP);
      return;
    }
    packet = packet.withTtl(packet.ttl() - 1);
    if (!hook(Hook.FORWARD) || !hook(Hook.POSTROUTING)) {
      return;
    }
    finalPacket = Optional.of(packet);
    end(Disposition.FORWARDED);
  }

  /** The source checks of the input route: martians and rp_filter. True when dropped. */
  private boolean routingDrop() {
    int src = packet.source();
    String iface = in.orElseThrow();
    if (sim.topology().isLocal(src) || (packet.destination() >>> 24) == 127) {
      step(new Step.Routed("dropped as a martian: " + Ipv4.format(src) + " -> "
          + Ipv4.format(packet.destination()) + " cannot arrive on " + iface));
      end(Disposition.ROUTING_DROP);
      return true;
    }
    int mode = sim.topology().rpFilter(iface);
    if (mode != 0) {
      Optional<RouteLookup> back = sim.topology().route(src);
      boolean ok = back.isPresent() && (mode == 2 || back.get().device().name().equals(iface));
      if (!ok) {
        step(new Step.Routed("dropped by rp_filter=" + mode + ": replies to "
            + Ipv4.format(src) + " would not leave by " + iface));
        end(Disposition.ROUTING_DROP);
        return true;
      }
    }
    return false;
  }

  private void deliverLocally() {
    if (!hook(Hook.INPUT)) {
      return;
    }
    end(Disposition.LOCAL);
    if (sim.topology().isLocal(packet.destination())) { // nothing answers a broadcast
      replies.addAll(Replies.forDelivered(sim, packet));
    }
  }

  private void sendLocal() {
    if (!routeOutput("")) {
      return;
    }
    outputDevice = out;
    if (!hook(Hook.OUTPUT) || !hook(Hook.POSTROUTING)) {
      return;
    }
    if (out.filter("lo"::equals).isPresent()) {
      step(new Step.Note("looped back: the packet comes in again on lo"));
      in = Optional.of("lo");
      out = Optional.empty();
      arrive();
      return;
    }
    finalPacket = Optional.of(packet);
    end(Disposition.SENT);
  }

  /** The output route: egress interface, or lo for the firewall's own addresses. */
  private boolean routeOutput(String what) {
    int dst = packet.destination();
    if (sim.topology().isLocal(dst)) {
      out = Optional.of("lo");
      step(new Step.Routed(prefix(what) + "out lo (" + Ipv4.format(dst)
          + " is the firewall's own)"));
      return true;
    }
    Optional<RouteLookup> route = sim.topology().route(dst);
    if (route.isEmpty()) {
      step(new Step.Routed("no route to " + Ipv4.format(dst) + ": the packet is not sent"));
      end(Disposition.ROUTING_DROP);
      return false;
    }
    out = Optional.of(route.get().device().name());
    step(new Step.Routed(prefix(what) + "out " + out.get() + " (" + route.get().route() + ")"));
    return true;
  }

  private static String prefix(String what) {
    return what.isEmpty() ? "" : what + ": ";
  }

  // ---- hooks -----------------------------------------------------------------------------

  /** Runs every stage at {@code hook}; false when the packet's way ended there. */
  private boolean hook(Hook hook) {
    for (Stage stage : sim.pipeline().stages(hook)) {
      boolean going = switch (stage.kind()) {
        case CONNTRACK -> track(hook);
        case CONFIRM -> confirm();
        case CHAIN -> stage.isNat() ? nat(hook) : chain(hook, stage.table().orElseThrow());
      };
      if (!going) {
        return false;
      }
    }
    return true;
  }

  private boolean chain(Hook hook, Table table) {
    Optional<CompiledChain> chain = sim.rules().chain(table, hook.name());
    if (chain.isEmpty() || !chain.get().hooked()) {
      return true;
    }
    Packet before = packet;
    long mark = packet.mark();
    boolean going = verdict(ChainWalker.walk(this, hook, table, chain.get()), hook);
    if (going && hook == Hook.OUTPUT && table == Table.MANGLE
        && (packet.destination() != before.destination() || packet.mark() != mark)) {
      return routeOutput("re-route after mangle OUTPUT");
    }
    return going;
  }

  private boolean nat(Hook hook) {
    if (!sim.conntrackActive() || conn.isEmpty()) {
      return true;
    }
    Connection c = conn.get();
    boolean source = Nat.sourceManip(hook);
    int destination = packet.destination();
    if (relatedError) { // nf_nat_ipv4_fn translates ICMP errors; their nat chain is not walked
      Nat.rewrite(this, hook);
      return hook != Hook.OUTPUT || packet.destination() == destination
          || routeOutput("re-route after nat OUTPUT");
    }
    if ((ctState == CtState.NEW || ctState == CtState.RELATED) && !c.natDone(source)) {
      Optional<CompiledChain> chain = sim.rules().chain(Table.NAT, hook.name());
      if (chain.isPresent() && chain.get().hooked()) {
        if (!verdict(ChainWalker.walk(this, hook, Table.NAT, chain.get()), hook)) {
          return false;
        }
      }
      if (!c.natDone(source)) {
        Nat.nullBinding(c, hook);
      }
    }
    Nat.rewrite(this, hook);
    if (hook == Hook.OUTPUT && packet.destination() != destination) {
      return routeOutput("re-route after nat OUTPUT");
    }
    return true;
  }

  private boolean verdict(Verdict verdict, Hook hook) {
    switch (verdict.kind()) {
      case ACCEPT -> {
        return true;
      }
      case DROP, QUEUE -> end(Disposition.DROPPED);
      case REJECT -> {
        end(Disposition.REJECTED);
        Replies.reject(sim, packet, verdict.rejectWith(), in, hook).ifPresent(replies::add);
      }
    }
    return false;
  }

  private boolean track(Hook hook) {
    if (!sim.conntrackActive() || tracked) {
      return true;
    }
    tracked = true;
    if (untracked) {
      ctState = CtState.UNTRACKED;
      step(new Step.Tracked("UNTRACKED", ""));
      return true;
    }
    Conntrack.Classified c = sim.conntrack().classify(packet, sim.topology().sysctls());
    ctState = c.state();
    conn = c.connection();
    replyDirection = c.reply();
    relatedError = c.relatedError();
    if (c.created()) {
      unconfirmed = conn;
    }
    step(new Step.Tracked(ctState.name(), conn.map(Connection::describe).orElse("")));
    return true;
  }

  private boolean confirm() {
    if (unconfirmed.isPresent()) {
      sim.conntrack().confirm(unconfirmed.get());
      unconfirmed = Optional.empty();
    }
    return true;
  }

  private void end(Disposition d) {
    disposition = d;
    unconfirmed = Optional.empty(); // an entry not confirmed by now is discarded
    if (d == Disposition.DROPPED || d == Disposition.REJECTED || d == Disposition.ROUTING_DROP) {
      out = Optional.empty();
    }
  }

  // ---- what chains and targets see and change ------------------------------------------

  Visit visit(Hook hook, Table table) {
    CtState seen = table == Table.RAW && !untracked ? CtState.INVALID
        : untracked ? CtState.UNTRACKED : ctState;
    Optional<Visit.ConnView> view = table == Table.RAW ? Optional.empty()
        : conn.flatMap(c -> c.view(replyDirection));
    Optional<String> device = hook == Hook.OUTPUT ? outputDevice : out;
    return new Visit(packet, hook.knowsInInterface() ? in : Optional.empty(),
        hook.knowsOutInterface() ? device : Optional.empty(), hook, table, seen, view,
        spec.isLocal());
  }

  CompiledChain chain(Table table, String name) {
    return sim.rules().chain(table, name).orElseThrow();
  }

  Packet packet() {
    return packet;
  }

  void setPacket(Packet p) {
    packet = p;
  }

  void setMark(long mark) {
    packet = packet.withMark(mark);
  }

  void untrack() {
    if (!tracked) {
      untracked = true;
    }
  }

  Optional<Connection> connection() {
    return conn;
  }

  boolean replyDirection() {
    return replyDirection;
  }

  boolean isRelatedError() {
    return relatedError;
  }

  Optional<Interface> inInterface() {
    return in.flatMap(sim.topology()::interfaceNamed);
  }

  Optional<Interface> outInterface() {
    return out.flatMap(sim.topology()::interfaceNamed);
  }

  Simulator simulator() {
    return sim;
  }

  /** A note in the trace; its text is only made when the trace is recorded. */
  void note(java.util.function.Supplier<String> text) {
    if (sim.recording()) {
      steps.add(new Step.Note(text.get()));
    }
  }

  void step(Step step) {
    if (sim.recording()) {
      steps.add(step);
    }
  }

  void hit(RuleHit hit) {
    hits.add(hit);
    sim.count(hit, packet.length());
  }
}

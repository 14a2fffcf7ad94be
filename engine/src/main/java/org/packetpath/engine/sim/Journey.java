package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.pipeline.Stage;
import org.packetpath.engine.pipeline.Way;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.sim.ChainWalker.Verdict;
import org.packetpath.engine.sim.CompiledRuleset.CompiledChain;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.RouteLookup;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.DropReason;
import org.packetpath.engine.trace.Martian;
import org.packetpath.engine.trace.RouteDecision;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/**
 * One packet's way through the firewall: a walk over the {@link Pipeline}'s graph from where the
 * packet starts to where it ends. At each place the journey does what the kernel does there
 * (the stages of a hook, a routing decision, delivery, sending) and asks the pipeline where the
 * way it leaves by leads; every place entered and every step is recorded into the trace. Single
 * use; not thread-safe.
 *
 * <p>This class is longer than most because it does, in one place, what the kernel does at each
 * place of the pipeline (netfilter reference, sections 2.1 to 2.4), where the places can be read
 * side by side; which place follows which is the pipeline's alone.
 */
final class Journey {
  /** How many answers to answers are followed; a RST is never answered, so chains end. */
  private static final int MAX_DEPTH = 3;

  /** How a stage of a hook ended for the packet. */
  private enum Go {
    /** On to the next stage. */
    ON,
    /** Dropped or rejected: the way ends here. */
    STOP,
    /** The packet changed in OUTPUT and must be routed again. */
    REROUTE
  }

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
  /** Whether the packet is still to leave the local process that sends it. */
  private boolean sending;
  /** The stage of OUTPUT to go on with after a re-route, and the table that caused it. */
  private int resume;
  private Table rerouteAfter = Table.MANGLE;

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
    this.sending = in.isEmpty();
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
    Pipeline pipeline = sim.pipeline();
    Place place = in.isPresent() ? Place.ARRIVAL : Place.LOCAL_PROCESS;
    while (true) {
      step(Step.Entered.of(place));
      Optional<Way> way = leave(place);
      if (way.isEmpty()) {
        break;
      }
      place = pipeline.next(place, way.get());
    }
    if (depth < MAX_DEPTH) { // a SYN, its SYN-ACK, the RST to that: then it stops
      for (Replies.Reply reply : replies) {
        generated.add(sim.sendGenerated(reply, this, depth + 1));
      }
    }
    return new Trace(spec, ctState, steps, hits, disposition, out, finalPacket, generated);
  }

  // ---- places ----------------------------------------------------------------------------

  /** Does what happens at {@code place}; the way the packet leaves it, or empty where it ends. */
  private static final List<Optional<Way>> WAYS =
      java.util.Arrays.stream(Way.values()).map(Optional::of).toList();

  /** {@code w}, as the way out: one Optional per way, made once. */
  private static Optional<Way> way(Way w) {
    return WAYS.get(w.ordinal());
  }

  private Optional<Way> leave(Place place) {
    return switch (place) {
      case ARRIVAL -> way(Way.ON);
      case PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING -> way(hook(
          place.hook().orElseThrow()));
      case INPUT_ROUTE -> way(inputRoute());
      case OUTPUT_ROUTE -> way(outputRoute());
      case REROUTE -> way(reroute());
      case LOCAL_PROCESS -> localProcess();
      case LOOPBACK -> {
        in = Optional.of("lo");
        out = Optional.empty();
        yield way(Way.ON);
      }
      case DEPARTURE -> {
        finalPacket = Optional.of(packet);
        end(spec.in().isPresent() ? Disposition.FORWARDED : Disposition.SENT);
        yield Optional.empty();
      }
      case DROP -> Optional.empty();
    };
  }

  /** A local packet starts here; a delivered one ends here, and the firewall may answer it. */
  private Optional<Way> localProcess() {
    if (sending) {
      sending = false;
      return way(Way.ON);
    }
    end(Disposition.LOCAL);
    if (sim.topology().isLocal(packet.destination())) { // nothing answers a broadcast
      replies.addAll(Replies.forDelivered(sim, packet));
    }
    return Optional.empty();
  }

  /** The input route, on the destination after PREROUTING: local, forward or drop. */
  private Way inputRoute() {
    int dst = packet.destination();
    int src = packet.source();
    if (!in.orElseThrow().equals("lo")) {
      if (Martian.isMulticast(dst)) { // ip_route_input_rcu, before any martian check
        return routingDrop(Place.INPUT_ROUTE,
            RouteDecision.Dropped.of(DropReason.MULTICAST, packet));
      }
      if (Martian.of(src, dst).isPresent()) {
        return routingDrop(Place.INPUT_ROUTE,
            new RouteDecision.Dropped(DropReason.MARTIAN, packet, in, 0));
      }
      Optional<RouteDecision.Dropped> source = Martian.isZeronet(src) ? Optional.empty()
          : sourceCheck();
      if (source.isPresent()) {
        return routingDrop(Place.INPUT_ROUTE, source.get());
      }
    }
    if (sim.topology().isLocal(dst) || LocalTable.lookup(sim.topology(), dst).isPresent()
        || Martian.isBroadcastInput(src, dst)) {
      step(Step.Routed.at(Place.INPUT_ROUTE,
          new RouteDecision.Local(dst, sim.topology().isLocal(dst))));
      return Way.LOCAL;
    }
    if (sim.topology().sysctls().ipForward() == 0) {
      return routingDrop(Place.INPUT_ROUTE,
          RouteDecision.Dropped.of(DropReason.FORWARDING_DISABLED, packet));
    }
    Optional<RouteLookup> route = sim.topology().route(dst);
    if (route.isEmpty()) {
      return routingDrop(Place.INPUT_ROUTE, RouteDecision.Dropped.of(DropReason.NO_ROUTE, packet));
    }
    out = Optional.of(route.get().device().name());
    step(Step.Routed.at(Place.INPUT_ROUTE, new RouteDecision.Forward(route.get().route())));
    if (packet.ttl() <= 1) {
      replies.add(Replies.icmpError(sim, packet, in.orElseThrow(), 11, 0));
      return routingDrop(Place.INPUT_ROUTE,
          RouteDecision.Dropped.of(DropReason.TTL_EXCEEDED, packet));
    }
    packet = packet.withTtl(packet.ttl() - 1);
    return Way.FORWARD;
  }

  /**
   * The source checks of the input route once the addresses passed ({@code
   * fib_validate_source}): one of the firewall's own addresses as source, and rp_filter.
   */
  private Optional<RouteDecision.Dropped> sourceCheck() {
    int src = packet.source();
    String iface = in.orElseThrow();
    if (sim.topology().isLocal(src)) {
      return Optional.of(new RouteDecision.Dropped(DropReason.MARTIAN, packet, in, 0));
    }
    int mode = sim.topology().rpFilter(iface);
    if (mode != 0) {
      Optional<RouteLookup> back = sim.topology().route(src);
      boolean ok = back.isPresent() && (mode == 2 || back.get().device().name().equals(iface));
      if (!ok) {
        return Optional.of(new RouteDecision.Dropped(DropReason.RP_FILTER, packet, in, mode));
      }
    }
    return Optional.empty();
  }

  private Way routingDrop(Place at, RouteDecision.Dropped dropped) {
    step(Step.Routed.at(at, dropped));
    end(Disposition.ROUTING_DROP);
    return Way.DROP;
  }

  /** The output route, before OUTPUT: egress interface, or lo for the firewall's own addresses. */
  private Way outputRoute() {
    Optional<RouteDecision> decision = routeOut();
    decision.ifPresent(d -> step(Step.Routed.at(Place.OUTPUT_ROUTE, d)));
    outputDevice = out;
    return decision.isPresent() ? Way.ON : noRoute(Place.OUTPUT_ROUTE);
  }

  /** The output route again, after mangle or nat OUTPUT changed the packet. */
  private Way reroute() {
    Optional<RouteDecision> decision = routeOut();
    decision.ifPresent(d -> step(new Step.Routed(Place.REROUTE, d, Optional.of(rerouteAfter))));
    return decision.isPresent() ? Way.ON : noRoute(Place.REROUTE);
  }

  private Optional<RouteDecision> routeOut() {
    int dst = packet.destination();
    if (sim.topology().isLocal(dst)) {
      out = Optional.of("lo");
      return Optional.of(new RouteDecision.Loopback(dst));
    }
    Optional<RouteLookup> route = sim.topology().route(dst);
    route.ifPresent(r -> out = Optional.of(r.device().name()));
    return route.map(r -> new RouteDecision.Out(r.route()));
  }

  private Way noRoute(Place at) {
    return routingDrop(at, RouteDecision.Dropped.of(DropReason.NO_ROUTE, packet));
  }

  // ---- hooks -----------------------------------------------------------------------------

  /**
   * Runs the stages at {@code hook}, from the one after a re-route if there was one; the way
   * the packet leaves the hook.
   */
  private Way hook(Hook hook) {
    List<Stage> stages = sim.pipeline().stages(hook);
    for (int i = resume; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      Go go = switch (stage.kind()) {
        case CONNTRACK -> track();
        case CONFIRM -> confirm();
        case CHAIN -> stage.isNat() ? nat(hook) : chain(hook, stage.table().orElseThrow());
      };
      switch (go) {
        case ON -> { }
        case STOP -> {
          resume = 0;
          return Way.DROP;
        }
        case REROUTE -> {
          resume = i + 1;
          rerouteAfter = stage.table().orElseThrow();
          return Way.REROUTE;
        }
      }
    }
    resume = 0;
    if (hook == Hook.POSTROUTING) {
      return out.filter("lo"::equals).isPresent() ? Way.LOOP : Way.OUT;
    }
    return Way.ON;
  }

  private Go chain(Hook hook, Table table) {
    Optional<CompiledChain> chain = sim.rules().chain(table, hook.name());
    if (chain.isEmpty() || !chain.get().hooked()) {
      return Go.ON;
    }
    Packet before = packet;
    long mark = packet.mark();
    Go go = verdict(ChainWalker.walk(this, hook, table, chain.get()), hook);
    if (go == Go.ON && hook == Hook.OUTPUT && table == Table.MANGLE
        && (packet.destination() != before.destination() || packet.mark() != mark
            || packet.tos() != before.tos())) {
      return Go.REROUTE;
    }
    return go;
  }

  private Go nat(Hook hook) {
    if (!sim.conntrackActive() || conn.isEmpty()) {
      return Go.ON;
    }
    Connection c = conn.get();
    boolean source = Nat.sourceManip(hook);
    int destination = packet.destination();
    if (!relatedError // nf_nat_ipv4_fn translates ICMP errors; their nat chain is not walked
        && (ctState == CtState.NEW || ctState == CtState.RELATED) && !c.natDone(source)) {
      Optional<CompiledChain> chain = sim.rules().chain(Table.NAT, hook.name());
      if (chain.isPresent() && chain.get().hooked()) {
        if (verdict(ChainWalker.walk(this, hook, Table.NAT, chain.get()), hook) == Go.STOP) {
          return Go.STOP;
        }
      }
      if (!c.natDone(source)) {
        Nat.nullBinding(c, hook);
      }
    }
    Nat.rewrite(this, hook);
    return hook == Hook.OUTPUT && packet.destination() != destination ? Go.REROUTE : Go.ON;
  }

  private Go verdict(Verdict verdict, Hook hook) {
    switch (verdict.kind()) {
      case ACCEPT -> {
        return Go.ON;
      }
      case DROP, QUEUE -> end(Disposition.DROPPED);
      case REJECT -> {
        end(Disposition.REJECTED);
        Replies.reject(sim, packet, verdict.rejectWith(), in, hook).ifPresent(replies::add);
      }
    }
    return Go.STOP;
  }

  private Go track() {
    if (!sim.conntrackActive() || tracked) {
      return Go.ON;
    }
    tracked = true;
    if (untracked) {
      ctState = CtState.UNTRACKED;
      step(new Step.Tracked(CtState.UNTRACKED, Optional.empty()));
      return Go.ON;
    }
    Conntrack.Classified c = sim.conntrack().classify(packet, sim.topology().sysctls());
    ctState = c.state();
    conn = c.connection();
    replyDirection = c.reply();
    relatedError = c.relatedError();
    if (c.created()) {
      unconfirmed = conn;
    }
    if (recording()) {
      step(new Step.Tracked(ctState, conn.map(Connection::describe)));
    }
    return Go.ON;
  }

  private Go confirm() {
    if (unconfirmed.isPresent()) {
      sim.conntrack().confirm(unconfirmed.get());
      unconfirmed = Optional.empty();
    }
    return Go.ON;
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

  /** Whether steps are recorded: when not, callers need not make them. */
  boolean recording() {
    return sim.recording();
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

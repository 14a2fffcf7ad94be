package org.packetpath.engine.trace.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/**
 * The places of the packet-flow diagram a trace went through, in order, and where it ended. The
 * places follow the kernel's paths: a packet that arrives meets PREROUTING, the routing decision,
 * then INPUT and a local process or FORWARD, POSTROUTING and the way out; a packet the firewall
 * sends starts at a local process, is routed, and meets OUTPUT and POSTROUTING (and, sent to the
 * firewall's own address, comes in again on lo). Which way the packet took and where it ended
 * are read from the disposition and from the hooks of the rules it hit.
 */
final class Passage {
  /** A place in the diagram: a hook's box, a routing decision, a local process, in or out. */
  enum Place {
    IN, PREROUTING, ROUTE_IN, INPUT, LOCAL, FORWARD, ROUTE_OUT, OUTPUT, POSTROUTING, OUT;

    static Place of(Hook hook) {
      return valueOf(hook.name());
    }
  }

  private final List<Place> places;
  private final Optional<Place> end;
  private final Optional<RuleHit> decisive;

  private Passage(List<Place> places, Optional<Place> end, Optional<RuleHit> decisive) {
    this.places = List.copyOf(places);
    this.end = end;
    this.decisive = decisive;
  }

  /** No packet at all: nothing visited. */
  static Passage none() {
    return new Passage(List.of(), Optional.empty(), Optional.empty());
  }

  static Passage of(Trace trace) {
    Set<Hook> hooks = hooksSeen(trace);
    boolean local = trace.packet().isLocal();
    boolean loopback = local && (trace.disposition() == Disposition.LOCAL
        || hooks.contains(Hook.PREROUTING) || hooks.contains(Hook.INPUT));
    List<Place> full = new ArrayList<>();
    if (local) {
      full.addAll(List.of(Place.LOCAL, Place.ROUTE_OUT, Place.OUTPUT, Place.POSTROUTING,
          Place.OUT));
    }
    if (!local || loopback) {
      full.addAll(List.of(Place.IN, Place.PREROUTING, Place.ROUTE_IN));
      boolean input = trace.disposition() == Disposition.LOCAL
          || hooks.contains(Hook.INPUT);
      full.addAll(input ? List.of(Place.INPUT, Place.LOCAL)
          : List.of(Place.FORWARD, Place.POSTROUTING, Place.OUT));
    }
    Optional<RuleHit> decisive = Ending.decisive(trace);
    Place end = switch (trace.disposition()) {
      case LOCAL -> Place.LOCAL;
      case FORWARDED, SENT -> Place.OUT;
      case ROUTING_DROP -> local && !loopback
          ? (hooks.contains(Hook.OUTPUT) ? Place.OUTPUT : Place.ROUTE_OUT)
          : Place.ROUTE_IN;
      case DROPPED, REJECTED -> decisive.map(h -> Place.of(h.hook()))
          .orElse(full.get(full.size() - 1));
    };
    int last = full.lastIndexOf(end);
    List<Place> places = last < 0 ? full : full.subList(0, last + 1);
    return new Passage(places, Optional.of(end), decisive);
  }

  /** The hooks of every rule hit and every step that names a hook. */
  private static Set<Hook> hooksSeen(Trace trace) {
    Set<Hook> hooks = EnumSet.noneOf(Hook.class);
    for (RuleHit hit : trace.hits()) {
      hooks.add(hit.hook());
    }
    for (Step step : trace.steps()) {
      if (step instanceof Step.ChainEntered s) {
        hooks.add(s.hook());
      } else if (step instanceof Step.NatApplied s) {
        hooks.add(s.hook());
      }
    }
    return hooks;
  }

  /** Whether the packet was at {@code place}. */
  boolean visited(Place place) {
    return places.contains(place);
  }

  /** Whether the packet went straight from {@code from} to {@code to}. */
  boolean travelled(Place from, Place to) {
    for (int i = 0; i + 1 < places.size(); i++) {
      if (places.get(i) == from && places.get(i + 1) == to) {
        return true;
      }
    }
    return false;
  }

  /** Where the journey ended, unless there is no packet. */
  Optional<Place> end() {
    return end;
  }

  /** The rule or policy that dropped or rejected the packet. */
  Optional<RuleHit> decisive() {
    return decisive;
  }
}

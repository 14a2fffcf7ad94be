package org.packetpath.engine.trace.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.pipeline.Edge;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.trace.Trace;

/**
 * What the text diagram draws of the pipeline's graph: a node for each box or label, the places
 * each stands for, the arrows that stand for the pipeline's edges, and a trace's way over the
 * nodes. Lo is drawn as the way out and the way in, and a re-route as part of OUTPUT.
 */
final class DiagramNodes {
  /** A box or label of the diagram. */
  enum Node {
    IN, PREROUTING, ROUTE_IN, INPUT, LOCAL, FORWARD, ROUTE_OUT, OUTPUT, POSTROUTING, OUT;

    static Node of(Hook hook) {
      return valueOf(hook.name());
    }

    /** The place whose presence in the pipeline this node's box draws. */
    Place place() {
      return switch (this) {
        case IN -> Place.ARRIVAL;
        case ROUTE_IN -> Place.INPUT_ROUTE;
        case LOCAL -> Place.LOCAL_PROCESS;
        case ROUTE_OUT -> Place.OUTPUT_ROUTE;
        case OUT -> Place.DEPARTURE;
        case PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING -> Place.valueOf(name());
      };
    }
  }

  /** An arrow from one node to another. */
  record Arrow(Node from, Node to) {}

  private final List<Node> way;
  private final Optional<Node> end;
  private final Optional<Node> routingDrop;

  private DiagramNodes(List<Node> way, Optional<Node> end, Optional<Node> routingDrop) {
    this.way = List.copyOf(way);
    this.end = end;
    this.routingDrop = routingDrop;
  }

  /** No packet: nothing visited. */
  static DiagramNodes none() {
    return new DiagramNodes(List.of(), Optional.empty(), Optional.empty());
  }

  /** The way of {@code trace}: the nodes of the places it entered, in order. */
  static DiagramNodes of(Trace trace) {
    List<Node> way = new ArrayList<>();
    Optional<Node> end = Optional.empty();
    Optional<Node> routingDrop = Optional.empty();
    Optional<Place> last = Optional.empty();
    for (Place place : trace.places()) {
      if (place == Place.DROP) {
        routingDrop = last.filter(p -> p.kind() == Place.Kind.ROUTE).flatMap(DiagramNodes::entry)
            .filter(n -> n == Node.ROUTE_IN || n == Node.ROUTE_OUT);
        continue;
      }
      Node into = entry(place).orElseThrow();
      append(way, into);
      append(way, exit(place).orElseThrow());
      end = Optional.of(into);
      last = Optional.of(place);
    }
    return new DiagramNodes(way, end, routingDrop);
  }

  private static void append(List<Node> way, Node node) {
    if (way.isEmpty() || way.get(way.size() - 1) != node) {
      way.add(node);
    }
  }

  /** The node a packet comes to when it enters {@code place}; none for {@link Place#DROP}. */
  private static Optional<Node> entry(Place place) {
    return switch (place) {
      case ARRIVAL -> Optional.of(Node.IN);
      case INPUT_ROUTE -> Optional.of(Node.ROUTE_IN);
      case LOCAL_PROCESS -> Optional.of(Node.LOCAL);
      case OUTPUT_ROUTE -> Optional.of(Node.ROUTE_OUT);
      case REROUTE -> Optional.of(Node.OUTPUT);
      case LOOPBACK, DEPARTURE -> Optional.of(Node.OUT);
      case PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING -> Optional.of(Node.valueOf(
          place.name()));
      case DROP -> Optional.empty();
    };
  }

  /** The node a packet leaves {@code place} from: lo is left from the way in. */
  private static Optional<Node> exit(Place place) {
    return place == Place.LOOPBACK ? Optional.of(Node.IN) : entry(place);
  }

  /** The arrows that draw the edges of {@code pipeline}, once each. */
  static Set<Arrow> arrows(Pipeline pipeline) {
    Set<Arrow> arrows = new LinkedHashSet<>();
    for (Edge e : pipeline.edges()) {
      Optional<Node> from = exit(e.from());
      Optional<Node> to = entry(e.to());
      if (from.isPresent() && to.isPresent() && from.get() != to.get()) {
        arrows.add(new Arrow(from.get(), to.get()));
      }
    }
    return arrows;
  }

  /** Whether the packet was at {@code node}. */
  boolean visited(Node node) {
    return way.contains(node);
  }

  /** Whether the packet went straight along {@code arrow}. */
  boolean travelled(Arrow arrow) {
    for (int i = 0; i + 1 < way.size(); i++) {
      if (way.get(i) == arrow.from() && way.get(i + 1) == arrow.to()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code node} is where the journey ended. */
  boolean endedAt(Node node) {
    return end.filter(e -> e == node).isPresent();
  }

  /** The routing decision that dropped the packet, when one drawn as a box did. */
  Optional<Node> routingDrop() {
    return routingDrop;
  }
}

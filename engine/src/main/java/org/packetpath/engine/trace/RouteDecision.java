package org.packetpath.engine.trace;

import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.topology.Route;

/** What a routing decision decided for a packet. */
public sealed interface RouteDecision
    permits RouteDecision.Local, RouteDecision.Forward, RouteDecision.Out,
        RouteDecision.Loopback, RouteDecision.Dropped {

  /**
   * Calls the visitor's method for this variant. The {@code permits} list and {@link Visitor}
   * name every variant, so the compiler lists each interpreter to update when one is added;
   * this is the one place that maps variants to methods.
   */
  default <R> R accept(Visitor<R> visitor) {
    if (this instanceof Local v) {
      return visitor.visitLocal(v);
    } else if (this instanceof Forward v) {
      return visitor.visitForward(v);
    } else if (this instanceof Out v) {
      return visitor.visitOut(v);
    } else if (this instanceof Loopback v) {
      return visitor.visitLoopback(v);
    } else if (this instanceof Dropped v) {
      return visitor.visitDropped(v);
    }
    throw new AssertionError("not dispatched: " + this);
  }

  /** One method per decision: the exhaustive switch over decisions. */
  interface Visitor<R> {
    R visitLocal(Local local);

    R visitForward(Forward forward);

    R visitOut(Out out);

    R visitLoopback(Loopback loopback);

    R visitDropped(Dropped dropped);
  }

  /**
   * The input route: for the firewall itself, because {@code destination} is one of its own
   * addresses ({@code own}) or a broadcast.
   */
  record Local(int destination, boolean own) implements RouteDecision {}

  /** The input route: forwarded, out by the device of {@code route}. */
  record Forward(Route route) implements RouteDecision {
    public Forward {
      Objects.requireNonNull(route, "route");
    }
  }

  /** The output route: out by the device of {@code route}. */
  record Out(Route route) implements RouteDecision {
    public Out {
      Objects.requireNonNull(route, "route");
    }
  }

  /** The output route: out by lo, because {@code destination} is the firewall's own. */
  record Loopback(int destination) implements RouteDecision {}

  /**
   * Dropped, for {@code reason}.
   *
   * @param packet the packet as the routing decision saw it
   * @param in the interface it arrived on, for the source checks ({@link DropReason#MARTIAN},
   *     {@link DropReason#RP_FILTER}); empty otherwise
   * @param rpFilter the {@code rp_filter} mode that dropped it, 1 (strict) or 2 (loose), for
   *     {@link DropReason#RP_FILTER}; 0 otherwise
   */
  record Dropped(DropReason reason, Packet packet, Optional<String> in, int rpFilter)
      implements RouteDecision {
    public Dropped {
      Checks.nonNull("reason", reason, "packet", packet, "in", in);
      boolean sourceCheck = reason == DropReason.MARTIAN || reason == DropReason.RP_FILTER;
      if (in.isPresent() != sourceCheck) {
        throw new IllegalArgumentException("in is given exactly for martians and rp_filter, not "
            + reason);
      }
      if ((reason == DropReason.RP_FILTER) != (rpFilter == 1 || rpFilter == 2)
          || rpFilter < 0 || rpFilter > 2) {
        throw new IllegalArgumentException("rpFilter must be 1 or 2 for RP_FILTER and 0 for "
            + reason + " but was " + rpFilter);
      }
    }

    /** A drop that needs nothing but the packet. */
    public static Dropped of(DropReason reason, Packet packet) {
      return new Dropped(reason, packet, Optional.empty(), 0);
    }
  }
}

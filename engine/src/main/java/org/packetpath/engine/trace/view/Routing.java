package org.packetpath.engine.trace.view;

import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.trace.DropReason;
import org.packetpath.engine.trace.Martian;
import org.packetpath.engine.trace.RouteDecision;
import org.packetpath.engine.trace.Step;

/** Routing decisions in words, as the text view and the endings say them. */
final class Routing {
  private Routing() {}

  /**
   * A drop in words, in three parts: what the decision says starts with {@code lead}, what the
   * ending says starts with {@code joiner} ({@code DROPPED by the routing decision, as a
   * martian: ...}), and both go on with {@code detail}.
   */
  private record Drop(String lead, String joiner, String detail) {}

  /** What {@code step} decided: {@code forward out wan0 (default via 203.0.113.254 dev wan0)}. */
  static String decision(Step.Routed step) {
    String prefix = step.after().map(t -> "re-route after " + t.label() + " OUTPUT: ").orElse("");
    return step.decision().accept(new RouteDecision.Visitor<String>() {
      @Override
      public String visitLocal(RouteDecision.Local local) {
        return "local delivery (" + Ipv4.format(local.destination())
            + (local.own() ? " is the firewall's own address)" : " is a broadcast)");
      }

      @Override
      public String visitForward(RouteDecision.Forward forward) {
        return "forward out " + forward.route().device() + " (" + forward.route() + ")";
      }

      @Override
      public String visitOut(RouteDecision.Out out) {
        return prefix + "out " + out.route().device() + " (" + out.route() + ")";
      }

      @Override
      public String visitLoopback(RouteDecision.Loopback loopback) {
        return prefix + "out lo (" + Ipv4.format(loopback.destination())
            + " is the firewall's own)";
      }

      @Override
      public String visitDropped(RouteDecision.Dropped dropped) {
        Drop d = drop(dropped, step.place());
        return d.lead() + d.detail();
      }
    });
  }

  /**
   * Whether {@code step} is said under the decision before it rather than as a decision of its
   * own: the TTL runs out after the input route chose to forward.
   */
  static boolean isAfterthought(Step.Routed step) {
    return step.decision() instanceof RouteDecision.Dropped d
        && d.reason() == DropReason.TTL_EXCEEDED;
  }

  /** Why the routing decision dropped: {@code : no route to 192.0.2.9}, {@code , by ...}. */
  static String reason(Place place, RouteDecision.Dropped dropped) {
    Drop d = drop(dropped, place);
    return d.joiner() + d.detail();
  }

  private static Drop drop(RouteDecision.Dropped d, Place place) {
    Packet p = d.packet();
    String src = Ipv4.format(p.source());
    String dst = Ipv4.format(p.destination());
    String in = d.in().orElse("");
    return switch (d.reason()) {
      case NO_ROUTE -> place == Place.INPUT_ROUTE
          ? new Drop("dropped: ", ": ", "no route to " + dst)
          : new Drop("", ": ", "no route to " + dst + ": the packet is not sent");
      case MARTIAN -> {
        Martian m = Martian.of(p.source(), p.destination()).orElse(Martian.OWN_SOURCE);
        yield new Drop("dropped ", ", ", "as a martian " + (m.isSource() ? "source" : "destination")
            + ": " + src + " -> " + dst + " on " + in + ": " + m.why());
      }
      case RP_FILTER -> new Drop("dropped ", ", ", "by rp_filter=" + d.rpFilter()
          + ": replies to " + src + " would not leave by " + in);
      case FORWARDING_DISABLED -> new Drop("dropped: ", ": ",
          "the firewall does not forward (ip_forward=0)");
      case MULTICAST -> new Drop("dropped: ", ": ",
          "multicast " + dst + " is neither routed nor joined");
      case TTL_EXCEEDED -> new Drop("", ": ", "TTL " + p.ttl()
          + " runs out here: dropped, and the sender is told with ICMP time exceeded");
    };
  }
}

package org.packetpath.engine.trace.view;

import java.util.Optional;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.trace.RouteDecision;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;

/**
 * How a journey ended, in words: {@code DROPPED by filter INPUT rule 4} and, when a rule
 * decided, that rule's text. Shared by the text view and the diagram so that both say the same.
 *
 * @param words the disposition and who decided, starting with the disposition in capitals
 * @param rule the text of the rule that decided, when a rule (not a policy) did
 * @param good whether the packet went on (delivered, forwarded, sent) rather than being dropped
 */
record Ending(String words, Optional<String> rule, boolean good) {

  static Ending of(Trace trace) {
    return switch (trace.disposition()) {
      case LOCAL -> new Ending("DELIVERED to the firewall itself" + port(trace), Optional.empty(),
          true);
      case FORWARDED -> left("FORWARDED", trace);
      case SENT -> left("SENT", trace);
      case DROPPED -> decided("DROPPED", trace);
      case REJECTED -> decided("REJECTED", trace);
      case ROUTING_DROP -> new Ending("DROPPED by the routing decision" + routingReason(trace),
          Optional.empty(), false);
    };
  }

  /** The rule or policy hit that ended the journey, for a drop or reject by the rules. */
  static Optional<RuleHit> decisive(Trace trace) {
    return switch (trace.disposition()) {
      case DROPPED, REJECTED -> trace.hits().isEmpty() ? Optional.empty()
          : Optional.of(trace.hits().get(trace.hits().size() - 1));
      case LOCAL, FORWARDED, SENT, ROUTING_DROP -> Optional.empty();
    };
  }

  private static String port(Trace trace) {
    Packet p = trace.finalPacket().orElse(lastSeen(trace));
    if (!Packet.hasPorts(p.protocol())) {
      return "";
    }
    return ", " + Protocols.canonicalName(p.protocol()) + " port "
        + p.destinationPort();
  }

  /** The packet as the last chain saw it, or as it was sent. */
  private static Packet lastSeen(Trace trace) {
    Packet p = trace.packet().packet();
    for (Step s : trace.steps()) {
      if (s instanceof Step.ChainEntered c) {
        p = c.packet();
      } else if (s instanceof Step.NatApplied n) {
        p = n.after();
      }
    }
    return p;
  }

  private static Ending left(String how, Trace trace) {
    String words = how + trace.out().map(o -> " out " + o).orElse("")
        + trace.finalPacket().map(p -> " as " + p).orElse("");
    return new Ending(words, Optional.empty(), true);
  }

  private static Ending decided(String how, Trace trace) {
    Optional<RuleHit> hit = decisive(trace);
    if (hit.isEmpty()) {
      return new Ending(how, Optional.empty(), false);
    }
    RuleHit h = hit.get();
    String where = h.table().label() + " " + h.chain()
        + (h.isPolicy() ? " policy " + h.target() : " rule " + h.rule())
        + (h.chain().equals(h.hook().name()) ? "" : " (at " + h.hook() + ")");
    return new Ending(how + " by " + where, trace.ruleText(h), false);
  }

  /** Why the routing decision dropped the packet, from the last decision taken. */
  private static String routingReason(Trace trace) {
    return trace.lastRouting()
        .map(r -> r.decision() instanceof RouteDecision.Dropped d ? Routing.reason(r.place(), d)
            : "")
        .orElse("");
  }
}

package org.packetpath.engine.trace;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Policy;
import org.packetpath.engine.rules.Table;

/**
 * One thing that happened to a packet, as data. Views put steps in words or pictures; {@link
 * Visitor} is the exhaustive switch over them.
 */
public sealed interface Step
    permits Step.Entered, Step.ChainEntered, Step.RuleChecked, Step.PolicyApplied,
        Step.Returned, Step.Routed, Step.Tracked, Step.NatApplied, Step.Note {

  /**
   * Calls the visitor's method for this variant. The {@code permits} list and {@link Visitor}
   * name every variant, so the compiler lists each interpreter to update when one is added;
   * this is the one place that maps variants to methods.
   */
  default <R> R accept(Visitor<R> visitor) {
    if (this instanceof Entered v) {
      return visitor.visitEntered(v);
    } else if (this instanceof ChainEntered v) {
      return visitor.visitChainEntered(v);
    } else if (this instanceof RuleChecked v) {
      return visitor.visitRuleChecked(v);
    } else if (this instanceof PolicyApplied v) {
      return visitor.visitPolicyApplied(v);
    } else if (this instanceof Returned v) {
      return visitor.visitReturned(v);
    } else if (this instanceof Routed v) {
      return visitor.visitRouted(v);
    } else if (this instanceof Tracked v) {
      return visitor.visitTracked(v);
    } else if (this instanceof NatApplied v) {
      return visitor.visitNatApplied(v);
    } else if (this instanceof Note v) {
      return visitor.visitNote(v);
    }
    throw new AssertionError("not dispatched: " + this);
  }

  /** One method per kind of step. */
  interface Visitor<R> {
    R visitEntered(Entered step);

    R visitChainEntered(ChainEntered step);

    R visitRuleChecked(RuleChecked step);

    R visitPolicyApplied(PolicyApplied step);

    R visitReturned(Returned step);

    R visitRouted(Routed step);

    R visitTracked(Tracked step);

    R visitNatApplied(NatApplied step);

    R visitNote(Note step);
  }

  /** The packet came to a place of the pipeline; the steps that follow happened there. */
  record Entered(Place place) implements Step {
    private static final Map<Place, Entered> EACH = new EnumMap<>(Place.class);

    static {
      for (Place p : Place.values()) {
        EACH.put(p, new Entered(p));
      }
    }

    public Entered {
      Checks.nonNull("place", place);
    }

    /** The step of entering {@code place}; one value per place. */
    public static Entered of(Place place) {
      return EACH.get(place);
    }
  }

  /** The packet entered a chain; {@code packet} is the header as the chain sees it. */
  record ChainEntered(Hook hook, Table table, String chain, Packet packet) implements Step {
    public ChainEntered {
      Checks.nonNull("hook", hook, "table", table, "chain", chain, "packet", packet);
    }
  }

  /**
   * A rule was evaluated. When it matched, {@code target} is what iptables -L would show in
   * its target column ({@code ACCEPT}, {@code LOGDROP}, {@code DNAT}), or empty for a rule
   * without target.
   */
  record RuleChecked(Hook hook, Table table, String chain, int rule, boolean matched,
      Optional<String> target, String text) implements Step {
    public RuleChecked {
      Checks.nonNull("hook", hook, "table", table, "chain", chain, "target", target, "text", text);
    }
  }

  /** A built-in chain's policy decided. */
  record PolicyApplied(Hook hook, Table table, String chain, Policy policy) implements Step {
    public PolicyApplied {
      Checks.nonNull("hook", hook, "table", table, "chain", chain, "policy", policy);
    }
  }

  /** The walk left a user chain, back to its caller (by RETURN or by falling off its end). */
  record Returned(Table table, String chain, String to) implements Step {
    public Returned {
      Checks.nonNull("table", table, "chain", chain, "to", to);
    }
  }

  /**
   * A routing decision at {@code place} (one of {@link Place.Kind#ROUTE}) decided. At {@link
   * Place#REROUTE}, {@code after} is the table whose OUTPUT chain changed the packet (mangle or
   * nat); elsewhere it is empty.
   */
  record Routed(Place place, RouteDecision decision, Optional<Table> after) implements Step {
    public Routed {
      Checks.nonNull("place", place, "decision", decision, "after", after);
      if (place.kind() != Place.Kind.ROUTE) {
        throw new IllegalArgumentException(place + " is not a routing decision");
      }
      if ((place == Place.REROUTE) != after.isPresent()
          || after.filter(t -> t != Table.MANGLE && t != Table.NAT).isPresent()) {
        throw new IllegalArgumentException("a re-route, and only a re-route, is after mangle or"
            + " nat OUTPUT: " + place + " after " + after);
      }
    }

    /** A decision at a place other than {@link Place#REROUTE}. */
    public static Routed at(Place place, RouteDecision decision) {
      return new Routed(place, decision, Optional.empty());
    }
  }

  /**
   * Connection tracking classified the packet; {@code connection} is its entry as {@code
   * conntrack -L} prints it, when it has one.
   */
  record Tracked(CtState state, Optional<String> connection) implements Step {
    public Tracked {
      Checks.nonNull("state", state, "connection", connection);
    }
  }

  /** NAT rewrote the packet; {@code what} names the rewrite ({@code destination NAT}). */
  record NatApplied(Hook hook, Packet before, Packet after, String what) implements Step {
    public NatApplied {
      Checks.nonNull("hook", hook, "before", before, "after", after, "what", what);
    }
  }

  /** Anything else worth telling: a LOG line, a warning about something not simulated. */
  record Note(String text) implements Step {
    public Note {
      Checks.nonNull("text", text);
    }
  }
}

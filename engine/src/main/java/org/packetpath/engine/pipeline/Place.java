package org.packetpath.engine.pipeline;

import java.util.Optional;
import org.packetpath.engine.rules.Hook;

/**
 * A place a packet can be on its way through the firewall: a hook with its stages, a routing
 * decision, the local process, or one of the ends. The {@link Pipeline} joins them with {@link
 * Edge}s; a trace lists the places its packet entered, in order.
 */
public enum Place {
  /** Arriving on an interface, from the wire. */
  ARRIVAL(Kind.END),
  PREROUTING(Kind.HOOK),
  /** The input route, after PREROUTING: for the firewall itself, to forward, or dropped. */
  INPUT_ROUTE(Kind.ROUTE),
  INPUT(Kind.HOOK),
  FORWARD(Kind.HOOK),
  /** A process on the firewall: where delivered packets end and local packets start. */
  LOCAL_PROCESS(Kind.END),
  /** The output route, before OUTPUT: the egress interface (or lo) and the source address. */
  OUTPUT_ROUTE(Kind.ROUTE),
  OUTPUT(Kind.HOOK),
  /** The output route again, when mangle or nat OUTPUT changed the packet. */
  REROUTE(Kind.ROUTE),
  POSTROUTING(Kind.HOOK),
  /** Sent to lo: the packet comes in again, on lo. */
  LOOPBACK(Kind.END),
  /** Leaving by an interface, to the wire. */
  DEPARTURE(Kind.END),
  /** Gone: dropped or rejected by a rule or a policy, or dropped by a routing decision. */
  DROP(Kind.END);

  /** What sort of place this is. */
  public enum Kind {
    /** A netfilter hook: the stages of {@link Pipeline#stages} run there. */
    HOOK,
    /** A routing decision. */
    ROUTE,
    /** Where a packet starts, ends, or passes from one way to another. */
    END
  }

  private final Kind kind;

  Place(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The hook this place is, for a {@link Kind#HOOK} place. */
  public Optional<Hook> hook() {
    return HOOKS.get(this);
  }

  private static final java.util.Map<Place, Optional<Hook>> HOOKS =
      new java.util.EnumMap<>(Place.class);

  static {
    for (Place p : values()) {
      HOOKS.put(p, p.kind == Kind.HOOK ? Optional.of(Hook.valueOf(p.name())) : Optional.empty());
    }
  }

  /** The place of {@code hook}. */
  public static Place of(Hook hook) {
    return valueOf(hook.name());
  }
}

package org.packetpath.engine.trace;

/** Why a routing decision dropped a packet. */
public enum DropReason {
  /** No route to the destination. */
  NO_ROUTE,
  /** The source cannot arrive on that interface: one of the firewall's own, or a loopback. */
  MARTIAN,
  /** Reverse-path filtering: replies to the source would not leave by the interface. */
  RP_FILTER,
  /** The packet is for another host but the firewall does not forward ({@code ip_forward=0}). */
  FORWARDING_DISABLED,
  /** A multicast destination the firewall neither routes nor joined. */
  MULTICAST,
  /** The TTL runs out at the firewall; the sender is told with ICMP time exceeded. */
  TTL_EXCEEDED
}

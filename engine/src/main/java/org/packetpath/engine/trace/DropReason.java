package org.packetpath.engine.trace;

/** Why a routing decision dropped a packet. */
public enum DropReason {
  /** No route to the destination. */
  NO_ROUTE,
  /**
   * Addresses no packet may arrive with: a multicast, broadcast or 0.0.0.0 source, 0.0.0.0 as
   * destination, loopback addresses, the firewall's own address as source ({@link Martian}).
   */
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

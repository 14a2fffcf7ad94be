package org.packetpath.engine.pipeline;

/**
 * Which way a packet leaves a place: what the simulator tells the {@link Pipeline} to learn the
 * next place ({@link Pipeline#next}).
 */
public enum Way {
  /** On to the only next place: a hook accepted the packet, a route was found. */
  ON,
  /** The input route chose the firewall itself. */
  LOCAL,
  /** The input route chose to forward the packet. */
  FORWARD,
  /** mangle or nat OUTPUT changed the packet, so it is routed again. */
  REROUTE,
  /** Out by the interface the route chose. */
  OUT,
  /** Out by lo: the destination is one of the firewall's own addresses. */
  LOOP,
  /** Dropped or rejected, by a rule, a policy or a routing decision. */
  DROP
}

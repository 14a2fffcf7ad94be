package org.packetpath.engine.trace;

import java.util.Optional;

/**
 * Why the input route takes a packet for a martian ({@link DropReason#MARTIAN}), in the order
 * the kernel tests ({@code ip_route_input_slow}): a multicast or the limited broadcast address as
 * source first; then a packet to 255.255.255.255, or from 0.0.0.0 to 0.0.0.0, is a broadcast for
 * the firewall and passes; then 0.0.0.0 as source, 0.0.0.0 as destination, a loopback
 * destination and a loopback source (the topology has no {@code route_localnet}); and last, once
 * the route is found, a source that is one of the firewall's own addresses ({@code
 * fib_validate_source}). The kernel's zero network ({@code ipv4_is_zeronet}) is 0.0.0.0 alone
 * since the rest of 0.0.0.0/8 became unicast (Linux 5.3): 0.0.0.7 is routed like any address
 * (checked on 6.18).
 */
public enum Martian {
  MULTICAST_SOURCE("a multicast address is never a source"),
  BROADCAST_SOURCE("255.255.255.255 is never a source"),
  ZERONET_SOURCE("0.0.0.0 may only send to 255.255.255.255 or 0.0.0.0"),
  ZERONET_DESTINATION("0.0.0.0 is no destination"),
  LOOPBACK_DESTINATION("loopback addresses never arrive from outside (route_localnet=0)"),
  LOOPBACK_SOURCE("loopback addresses never arrive from outside (route_localnet=0)"),
  OWN_SOURCE("the source is one of the firewall's own addresses");

  private final String why;

  Martian(String why) {
    this.why = why;
  }

  /** Whether the source is the martian (else the destination), as the kernel logs it. */
  public boolean isSource() {
    return name().endsWith("_SOURCE");
  }

  /** Why, in words: {@code a multicast address is never a source}. */
  public String why() {
    return why;
  }

  /**
   * The martian the address checks before the route lookup find, or empty when they let the
   * packet on: also for a broadcast to the firewall, whose source is then checked as any other's
   * unless it is 0.0.0.0. {@link #OWN_SOURCE} needs the firewall's addresses and is not
   * found here.
   */
  public static Optional<Martian> of(int source, int destination) {
    if (isMulticast(source)) {
      return Optional.of(MULTICAST_SOURCE);
    }
    if (source == BROADCAST) {
      return Optional.of(BROADCAST_SOURCE);
    }
    if (isBroadcastInput(source, destination)) {
      return Optional.empty();
    }
    if (isZeronet(source)) {
      return Optional.of(ZERONET_SOURCE);
    }
    if (isZeronet(destination)) {
      return Optional.of(ZERONET_DESTINATION);
    }
    if (isLoopback(destination)) {
      return Optional.of(LOOPBACK_DESTINATION);
    }
    if (isLoopback(source)) {
      return Optional.of(LOOPBACK_SOURCE);
    }
    return Optional.empty();
  }

  /** To 255.255.255.255, or from 0.0.0.0 to 0.0.0.0: a broadcast the firewall takes in. */
  public static boolean isBroadcastInput(int source, int destination) {
    return destination == BROADCAST || (source == 0 && destination == 0);
  }

  /** Whether {@code address} is the kernel's zero network: 0.0.0.0, not the rest of 0.0.0.0/8. */
  public static boolean isZeronet(int address) {
    return address == 0;
  }

  /** Whether {@code address} is in 224.0.0.0/4. */
  public static boolean isMulticast(int address) {
    return (address >>> 28) == 0xe;
  }

  private static boolean isLoopback(int address) {
    return (address >>> 24) == 127;
  }

  private static final int BROADCAST = -1;
}

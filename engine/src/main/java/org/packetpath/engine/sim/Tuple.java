package org.packetpath.engine.sim;

import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.Packet;

/**
 * A connection-tracking tuple: protocol, addresses and ports (for ICMP the echo identifier is
 * not modelled: ports are 0). Only the protocols with a tracker that reads ports have them; the
 * generic tracker, which takes every protocol the kernel has no tracker for (DCCP among them
 * since 6.16, ESP, AH, IGMP ...), and GRE's, for a packet without a version 1 header, pair
 * packets by their addresses alone.
 */
record Tuple(int protocol, int source, int destination, int sourcePort,
    int destinationPort) {

  /**
   * The tuple of a packet in its own direction. For ICMP queries the type stands where a port
   * would (the echo identifier is not modelled), so a request and its reply pair up.
   */
  public static Tuple of(Packet p) {
    if (p.protocol() == Packet.ICMP) {
      return new Tuple(Packet.ICMP, p.source(), p.destination(), 0, p.icmpType());
    }
    if (!hasPorts(p.protocol())) {
      return new Tuple(p.protocol(), p.source(), p.destination(), 0, 0);
    }
    return new Tuple(p.protocol(), p.source(), p.destination(), p.sourcePort(),
        p.destinationPort());
  }

  /** Whether the kernel's tracker for {@code protocol} keeps ports in the tuple. */
  static boolean hasPorts(int protocol) {
    return protocol == Packet.TCP || protocol == Packet.UDP || protocol == Packet.UDPLITE
        || protocol == Packet.SCTP;
  }

  /**
   * The protocol's name as {@code conntrack -L} prints it: libnetfilter_conntrack names tcp,
   * udp, udplite, icmp, icmpv6, sctp, gre and dccp, and calls every other protocol unknown.
   */
  static String trackedName(int protocol) {
    return switch (protocol) {
      case Packet.TCP, Packet.UDP, Packet.UDPLITE, Packet.ICMP, Packet.SCTP, GRE, Packet.DCCP ->
          Protocols.packetName(protocol);
      case ICMPV6 -> "icmpv6";
      default -> "unknown";
    };
  }

  private static final int GRE = 47;
  private static final int ICMPV6 = 58;

  /** The tuple the answer to this one carries: an echo request's is an echo reply's. */
  public Tuple inverse() {
    if (protocol == Packet.ICMP) {
      return new Tuple(protocol, destination, source, 0, answerType(destinationPort));
    }
    return new Tuple(protocol, destination, source, destinationPort, sourcePort);
  }

  /** The ICMP type answering a query type, as {@code nf_conntrack_proto_icmp} pairs them. */
  private static int answerType(int type) {
    return switch (type) {
      case 8 -> 0;
      case 0 -> 8;
      case 13 -> 14;
      case 14 -> 13;
      case 15 -> 16;
      case 16 -> 15;
      case 17 -> 18;
      case 18 -> 17;
      default -> type;
    };
  }

  /**
   * {@code tcp src=10.0.1.2 dst=203.0.113.2 sport=59322 dport=80}, as conntrack -L prints it:
   * with ports for the protocols the kernel tracks with ports, and (both 0) for DCCP.
   */
  @Override
  public String toString() {
    String s = trackedName(protocol) + " src=" + Ipv4.format(source) + " dst="
        + Ipv4.format(destination);
    return Packet.hasPorts(protocol) ? s + " sport=" + sourcePort + " dport=" + destinationPort : s;
  }
}

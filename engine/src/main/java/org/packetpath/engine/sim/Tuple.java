package org.packetpath.engine.sim;

import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.Packet;

/**
 * A connection-tracking tuple: protocol, addresses and ports (for ICMP the echo identifier is
 * not modelled: ports are 0).
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
    return new Tuple(p.protocol(), p.source(), p.destination(), p.sourcePort(),
        p.destinationPort());
  }

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

  /** {@code src=10.0.1.2 dst=203.0.113.2 sport=59322 dport=80}, as conntrack -L prints it. */
  @Override
  public String toString() {
    String s = Protocols.canonicalName(protocol) + " src=" + Ipv4.format(source) + " dst="
        + Ipv4.format(destination);
    return Packet.hasPorts(protocol) ? s + " sport=" + sourcePort + " dport=" + destinationPort : s;
  }
}

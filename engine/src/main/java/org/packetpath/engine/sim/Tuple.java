package org.packetpath.engine.sim;

import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.Packet;

/**
 * A connection-tracking tuple: protocol, addresses and ports (for ICMP the echo identifier is
 * not modelled: ports are 0).
 */
public record Tuple(int protocol, int source, int destination, int sourcePort,
    int destinationPort) {

  /** The tuple of a packet in its own direction. */
  public static Tuple of(Packet p) {
    return new Tuple(p.protocol(), p.source(), p.destination(), p.sourcePort(),
        p.destinationPort());
  }

  /** The tuple the answer to this one carries. */
  public Tuple inverse() {
    return new Tuple(protocol, destination, source, destinationPort, sourcePort);
  }

  /** {@code src=10.0.1.2 dst=203.0.113.2 sport=59322 dport=80}, as conntrack -L prints it. */
  @Override
  public String toString() {
    String s = Protocols.canonicalName(protocol) + " src=" + Ipv4.format(source) + " dst="
        + Ipv4.format(destination);
    return Packet.hasPorts(protocol) ? s + " sport=" + sourcePort + " dport=" + destinationPort : s;
  }
}

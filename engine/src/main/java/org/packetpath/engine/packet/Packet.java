package org.packetpath.engine.packet;

import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;

/**
 * An IPv4 packet's header fields that rules can see, plus the kernel's packet mark. Any protocol
 * 0..255 can be carried; ports are 0 for protocols without them (all but TCP, UDP, SCTP, DCCP
 * and UDP-Lite, whose headers start with the two ports) and ICMP type and code -1 but for ICMP. {@code embedded} is the header an ICMP
 * error carries of the packet it reports on. {@code length} is the IP total length in bytes, the
 * number iptables counts.
 */
public record Packet(
    int protocol,
    int source,
    int destination,
    int sourcePort,
    int destinationPort,
    int tcpFlags,
    int icmpType,
    int icmpCode,
    int ttl,
    int tos,
    long mark,
    int length,
    Optional<Packet> embedded) {

  public static final int TCP = 6;
  public static final int UDP = 17;
  public static final int ICMP = 1;
  public static final int DCCP = 33;
  public static final int SCTP = 132;
  public static final int UDPLITE = 136;

  public Packet {
    check("protocol", protocol, 0, 255);
    check("sourcePort", sourcePort, 0, 65535);
    check("destinationPort", destinationPort, 0, 65535);
    check("ttl", ttl, 0, 255);
    check("tos", tos, 0, 255);
    check("length", length, 20, 65535);
    if (mark < 0 || mark > 0xffffffffL) {
      throw new IllegalArgumentException("mark must be a 32-bit value but was " + mark);
    }
    Objects.requireNonNull(embedded, "embedded");
    if (!hasPorts(protocol) && (sourcePort != 0 || destinationPort != 0)) {
      throw new IllegalArgumentException(Protocols.packetName(protocol) + " has no ports");
    }
    if (protocol != TCP && tcpFlags != 0) {
      throw new IllegalArgumentException("only TCP has flags");
    }
    if (protocol == ICMP) {
      check("icmpType", icmpType, 0, 255);
      check("icmpCode", icmpCode, 0, 255);
    } else if (icmpType != -1 || icmpCode != -1) {
      throw new IllegalArgumentException("only ICMP has a type and code");
    }
  }

  private static void check(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be " + min + ".." + max + " but was " + value);
    }
  }

  /** Whether packets of this protocol carry port numbers (TCP, UDP, SCTP, DCCP, UDP-Lite). */
  public static boolean hasPorts(int protocol) {
    return protocol == TCP || protocol == UDP || protocol == SCTP || protocol == DCCP
        || protocol == UDPLITE;
  }

  /**
   * The length of the header a packet of this protocol carries after the IP header, without
   * payload: TCP 20, UDP, UDP-Lite and ICMP 8, SCTP's common header 12 (no chunks), DCCP's
   * generic header with extended sequence numbers 16; 0 for every other protocol.
   */
  public static int headerLength(int protocol) {
    return switch (protocol) {
      case TCP -> 20;
      case UDP, UDPLITE, ICMP -> 8;
      case SCTP -> 12;
      case DCCP -> 16;
      default -> 0;
    };
  }

  /** A TCP packet without options or payload (40 bytes). */
  public static Packet tcp(int source, int sourcePort, int destination, int destinationPort,
      int flags) {
    return new Packet(TCP, source, destination, sourcePort, destinationPort, flags, -1, -1, 64,
        0, 0, 40, Optional.empty());
  }

  /** A UDP packet without payload (28 bytes). */
  public static Packet udp(int source, int sourcePort, int destination, int destinationPort) {
    return other(UDP, source, sourcePort, destination, destinationPort);
  }

  /** An ICMP message without payload (28 bytes), such as an echo request (type 8). */
  public static Packet icmp(int source, int destination, int type, int code) {
    return new Packet(ICMP, source, destination, 0, 0, 0, type, code, 64, 0, 0, 28,
        Optional.empty());
  }

  /**
   * A packet of any protocol but TCP and ICMP, without payload: its ports (0 for a protocol
   * without them) and its header only ({@link #headerLength}).
   */
  public static Packet other(int protocol, int source, int sourcePort, int destination,
      int destinationPort) {
    return new Packet(protocol, source, destination, sourcePort, destinationPort, 0, -1, -1, 64,
        0, 0, 20 + headerLength(protocol), Optional.empty());
  }

  /** A packet of a protocol without ports, header only. */
  public static Packet other(int protocol, int source, int destination) {
    return other(protocol, source, 0, destination, 0);
  }

  public Packet withSource(int address, int port) {
    return new Packet(protocol, address, destination, port, destinationPort, tcpFlags, icmpType,
        icmpCode, ttl, tos, mark, length, embedded);
  }

  public Packet withDestination(int address, int port) {
    return new Packet(protocol, source, address, sourcePort, port, tcpFlags, icmpType, icmpCode,
        ttl, tos, mark, length, embedded);
  }

  public Packet withTtl(int newTtl) {
    return new Packet(protocol, source, destination, sourcePort, destinationPort, tcpFlags,
        icmpType, icmpCode, newTtl, tos, mark, length, embedded);
  }

  public Packet withTos(int newTos) {
    return new Packet(protocol, source, destination, sourcePort, destinationPort, tcpFlags,
        icmpType, icmpCode, ttl, newTos, mark, length, embedded);
  }

  public Packet withMark(long newMark) {
    return new Packet(protocol, source, destination, sourcePort, destinationPort, tcpFlags,
        icmpType, icmpCode, ttl, tos, newMark, length, embedded);
  }

  public Packet withLength(int newLength) {
    return new Packet(protocol, source, destination, sourcePort, destinationPort, tcpFlags,
        icmpType, icmpCode, ttl, tos, mark, newLength, embedded);
  }

  public Packet withEmbedded(Optional<Packet> header) {
    return new Packet(protocol, source, destination, sourcePort, destinationPort, tcpFlags,
        icmpType, icmpCode, ttl, tos, mark, length, header);
  }

  /** The packet in packet syntax, without where it enters: {@code tcp 10.0.0.2:40000 > 203.0.113.9:80 SYN}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(Protocols.packetName(protocol)).append(' ');
    out.append(Ipv4.format(source));
    if (hasPorts(protocol)) {
      out.append(':').append(sourcePort);
    }
    out.append(" > ").append(Ipv4.format(destination));
    if (hasPorts(protocol)) {
      out.append(':').append(destinationPort);
    }
    if (protocol == TCP) {
      out.append(' ').append(TcpFlags.format(tcpFlags));
    }
    if (protocol == ICMP) {
      out.append(" icmp ").append(IcmpNames.name(icmpType, icmpCode));
      embedded.ifPresent(e -> out.append(" about ").append(e));
    }
    return out.toString();
  }
}

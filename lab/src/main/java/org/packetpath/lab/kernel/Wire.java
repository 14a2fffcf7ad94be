package org.packetpath.lab.kernel;

import java.util.Optional;
import java.util.zip.CRC32C;
import org.packetpath.engine.packet.Packet;

/**
 * Packets as bytes on the wire: builds the IPv4 packet (and the Ethernet frame around it) for a
 * {@link Packet}, and reads a captured frame back into a {@link Packet}.
 *
 * <p>A built packet has exactly the header fields of the {@code Packet} (addresses, protocol,
 * ports, TCP flags, ICMP type and code, TTL, TOS) and is exactly {@code length()} bytes long:
 * the natural headers (IPv4 20, TCP 20 without options, UDP 8, ICMP 8 plus the embedded packet
 * of an error, and for other protocols {@link Packet#headerLength}: UDP-Lite 8, SCTP 12 without
 * chunks, DCCP 16 as a Data packet) are padded with zero bytes or cut to that length. Checksums are correct. What a
 * {@code Packet} does not say (IP id, TCP sequence and acknowledgement numbers, ICMP echo id)
 * comes from {@link Flows}, so that answers fit the connection they answer.
 */
final class Wire {
  private Wire() {}

  static final int ETH_HEADER = 14;
  static final int IP_HEADER = 20;
  private static final int ETH_P_IP = 0x0800;
  private static final int TCP_WINDOW = 64240;
  private static final int DCCP_DATA = 2;

  /** The Ethernet frame carrying {@code ip} from {@code source} to {@code destination}. */
  static byte[] ethernet(byte[] destination, byte[] source, byte[] ip) {
    byte[] frame = new byte[ETH_HEADER + ip.length];
    System.arraycopy(destination, 0, frame, 0, 6);
    System.arraycopy(source, 0, frame, 6, 6);
    put16(frame, 12, ETH_P_IP);
    System.arraycopy(ip, 0, frame, ETH_HEADER, ip.length);
    return frame;
  }

  /** The IPv4 packet for {@code p}, the numbers it does not give taken from {@code flows}. */
  static byte[] ipv4(Packet p, Flows flows) {
    byte[] natural = transport(p, flows);
    byte[] ip = new byte[p.length()];
    ip[0] = 0x45;
    ip[1] = (byte) p.tos();
    put16(ip, 2, p.length());
    put16(ip, 4, flows.nextIpId());
    ip[8] = (byte) p.ttl();
    ip[9] = (byte) p.protocol();
    put32(ip, 12, p.source());
    put32(ip, 16, p.destination());
    int body = Math.max(0, p.length() - IP_HEADER);
    System.arraycopy(natural, 0, ip, IP_HEADER, Math.min(body, natural.length));
    put16(ip, 10, checksum(ip, 0, IP_HEADER, 0));
    transportChecksum(ip, p.protocol());
    return ip;
  }

  private static byte[] transport(Packet p, Flows flows) {
    switch (p.protocol()) {
      case Packet.TCP -> {
        byte[] tcp = new byte[20];
        put16(tcp, 0, p.sourcePort());
        put16(tcp, 2, p.destinationPort());
        put32(tcp, 4, (int) flows.sequence(p));
        put32(tcp, 8, (int) flows.acknowledgement(p));
        tcp[12] = 0x50;
        tcp[13] = (byte) p.tcpFlags();
        put16(tcp, 14, TCP_WINDOW);
        return tcp;
      }
      case Packet.UDP -> {
        byte[] udp = new byte[8];
        put16(udp, 0, p.sourcePort());
        put16(udp, 2, p.destinationPort());
        put16(udp, 4, Math.max(0, p.length() - IP_HEADER));
        return udp;
      }
      case Packet.ICMP -> {
        byte[] inner = p.embedded().map(e -> ipv4(e, flows)).orElse(new byte[0]);
        byte[] icmp = new byte[8 + inner.length];
        icmp[0] = (byte) p.icmpType();
        icmp[1] = (byte) p.icmpCode();
        if (isEcho(p.icmpType())) {
          put16(icmp, 4, flows.echoId(p));
          put16(icmp, 6, 1);
        }
        System.arraycopy(inner, 0, icmp, 8, inner.length);
        return icmp;
      }
      default -> {
        byte[] header = new byte[Packet.headerLength(p.protocol())];
        if (Packet.hasPorts(p.protocol())) {
          put16(header, 0, p.sourcePort());
          put16(header, 2, p.destinationPort());
        }
        if (p.protocol() == Packet.DCCP) {
          header[4] = (byte) (header.length / 4); // data offset; checksum coverage 0: all
          header[8] = (byte) (DCCP_DATA << 1 | 1); // extended (48-bit) sequence numbers
        }
        return header; // UDP-Lite: checksum coverage 0, the whole datagram; SCTP: no chunks
      }
    }
  }

  /** Echo request and reply, timestamp and information request and reply carry an id. */
  static boolean isEcho(int icmpType) {
    return icmpType == 0 || icmpType == 8 || icmpType == 13 || icmpType == 14
        || icmpType == 15 || icmpType == 16;
  }

  /** ICMP types that carry the header of the packet they report on. */
  static boolean isError(int icmpType) {
    return icmpType == 3 || icmpType == 4 || icmpType == 5 || icmpType == 11 || icmpType == 12;
  }

  private static void transportChecksum(byte[] ip, int protocol) {
    int length = ip.length - IP_HEADER;
    switch (protocol) {
      case Packet.TCP -> {
        if (length >= 18) {
          put16(ip, IP_HEADER + 16, checksum(ip, IP_HEADER, length, pseudo(ip, length)));
        }
      }
      case Packet.UDP, Packet.UDPLITE -> {
        if (length >= 8) {
          int sum = checksum(ip, IP_HEADER, length, pseudo(ip, length));
          put16(ip, IP_HEADER + 6, sum == 0 ? 0xffff : sum);
        }
      }
      case Packet.DCCP -> {
        if (length >= 8) {
          put16(ip, IP_HEADER + 6, checksum(ip, IP_HEADER, length, pseudo(ip, length)));
        }
      }
      case Packet.SCTP -> {
        if (length >= 12) {
          CRC32C crc = new CRC32C();
          crc.update(ip, IP_HEADER, length);
          long value = crc.getValue(); // sent least significant byte first, as sctp_compute_cksum
          for (int i = 0; i < 4; i++) {
            ip[IP_HEADER + 8 + i] = (byte) (value >>> (8 * i));
          }
        }
      }
      case Packet.ICMP -> {
        if (length >= 4) {
          put16(ip, IP_HEADER + 2, checksum(ip, IP_HEADER, length, 0));
        }
      }
      default -> {
        // other protocols: no checksum the kernel would check
      }
    }
  }

  private static long pseudo(byte[] ip, int length) {
    long sum = 0;
    for (int i = 12; i < 20; i += 2) {
      sum += get16(ip, i);
    }
    return sum + (ip[9] & 0xff) + length;
  }

  /** The Internet checksum of {@code length} bytes from {@code offset}, plus {@code initial}. */
  static int checksum(byte[] data, int offset, int length, long initial) {
    long sum = initial;
    int i = offset;
    for (; i + 1 < offset + length; i += 2) {
      sum += get16(data, i);
    }
    if (i < offset + length) {
      sum += (data[i] & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /** The IPv4 packet inside an Ethernet frame, or empty when the frame carries none. */
  static Optional<byte[]> ipOf(byte[] frame) {
    if (frame.length < ETH_HEADER + IP_HEADER || get16(frame, 12) != ETH_P_IP) {
      return Optional.empty();
    }
    byte[] ip = new byte[frame.length - ETH_HEADER];
    System.arraycopy(frame, ETH_HEADER, ip, 0, ip.length);
    return Optional.of(ip);
  }

  /**
   * Reads an IPv4 packet: the header fields a {@link Packet} holds. The length is the header's
   * total length; a truncated packet (an ICMP error's embedded one) keeps what it has: ports
   * need 4 bytes of the transport header, TCP flags 14.
   */
  static Optional<Packet> parse(byte[] ip) {
    if (ip.length < IP_HEADER || (ip[0] & 0xf0) != 0x40) {
      return Optional.empty();
    }
    int headerLength = (ip[0] & 0x0f) * 4;
    int protocol = ip[9] & 0xff;
    int source = get32(ip, 12);
    int destination = get32(ip, 16);
    int ttl = ip[8] & 0xff;
    int tos = ip[1] & 0xff;
    int length = Math.max(IP_HEADER, get16(ip, 2));
    boolean firstFragment = (get16(ip, 6) & 0x1fff) == 0;
    int t = headerLength;
    int available = ip.length - t;
    int sourcePort = 0;
    int destinationPort = 0;
    if (Packet.hasPorts(protocol) && firstFragment && available >= 4) {
      sourcePort = get16(ip, t);
      destinationPort = get16(ip, t + 2);
    }
    int flags = protocol == Packet.TCP && firstFragment && available >= 14 ? ip[t + 13] & 0xff
        : 0;
    int icmpType = -1;
    int icmpCode = -1;
    Optional<Packet> embedded = Optional.empty();
    if (protocol == Packet.ICMP) {
      icmpType = available >= 1 && firstFragment ? ip[t] & 0xff : 0;
      icmpCode = available >= 2 && firstFragment ? ip[t + 1] & 0xff : 0;
      if (isError(icmpType) && available > 8) {
        byte[] inner = new byte[available - 8];
        System.arraycopy(ip, t + 8, inner, 0, inner.length);
        embedded = parse(inner).map(e -> e.withEmbedded(Optional.empty()));
      }
    }
    return Optional.of(new Packet(protocol, source, destination, sourcePort, destinationPort,
        flags, icmpType, icmpCode, ttl, tos, 0, length, embedded));
  }

  static int get16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  static int get32(byte[] b, int i) {
    return (get16(b, i) << 16) | get16(b, i + 2);
  }

  static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  static void put32(byte[] b, int i, int v) {
    put16(b, i, v >>> 16);
    put16(b, i + 2, v);
  }

  /** {@code 52:54:00:00:00:01} as six bytes. */
  static byte[] mac(String text) {
    String[] parts = text.split(":");
    byte[] mac = new byte[6];
    for (int i = 0; i < 6; i++) {
      mac[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return mac;
  }

  static String hex(byte[] data) {
    StringBuilder out = new StringBuilder(data.length * 2);
    for (byte b : data) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  static byte[] unhex(String text) {
    byte[] data = new byte[text.length() / 2];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return data;
  }
}

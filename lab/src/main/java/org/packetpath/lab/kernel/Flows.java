package org.packetpath.lab.kernel;

import java.util.HashMap;
import java.util.Map;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;

/**
 * The numbers a {@link Packet} leaves out but the kernel checks: TCP sequence and
 * acknowledgement numbers and ICMP echo ids. Connection tracking marks a TCP segment INVALID
 * when it acknowledges data never sent, and a listening socket answers a wrong handshake ACK
 * with a reset, so each injected segment continues what the lab has seen of its flow: every
 * segment sent or captured (after NAT, as it was on the wire) is remembered per direction.
 *
 * <ul>
 *   <li>A SYN starts at the direction's initial sequence number, fixed until {@link #clear}, so
 *       a repeated SYN is a retransmission.
 *   <li>Any other segment continues where the direction's last segment ended.
 *   <li>The acknowledgement number is where the opposite direction's last segment ended (the
 *       firewall's own SYN-ACK included), or 0 when nothing was seen.
 *   <li>An echo reply carries the id of the echo request it answers.
 * </ul>
 */
final class Flows {
  private record Key(int source, int sourcePort, int destination, int destinationPort) {
    Key reversed() {
      return new Key(destination, destinationPort, source, sourcePort);
    }
  }

  private static final long FIRST_ISN = 0x10000000L;
  private static final int DEFAULT_ECHO_ID = 0x5050;

  private final Map<Key, Long> next = new HashMap<>();
  private final Map<Key, Long> initial = new HashMap<>();
  private final Map<Key, Integer> echoIds = new HashMap<>();
  private int ipId = 1;

  /** Forgets every flow, as after a conntrack flush. */
  void clear() {
    next.clear();
    initial.clear();
    echoIds.clear();
  }

  int nextIpId() {
    ipId = ipId % 0xffff + 1;
    return ipId;
  }

  private static Key key(Packet p) {
    return new Key(p.source(), p.sourcePort(), p.destination(), p.destinationPort());
  }

  private long isn(Key key) {
    return initial.computeIfAbsent(key, k -> (FIRST_ISN * (initial.size() + 1)) & 0xffffffffL);
  }

  /** The sequence number of TCP segment {@code p}. */
  long sequence(Packet p) {
    Key key = key(p);
    boolean syn = (p.tcpFlags() & TcpFlags.SYN) != 0;
    if (syn || !next.containsKey(key)) {
      return isn(key);
    }
    return next.get(key);
  }

  /** The acknowledgement number of TCP segment {@code p}; 0 without the ACK flag. */
  long acknowledgement(Packet p) {
    if ((p.tcpFlags() & TcpFlags.ACK) == 0) {
      return 0;
    }
    return next.getOrDefault(key(p).reversed(), 0L);
  }

  /** The id of echo-type ICMP message {@code p}: an echo reply takes its request's. */
  int echoId(Packet p) {
    Key pair = new Key(p.source(), 0, p.destination(), 0);
    Integer id = p.icmpType() == 0 ? echoIds.get(pair.reversed()) : echoIds.get(pair);
    return id == null ? DEFAULT_ECHO_ID : id;
  }

  /** Remembers an IPv4 packet that was sent or captured. */
  void saw(byte[] ip) {
    if (ip.length < Wire.IP_HEADER) {
      return;
    }
    int t = (ip[0] & 0x0f) * 4;
    int protocol = ip[9] & 0xff;
    int source = Wire.get32(ip, 12);
    int destination = Wire.get32(ip, 16);
    int total = Math.min(ip.length, Wire.get16(ip, 2));
    if (protocol == Packet.TCP && total >= t + 20) {
      Key key = new Key(source, Wire.get16(ip, t), destination, Wire.get16(ip, t + 2));
      int flags = ip[t + 13] & 0xff;
      if ((flags & TcpFlags.RST) != 0) {
        return;
      }
      long seq = Wire.get32(ip, t + 4) & 0xffffffffL;
      int payload = total - t - ((ip[t + 12] & 0xf0) >> 2);
      long end = seq + payload + ((flags & TcpFlags.SYN) != 0 ? 1 : 0)
          + ((flags & TcpFlags.FIN) != 0 ? 1 : 0);
      if ((flags & TcpFlags.SYN) != 0) {
        initial.put(key, seq);
      }
      next.put(key, end & 0xffffffffL);
    } else if (protocol == Packet.ICMP && total >= t + 8 && (ip[t] & 0xff) == 8) {
      echoIds.put(new Key(source, 0, destination, 0), Wire.get16(ip, t + 4));
    }
  }
}

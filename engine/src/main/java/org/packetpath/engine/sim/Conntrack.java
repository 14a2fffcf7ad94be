package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.topology.Sysctls;

/**
 * The connection-tracking table: classifies each packet as {@code nf_conntrack_in} does (NEW,
 * ESTABLISHED, RELATED, INVALID), creates entries for new connections, and keeps them once they
 * are confirmed. Entries do not time out.
 */
final class Conntrack {
  private final List<Connection> entries = new ArrayList<>();
  /** Every confirmed entry by both of its tuples: the original and the expected reply. */
  private final Map<Tuple, Found> byTuple = new HashMap<>();

  /** The outcome of classifying one packet. */
  record Classified(CtState state, Optional<Connection> connection, boolean reply,
      boolean relatedError, boolean created) {
    static Classified invalid() {
      return new Classified(CtState.INVALID, Optional.empty(), false, false, false);
    }
  }

  private record Found(Connection connection, boolean reply) {}

  private Optional<Found> find(Tuple t) {
    return Optional.ofNullable(byTuple.get(t));
  }

  Classified classify(Packet p, Sysctls sysctls) {
    if (p.protocol() == Packet.ICMP && isError(p.icmpType())) {
      if (p.embedded().isEmpty()) {
        return Classified.invalid();
      }
      // The embedded packet went the other way: its inverse is a tuple of this error's direction.
      Optional<Found> about = find(Tuple.of(p.embedded().get()).inverse());
      return about
          .map(f -> new Classified(CtState.RELATED, Optional.of(f.connection()), f.reply(), true,
              false))
          .orElse(Classified.invalid());
    }
    Optional<Found> found = find(Tuple.of(p));
    if (found.isPresent()) {
      Connection c = found.get().connection();
      boolean reply = found.get().reply();
      boolean answered = c.seenReply;
      if (reply) {
        c.seenReply = true;
        if (p.protocol() == Packet.TCP && (p.tcpFlags() & TcpFlags.SYN) != 0) {
          c.synAckSeen = true;
        }
      } else if (p.protocol() == Packet.TCP && c.seenReply && c.synAckSeen
          && (p.tcpFlags() & (TcpFlags.SYN | TcpFlags.RST | TcpFlags.FIN)) == 0
          && (p.tcpFlags() & TcpFlags.ACK) != 0) {
        c.assured = true;
      } else if (p.protocol() == GRE && answered) {
        c.assured = true; // nf_conntrack_gre_packet: any packet after the first reply
      }
      CtState state = reply || c.seenReply ? CtState.ESTABLISHED : CtState.NEW;
      c.count(reply, p.length());
      if (p.protocol() == Packet.TCP && (p.tcpFlags() & TcpFlags.RST) != 0 && !answered) {
        remove(c); // "if only reply is a RST", nf_conntrack_proto_tcp deletes the entry at once
      }
      return new Classified(state, Optional.of(c), reply, false, false);
    }
    if (!startsConnection(p, sysctls)) {
      return Classified.invalid();
    }
    Connection c = new Connection(Tuple.of(p));
    c.count(false, p.length());
    return new Classified(CtState.NEW, Optional.of(c), false, false, true);
  }

  /** Whether a packet without an entry may start one, as the protocol trackers decide. */
  private static boolean startsConnection(Packet p, Sysctls sysctls) {
    return switch (p.protocol()) {
      case Packet.TCP -> {
        int f = p.tcpFlags();
        if ((f & TcpFlags.RST) != 0) {
          yield false;
        }
        if ((f & TcpFlags.SYN) != 0) {
          yield (f & TcpFlags.ACK) == 0;
        }
        if ((f & TcpFlags.FIN) != 0) {
          yield false;
        }
        yield (f & TcpFlags.ACK) != 0 && sysctls.tcpLoose() != 0;
      }
      case Packet.ICMP -> p.icmpType() == 8 || p.icmpType() == 13 || p.icmpType() == 15
          || p.icmpType() == 17;
      // SCTP's tracker finds no chunk in the packet (the packet syntax carries none), and
      // ICMPv6's, which the kernel picks by protocol number also over IPv4, no ICMPv6 header.
      case Packet.SCTP, ICMPV6 -> false;
      // UDP, UDP-Lite, GRE and the generic tracker start a connection with any packet.
      default -> true;
    };
  }

  private static final int GRE = 47;
  private static final int ICMPV6 = 58;

  /** ICMP types that report an error about another packet. */
  static boolean isError(int icmpType) {
    return icmpType == 3 || icmpType == 4 || icmpType == 5 || icmpType == 11 || icmpType == 12;
  }

  void confirm(Connection c) {
    if (!c.confirmed) {
      c.confirmed = true;
      entries.add(c);
      byTuple.putIfAbsent(c.original, new Found(c, false));
      byTuple.putIfAbsent(c.reply, new Found(c, true));
    }
  }

  private void remove(Connection c) {
    c.removed = true;
    entries.remove(c);
    byTuple.remove(c.original);
    byTuple.remove(c.reply);
  }

  /** Whether {@code t} is already used by another connection, in either direction. */
  boolean taken(Tuple t, Connection except) {
    Found f = byTuple.get(t);
    Found r = byTuple.get(t.inverse());
    return (f != null && f.connection() != except) || (r != null && r.connection() != except);
  }

  /** Every confirmed entry, as {@code conntrack -L} lists them. */
  List<String> list() {
    return entries.stream().map(Connection::describe).toList();
  }

  int size() {
    return entries.size();
  }
}

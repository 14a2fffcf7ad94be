package org.packetpath.engine.sim;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.Service;

/**
 * The packets the firewall sends in answer: its TCP and UDP endpoints' answers to delivered
 * packets, echo replies, the errors REJECT sends, and ICMP time exceeded.
 */
final class Replies {
  private Replies() {}

  /**
   * An answer and whether the kernel attaches it to the connection of the packet it answers
   * (errors about a packet: RELATED) or lets connection tracking look it up (endpoint answers).
   */
  record Reply(Packet packet, boolean attached) {}

  /** Lengths of what the kernel sends: a SYN-ACK to an option-less SYN carries only MSS. */
  static final int SYN_ACK_LENGTH = 44;
  static final int RST_LENGTH = 40;

  /** What the firewall's own stack answers to a packet delivered to it. */
  static List<Reply> forDelivered(Simulator sim, Packet p, CtState state) {
    switch (p.protocol()) {
      case Packet.TCP -> {
        int flags = p.tcpFlags();
        if ((flags & TcpFlags.RST) != 0) {
          return List.of();
        }
        boolean listening = sim.topology().listens(p.destinationPort(), Service.Protocol.TCP);
        boolean syn = (flags & TcpFlags.SYN) != 0 && (flags & TcpFlags.ACK) == 0;
        if (syn && listening) {
          return List.of(reply(tcpAnswer(p, TcpFlags.SYN | TcpFlags.ACK, SYN_ACK_LENGTH)));
        }
        if (listening && state == CtState.ESTABLISHED) {
          return List.of(); // part of a connection the socket knows
        }
        int answer = (flags & TcpFlags.ACK) != 0 ? TcpFlags.RST : TcpFlags.RST | TcpFlags.ACK;
        return List.of(reply(tcpAnswer(p, answer, RST_LENGTH)));
      }
      case Packet.UDP -> {
        if (sim.topology().listens(p.destinationPort(), Service.Protocol.UDP)) {
          return List.of();
        }
        return List.of(reply(error(p, p.destination(), 3, 3)));
      }
      case Packet.ICMP -> {
        if (p.icmpType() == 8) {
          Packet echo = Packet.icmp(p.destination(), p.source(), 0, 0).withLength(p.length());
          return List.of(reply(echo));
        }
        return List.of();
      }
      default -> {
        return List.of();
      }
    }
  }

  private static Reply reply(Packet p) {
    return new Reply(p, false);
  }

  private static Packet tcpAnswer(Packet p, int flags, int length) {
    return Packet.tcp(p.destination(), p.destinationPort(), p.source(), p.sourcePort(), flags)
        .withLength(length);
  }

  /** What REJECT sends back for {@code p}, as the packet was when REJECT saw it. */
  static Reply reject(Simulator sim, Packet p, String with, Optional<String> in, Hook hook) {
    if (with.equals("tcp-reset")) {
      int flags = (p.tcpFlags() & TcpFlags.ACK) != 0 ? TcpFlags.RST
          : TcpFlags.RST | TcpFlags.ACK;
      return new Reply(tcpAnswer(p, flags, RST_LENGTH), true);
    }
    int code = switch (with) {
      case "icmp-net-unreachable" -> 0;
      case "icmp-host-unreachable" -> 1;
      case "icmp-proto-unreachable" -> 2;
      case "icmp-net-prohibited" -> 9;
      case "icmp-host-prohibited" -> 10;
      case "icmp-admin-prohibited" -> 13;
      default -> 3;
    };
    int source = hook == Hook.FORWARD
        ? errorSource(sim, p, in.orElse(""))
        : p.destination();
    return new Reply(error(p, source, 3, code), true);
  }

  /** ICMP time exceeded for a forwarded packet whose TTL ran out. */
  static Reply icmpError(Simulator sim, Packet p, String in, int type, int code) {
    return new Reply(error(p, errorSource(sim, p, in), type, code), true);
  }

  /** The address an ICMP error about a transit packet comes from: the interface it came in on. */
  private static int errorSource(Simulator sim, Packet p, String in) {
    return sim.topology().interfaceNamed(in).map(Interface::address).orElse(p.destination());
  }

  /** An ICMP error carrying {@code p}'s header, sized as the kernel sizes it (576 at most). */
  static Packet error(Packet p, int source, int type, int code) {
    int length = Math.min(576, 28 + p.length());
    return Packet.icmp(source, p.source(), type, code)
        .withLength(length)
        .withEmbedded(Optional.of(p.withEmbedded(Optional.empty())));
  }
}

package org.packetpath.engine.sim;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.Service;

/**
 * The packets the firewall sends in answer: its TCP and UDP endpoints' answers to delivered
 * packets, ICMP protocol unreachable for protocols it does not speak, echo replies, the errors REJECT sends, and ICMP time exceeded.
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
  static List<Reply> forDelivered(Simulator sim, Packet p) {
    switch (p.protocol()) {
      case Packet.TCP -> {
        return tcp(sim, p);
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
      case Packet.UDPLITE -> {
        return List.of(reply(error(p, p.destination(), 3, 3))); // the firewall has no socket
      }
      default -> {
        if (HANDLED.contains(p.protocol())) {
          return List.of();
        }
        return List.of(reply(error(p, p.destination(), 3, 2)));
      }
    }
  }

  /**
   * The protocols besides TCP, UDP, UDP-Lite and ICMP that the firewall's kernel takes without
   * complaint: IGMP, and 255, which IANA reserves and the kernel hands to raw IP sockets (the
   * kernel lab holds one). Every other protocol is answered with ICMP protocol unreachable, as
   * {@code ip_protocol_deliver_rcu} does on a 6.18 kernel built without SCTP, DCCP, IPsec or
   * tunnels.
   */
  private static final Set<Integer> HANDLED = Set.of(2, 255);

  /**
   * What the TCP stack answers: a listening socket answers a SYN with a SYN-ACK, takes the ACK
   * that completes a handshake it started silently, answers any other ACK with a reset and
   * ignores the rest (a lone FIN); a closed port resets everything but a reset.
   */
  private static List<Reply> tcp(Simulator sim, Packet p) {
    int flags = p.tcpFlags();
    if ((flags & TcpFlags.RST) != 0) {
      return List.of();
    }
    Tuple tuple = Tuple.of(p);
    if (sim.topology().listens(p.destinationPort(), Service.Protocol.TCP)) {
      if ((flags & TcpFlags.SYN) != 0 && (flags & TcpFlags.ACK) == 0) {
        sim.sockets().add(tuple);
        return List.of(reply(tcpAnswer(p, TcpFlags.SYN | TcpFlags.ACK | ecnSetup(p),
            SYN_ACK_LENGTH)));
      }
      if (sim.sockets().contains(tuple) || (flags & TcpFlags.ACK) == 0) {
        return List.of(); // the handshake's ACK, or data for a socket; a lone FIN is ignored
      }
      return List.of(reply(tcpAnswer(p, TcpFlags.RST, RST_LENGTH)));
    }
    int answer = (flags & TcpFlags.ACK) != 0 ? TcpFlags.RST : TcpFlags.RST | TcpFlags.ACK;
    return List.of(reply(tcpAnswer(p, answer, RST_LENGTH)));
  }

  /**
   * ECE when {@code syn} asks for ECN (ECE and CWR set, the IP ECN field not-ECT) and the stack
   * agrees, as {@code tcp_ecn_create_request} decides with {@code net.ipv4.tcp_ecn} at its
   * default 2: the SYN-ACK then carries ECE; otherwise no ECN bit.
   */
  private static int ecnSetup(Packet syn) {
    int both = TcpFlags.ECE | TcpFlags.CWR;
    return (syn.tcpFlags() & both) == both && (syn.tos() & 3) == 0 ? TcpFlags.ECE : 0;
  }

  private static Reply reply(Packet p) {
    return new Reply(p, false);
  }

  private static Packet tcpAnswer(Packet p, int flags, int length) {
    return Packet.tcp(p.destination(), p.destinationPort(), p.source(), p.sourcePort(), flags)
        .withLength(length);
  }

  /**
   * What REJECT sends back for {@code p}, as the packet was when REJECT saw it: nothing for a
   * reset ({@code nf_send_reset} never answers one) or for an ICMP error ({@code icmp_send}
   * never reports on one).
   */
  static Optional<Reply> reject(Simulator sim, Packet p, Action.RejectWith with,
      Optional<String> in, Hook hook) {
    if (with == Action.RejectWith.TCP_RESET) {
      if ((p.tcpFlags() & TcpFlags.RST) != 0) {
        return Optional.empty();
      }
      int flags = (p.tcpFlags() & TcpFlags.ACK) != 0 ? TcpFlags.RST
          : TcpFlags.RST | TcpFlags.ACK;
      return Optional.of(new Reply(tcpAnswer(p, flags, RST_LENGTH), true));
    }
    if (p.protocol() == Packet.ICMP && Conntrack.isError(p.icmpType())) {
      return Optional.empty();
    }
    int code = with.icmpCode();
    int source = hook == Hook.FORWARD
        ? errorSource(sim, p, in.orElse(""))
        : p.destination();
    return Optional.of(new Reply(error(p, source, 3, code), true));
  }

  /** ICMP time exceeded for a forwarded packet whose TTL ran out. */
  static Reply icmpError(Simulator sim, Packet p, String in, int type, int code) {
    return new Reply(error(p, errorSource(sim, p, in), type, code), true);
  }

  /** The address an ICMP error about a transit packet comes from: the interface it came in on. */
  private static int errorSource(Simulator sim, Packet p, String in) {
    return sim.topology().interfaceNamed(in).map(Interface::address).orElse(p.destination());
  }

  /**
   * An ICMP error carrying {@code p}'s header, sized as the kernel sizes it (576 at most), with
   * precedence "internet control" and {@code p}'s four TOS bits ({@code icmp_send}: 0x00 gives
   * 0xc0, 0xb8 gives 0xd8; checked on 6.18).
   */
  static Packet error(Packet p, int source, int type, int code) {
    int length = Math.min(576, 28 + p.length());
    return Packet.icmp(source, p.source(), type, code)
        .withLength(length)
        .withTos(0xc0 | (p.tos() & 0x1e))
        .withEmbedded(Optional.of(p.withEmbedded(Optional.empty())));
  }
}

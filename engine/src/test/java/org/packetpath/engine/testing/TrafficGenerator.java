package org.packetpath.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;

/**
 * Generates packet sequences for the lab's example topology, from a seed: new connections from
 * the Internet, the LAN and the firewall itself; replies that really answer earlier packets
 * (computed from how the simulator says the earlier packet left, so replies carry the NATed
 * addresses); lone ACK, RST and FIN; UDP; ICMP echo and errors.
 */
public final class TrafficGenerator {
  private final Random random;

  public TrafficGenerator(long seed) {
    this.random = new Random(seed);
  }

  private static final String[] WAN_SOURCES = {"attacker", "office", "internet", "192.0.2.200"};
  private static final String[] WAN_DESTINATIONS = {"fw", "fw:wan", "pc1", "192.0.2.10"};
  private static final int[] TCP_PORTS = {22, 80, 443, 23, 8080, 6667, 25};
  private static final int[] UDP_PORTS = {53, 161, 123, 9, 514};

  /** A packet that starts something new, in packet syntax. */
  public String fresh() {
    int port = 20000 + random.nextInt(30000);
    int kind = random.nextInt(10);
    String proto = kind < 5 ? "tcp" : kind < 8 ? "udp" : "icmp";
    int dport = proto.equals("tcp") ? pick(TCP_PORTS) : pick(UDP_PORTS);
    return switch (random.nextInt(3)) {
      case 0 -> { // from the Internet
        String src = pick(WAN_SOURCES);
        String dst = switch (pick(WAN_DESTINATIONS)) {
          case "fw", "fw:wan" -> "fw";
          default -> "203.0.113.1";
        };
        yield packet(proto, src, port, dst, dport, "in wan0");
      }
      case 1 -> packet(proto, random.nextBoolean() ? "pc1" : "10.0.0.7", port,
          random.nextInt(4) == 0 ? "fw" : "internet", dport, "in lan0");
      default -> packet(proto, random.nextBoolean() ? "fw" : "fw.lan0", port,
          random.nextBoolean() ? "internet" : "pc1", dport, "local");
    };
  }

  private String packet(String proto, String src, int sport, String dst, int dport, String where) {
    if (proto.equals("icmp")) {
      return "icmp " + src + " > " + dst + " icmp echo-request " + where;
    }
    String flags = "";
    if (proto.equals("tcp")) {
      flags = switch (random.nextInt(8)) {
        case 0 -> " ACK";
        case 1 -> " RST";
        case 2 -> " FIN";
        case 3 -> " FIN,ACK";
        default -> " SYN";
      };
    }
    return proto + " " + src + ":" + sport + " > " + dst + ":" + dport + flags + " " + where;
  }

  /**
   * An answer to {@code earlier} as it left the firewall (its final header, on its egress
   * interface), or empty when it did not leave on a network link.
   */
  public Optional<String> answer(Trace earlier) {
    Disposition d = earlier.disposition();
    if ((d != Disposition.FORWARDED && d != Disposition.SENT) || earlier.finalPacket().isEmpty()
        || earlier.out().filter("lo"::equals).isPresent()) {
      return Optional.empty();
    }
    Packet p = earlier.finalPacket().get();
    String in = earlier.out().orElseThrow();
    String src = Ipv4.format(p.destination());
    String dst = Ipv4.format(p.source());
    return Optional.of(switch (p.protocol()) {
      case Packet.TCP -> "tcp " + src + ":" + p.destinationPort() + " > " + dst + ":"
          + p.sourcePort() + ((p.tcpFlags() & TcpFlags.SYN) != 0 ? " SYN,ACK" : " ACK")
          + " in " + in;
      case Packet.UDP -> random.nextInt(3) == 0
          ? "icmp " + src + " > " + dst + " icmp port-unreachable about udp " + dst + ":"
              + p.sourcePort() + " > " + src + ":" + p.destinationPort() + " in " + in
          : "udp " + src + ":" + p.destinationPort() + " > " + dst + ":" + p.sourcePort()
              + " in " + in;
      case Packet.ICMP -> "icmp " + src + " > " + dst + " icmp echo-reply in " + in;
      default -> "udp " + src + ":1 > " + dst + ":1 in " + in;
    });
  }

  /**
   * A sequence of {@code count} packets: fresh ones, with answers to earlier ones mixed in, as
   * the simulator (a fresh copy, so the caller's state is untouched) sees them.
   */
  public List<String> sequence(Simulator scratch, int count) {
    List<String> packets = new ArrayList<>();
    List<Trace> left = new ArrayList<>();
    while (packets.size() < count) {
      String next = null;
      if (!left.isEmpty() && random.nextInt(3) == 0) {
        next = answer(left.remove(random.nextInt(left.size()))).orElse(null);
      }
      if (next == null) {
        next = fresh();
      }
      packets.add(next);
      Trace t = scratch.send(next);
      if (t.finalPacket().isPresent()) {
        left.add(t);
      }
    }
    return packets;
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A packet spec for the given text, for callers that need the parsed form. */
  public static PacketSpec parse(Simulator fw, String text) {
    return org.packetpath.engine.packet.PacketSyntax.parse(text, fw.names());
  }
}

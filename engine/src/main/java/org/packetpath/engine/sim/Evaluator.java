package org.packetpath.engine.sim;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.topology.AddressSet;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.RouteLookup;
import org.packetpath.engine.topology.Topology;

/**
 * Compiles a rule's {@link Condition} into a {@link Test}, once, as the kernel evaluates each
 * kind of condition. The topology answers what a condition asks of the firewall (its
 * addresses, routes and sets). The stand-ins of {@link Condition.Opaque} conditions ({@link
 * StandIns}) that count packets keep their counts in the compiled test, so each simulator has
 * its own.
 *
 * <p>Where simulated packets lack what the kernel looks at, the choice made is documented on
 * the method: {@link #macSource} (no MAC addresses), {@link #packetType} (no link-layer
 * destination).
 */
final class Evaluator implements Condition.Visitor<Evaluator.Test> {
  /** A compiled condition. */
  @FunctionalInterface
  interface Test {
    boolean test(Visit v);
  }

  static final Test TRUE = v -> true;
  static final Test FALSE = v -> false;

  private final Topology topology;

  private Evaluator(Topology topology) {
    this.topology = topology;
  }

  /** The test of {@code condition} against the packets of a firewall with {@code topology}. */
  static Test compile(Condition condition, Topology topology) {
    return condition.accept(new Evaluator(topology));
  }

  private Test[] compile(List<Condition> parts) {
    Test[] tests = new Test[parts.size()];
    for (int i = 0; i < tests.length; i++) {
      tests[i] = parts.get(i).accept(this);
    }
    return tests;
  }

  @Override
  public Test all(Condition.All c) {
    return join(c.parts(), true);
  }

  @Override
  public Test any(Condition.Any c) {
    return join(c.parts(), false);
  }

  /**
   * All of {@code parts} hold ({@code all}), or any of them: the parts are tried in order and
   * the first that decides (one failing for all, one holding for any) ends the test.
   */
  private Test join(List<Condition> parts, boolean all) {
    Test[] tests = compile(parts);
    return switch (tests.length) {
      case 0 -> all ? TRUE : FALSE;
      case 1 -> tests[0];
      case 2 -> {
        Test a = tests[0];
        Test b = tests[1];
        yield all ? v -> a.test(v) && b.test(v) : v -> a.test(v) || b.test(v);
      }
      default -> v -> {
        for (Test t : tests) {
          if (t.test(v) != all) {
            return !all;
          }
        }
        return all;
      };
    };
  }

  @Override
  public Test not(Condition.Not c) {
    Test inner = c.inner().accept(this);
    return v -> !inner.test(v);
  }

  @Override
  public Test fieldIn(Condition.FieldIn c) {
    Field field = c.field();
    long mask = c.mask();
    if (c.values().isSingle() || c.values().intervals() == 1) {
      long lo = c.values().isEmpty() ? 1 : c.values().lo(0);
      long hi = c.values().isEmpty() ? 0 : c.values().hi(0);
      return v -> {
        long value = value(field, v);
        if (value < 0) {
          return false;
        }
        long masked = value & mask;
        return masked >= lo && masked <= hi;
      };
    }
    return v -> {
      long value = value(field, v);
      return value >= 0 && c.values().contains(value & mask);
    };
  }

  /** The field's value for the packet as it is now, or -1 when the packet has no such field. */
  static long value(Field field, Visit v) {
    Packet p = v.packet();
    return switch (field) {
      case SOURCE -> Integer.toUnsignedLong(p.source());
      case DESTINATION -> Integer.toUnsignedLong(p.destination());
      case PROTOCOL -> p.protocol();
      case SOURCE_PORT -> Packet.hasPorts(p.protocol()) ? p.sourcePort() : -1;
      case DESTINATION_PORT -> Packet.hasPorts(p.protocol()) ? p.destinationPort() : -1;
      case ICMP_TYPE -> p.protocol() == Packet.ICMP ? p.icmpType() : -1;
      case ICMP_CODE -> p.protocol() == Packet.ICMP ? p.icmpCode() : -1;
      case LENGTH -> p.length();
      case TTL -> p.ttl();
      case TOS -> p.tos();
      case MARK -> p.mark();
      case CONNMARK -> v.ct().map(Visit.ConnView::mark).orElse(-1L);
      case CT_PROTOCOL -> v.ct().map(c -> (long) c.original().protocol()).orElse(-1L);
      case CT_ORIG_SOURCE -> v.ct().map(c -> Integer.toUnsignedLong(c.original().source()))
          .orElse(-1L);
      case CT_ORIG_DESTINATION -> v.ct()
          .map(c -> Integer.toUnsignedLong(c.original().destination())).orElse(-1L);
      case CT_REPLY_SOURCE -> v.ct().map(c -> Integer.toUnsignedLong(c.replyTuple().source()))
          .orElse(-1L);
      case CT_REPLY_DESTINATION -> v.ct()
          .map(c -> Integer.toUnsignedLong(c.replyTuple().destination())).orElse(-1L);
      case CT_ORIG_SOURCE_PORT -> v.ct().map(c -> (long) c.original().sourcePort()).orElse(-1L);
      case CT_ORIG_DESTINATION_PORT -> v.ct().map(c -> (long) c.original().destinationPort())
          .orElse(-1L);
      case CT_REPLY_SOURCE_PORT -> v.ct().map(c -> (long) c.replyTuple().sourcePort())
          .orElse(-1L);
      case CT_REPLY_DESTINATION_PORT -> v.ct().map(c -> (long) c.replyTuple().destinationPort())
          .orElse(-1L);
    };
  }

  @Override
  public Test tcpFlags(Condition.TcpFlags c) {
    int mask = c.mask();
    int set = c.set();
    return v -> v.packet().protocol() == Packet.TCP && (v.packet().tcpFlags() & mask) == set;
  }

  @Override
  public Test iface(Condition.Iface c) {
    return c.direction() == Condition.Direction.IN
        ? v -> c.matches(v.in().orElse(""))
        : v -> c.matches(v.out().orElse(""));
  }

  @Override
  public Test ctStates(Condition.CtStates c) {
    Set<org.packetpath.engine.rules.CtState> states = c.states();
    return v -> states.contains(v.ctState());
  }

  @Override
  public Test ctStatus(Condition.CtStatus c) {
    Set<Condition.Status> any = c.any();
    return v -> v.ct().filter(ct -> has(ct, any)).isPresent();
  }

  private static boolean has(Visit.ConnView ct, Set<Condition.Status> any) {
    for (Condition.Status s : any) {
      boolean set = switch (s) {
        case EXPECTED -> false;
        case SEEN_REPLY -> ct.seenReply();
        case ASSURED -> ct.assured();
        case CONFIRMED -> ct.confirmed();
        case SRC_NAT -> ct.sourceNat();
        case DST_NAT -> ct.destinationNat();
      };
      if (set) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Test ctDirection(Condition.CtDirection c) {
    boolean reply = c.reply();
    return v -> v.ct().filter(ct -> ct.reply() == reply).isPresent();
  }

  @Override
  public Test hasConnection(Condition.HasConnection c) {
    return v -> v.ct().isPresent();
  }

  /**
   * Looks the packet's source or destination up in the topology's set of that name, as {@code
   * ip_set_test} does; {@code hash:ip} and {@code hash:net} have one dimension, so only the first
   * counts. A set the topology does not have is taken as empty.
   */
  @Override
  public Test inSet(Condition.InSet c) {
    Optional<AddressSet> set = topology.set(c.set());
    if (set.isEmpty()) {
      return FALSE;
    }
    AddressSet s = set.get();
    return c.dimensions().get(0) == Condition.Side.SOURCE
        ? v -> s.contains(v.packet().source())
        : v -> s.contains(v.packet().destination());
  }

  /**
   * The address types of {@link LocalTable#addressType}. With a limit an address counts as
   * LOCAL or BROADCAST only on the interface the packet came in by (goes out by); where that
   * interface is not known (a user chain reached from OUTPUT) there is no limit, as in the
   * kernel. BLACKHOLE, UNREACHABLE, PROHIBIT and the other types never match: the kernel looks
   * them up in the local table only, where no such routes are.
   */
  @Override
  public Test addressType(Condition.AddressType c) {
    boolean source = c.side() == Condition.Side.SOURCE;
    Optional<Condition.Direction> limit = c.limit();
    Set<Condition.RouteType> types = c.types();
    return v -> {
      int address = source ? v.packet().source() : v.packet().destination();
      Optional<String> device = limit.isEmpty() ? Optional.empty()
          : limit.get() == Condition.Direction.IN ? v.in() : v.out();
      LocalTable.Type type = LocalTable.addressType(topology, address, device);
      return types.contains(Condition.RouteType.valueOf(type.name()));
    };
  }

  /**
   * The kernel takes the packet type from the link-layer destination, which simulated packets
   * lack; it is derived from the IP destination instead, as a sender would address the frame.
   * An arrived packet is broadcast when sent to 255.255.255.255 or to the broadcast address of
   * the network of the interface it came in by, multicast when sent to 224.0.0.0/4, and unicast
   * otherwise. Packets the firewall sends and packets it forwards are unicast in OUTPUT and
   * POSTROUTING, even when addressed to a broadcast address: the kernel marks only the copy it
   * loops back to itself. {@code otherhost} never matches: the kernel drops such frames before
   * PREROUTING.
   */
  @Override
  public Test packetType(Condition.PacketType c) {
    Condition.LinkType wanted = c.type();
    return v -> linkType(v) == wanted;
  }

  private Condition.LinkType linkType(Visit v) {
    if (v.in().isEmpty()) {
      return Condition.LinkType.UNICAST;
    }
    int dst = v.packet().destination();
    if (dst == -1) {
      return Condition.LinkType.BROADCAST;
    }
    if ((dst >>> 28) == 0xe) {
      return Condition.LinkType.MULTICAST;
    }
    Optional<Interface> in = topology.interfaceNamed(v.in().get());
    if (in.flatMap(LocalTable::broadcast).filter(b -> b == dst).isPresent()) {
      return Condition.LinkType.BROADCAST;
    }
    return Condition.LinkType.UNICAST;
  }

  /**
   * Reverse path filtering as {@code xt_rpfilter} does it, on the topology's routes: packets on
   * {@code lo}, and from 0.0.0.0 to 255.255.255.255 or 224.0.0.0/24, pass; otherwise the route
   * back to the source must be a unicast route out of the interface the packet came in by (any
   * interface when loose). A source that is the firewall's own address passes only with
   * accept-local, and then through the interface that owns it; a broadcast address or a source
   * without a route never passes. The valid-mark option puts the packet's mark into the lookup,
   * which changes nothing here: the topology has no rules that route by mark. The sysctl
   * rp_filter plays no part.
   */
  @Override
  public Test reversePath(Condition.ReversePath c) {
    return v -> reversePathOk(v, c.loose(), c.acceptLocal());
  }

  private boolean reversePathOk(Visit v, boolean loose, boolean acceptLocal) {
    String in = v.in().orElse("");
    if (in.equals("lo") || v.in().isEmpty()) {
      return true;
    }
    int src = v.packet().source();
    int dst = v.packet().destination();
    if (src == 0 && (dst == -1 || (dst & 0xffffff00) == 0xe0000000)) {
      return true;
    }
    Optional<LocalTable.Entry> local = LocalTable.lookup(topology, src);
    String device;
    if (local.isPresent()) {
      if (local.get().type() != LocalTable.Type.LOCAL || !acceptLocal) {
        return false;
      }
      device = local.get().device().name();
    } else {
      Optional<RouteLookup> back = topology.route(src);
      if (back.isEmpty()) {
        return false;
      }
      device = back.get().device().name();
    }
    return loose || device.equals(in);
  }

  @Override
  public Test localSocket(Condition.LocalSocket c) {
    return Visit::local;
  }

  /**
   * Simulated packets carry no MAC addresses, and the hosts of a topology have none: a packet's
   * source MAC is taken to be none that a rule names, so the test never holds.
   */
  @Override
  public Test macSource(Condition.MacSource c) {
    return FALSE;
  }

  @Override
  public Test opaque(Condition.Opaque c) {
    return StandIns.compile(c.standIn(), topology);
  }
}

package org.packetpath.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.packetpath.engine.input.Checks;

/**
 * What a rule asks of a packet, as one typed tree: the meaning of its base options ({@code -s
 * -d -i -o -p -f}) and of every match extension, built once when the rule is read. The
 * simulator evaluates the tree, the explainer puts it in words, and an analysis over whole
 * packet classes can read the same tree symbolically.
 *
 * <p>Leaves test one thing: a field within an {@link IntervalSet} under a mask, the TCP flags,
 * an interface name, the connection's state, status and direction, membership of an address
 * set, what the firewall's routes say of an address, and {@link Opaque} for matches whose
 * outcome does not follow from the packet (rate limits, random choice, the sending process).
 * {@link All}, {@link Any} and {@link Not} combine them. {@link #TRUE} and {@link #FALSE} are
 * the empty {@code All} and {@code Any}.
 *
 * <p>Interpreters implement {@link Visitor}; the compiler lists every one to update when a
 * variant is added. The file is long because it is the whole vocabulary: every variant, the
 * visitor and the builders stay in one place, so that a new kind of condition is one edit here.
 */
public sealed interface Condition
    permits Condition.All, Condition.Any, Condition.Not, Condition.FieldIn, Condition.TcpFlags,
        Condition.Iface, Condition.CtStates, Condition.CtStatus, Condition.CtDirection,
        Condition.HasConnection, Condition.InSet, Condition.AddressType, Condition.PacketType,
        Condition.ReversePath, Condition.LocalSocket, Condition.MacSource, Condition.Opaque {

  /** Holds for every packet. */
  Condition TRUE = new All(List.of());

  /** Holds for no packet. */
  Condition FALSE = new Any(List.of());

  /**
   * Calls the visitor's method for this variant. The {@code permits} list and {@link Visitor}
   * name every variant, so the compiler lists each interpreter to update when one is added;
   * this is the one place that maps variants to methods.
   */
  default <R> R accept(Visitor<R> visitor) {
    if (this instanceof All x) {
      return visitor.all(x);
    } else if (this instanceof Any x) {
      return visitor.any(x);
    } else if (this instanceof Not x) {
      return visitor.not(x);
    } else if (this instanceof FieldIn x) {
      return visitor.fieldIn(x);
    } else if (this instanceof TcpFlags x) {
      return visitor.tcpFlags(x);
    } else if (this instanceof Iface x) {
      return visitor.iface(x);
    } else if (this instanceof CtStates x) {
      return visitor.ctStates(x);
    } else if (this instanceof CtStatus x) {
      return visitor.ctStatus(x);
    } else if (this instanceof CtDirection x) {
      return visitor.ctDirection(x);
    } else if (this instanceof HasConnection x) {
      return visitor.hasConnection(x);
    } else if (this instanceof InSet x) {
      return visitor.inSet(x);
    } else if (this instanceof AddressType x) {
      return visitor.addressType(x);
    } else if (this instanceof PacketType x) {
      return visitor.packetType(x);
    } else if (this instanceof ReversePath x) {
      return visitor.reversePath(x);
    } else if (this instanceof LocalSocket x) {
      return visitor.localSocket(x);
    } else if (this instanceof MacSource x) {
      return visitor.macSource(x);
    } else if (this instanceof Opaque x) {
      return visitor.opaque(x);
    }
    throw new AssertionError("no visitor method for " + getClass());
  }

  /** One method per variant; implemented by everything that interprets conditions. */
  interface Visitor<R> {
    R all(All c);

    R any(Any c);

    R not(Not c);

    R fieldIn(FieldIn c);

    R tcpFlags(TcpFlags c);

    R iface(Iface c);

    R ctStates(CtStates c);

    R ctStatus(CtStatus c);

    R ctDirection(CtDirection c);

    R hasConnection(HasConnection c);

    R inSet(InSet c);

    R addressType(AddressType c);

    R packetType(PacketType c);

    R reversePath(ReversePath c);

    R localSocket(LocalSocket c);

    R macSource(MacSource c);

    R opaque(Opaque c);
  }

  // ---- building ----------------------------------------------------------------------------

  /** Every one of {@code parts}; nested {@code All}s are flattened and one part stands alone. */
  static Condition all(List<Condition> parts) {
    return flat(parts, All.class, All::parts, All::new);
  }

  static Condition all(Condition... parts) {
    return all(List.of(parts));
  }

  /** Any one of {@code parts}; nested {@code Any}s are flattened and one part stands alone. */
  static Condition any(List<Condition> parts) {
    return flat(parts, Any.class, Any::parts, Any::new);
  }

  /** {@code parts} combined by {@code make}, with combinations of the same kind flattened. */
  private static <C extends Condition> Condition flat(List<Condition> parts, Class<C> kind,
      Function<C, List<Condition>> partsOf, Function<List<Condition>, C> make) {
    if (parts.size() == 1 && !kind.isInstance(parts.get(0))) {
      return parts.get(0);
    }
    List<Condition> flat = new ArrayList<>(parts.size() + 2);
    for (Condition p : parts) {
      if (kind.isInstance(p)) {
        flat.addAll(partsOf.apply(kind.cast(p)));
      } else {
        flat.add(p);
      }
    }
    return flat.size() == 1 ? flat.get(0) : make.apply(flat);
  }

  static Condition any(Condition... parts) {
    return any(List.of(parts));
  }

  /** {@code condition} inverted when {@code negated} is true ({@code !} before an option). */
  static Condition not(boolean negated, Condition condition) {
    if (!negated) {
      return condition;
    }
    return condition instanceof Not n ? n.inner() : new Not(condition);
  }

  /** {@code field}'s value is one of {@code values}. */
  static Condition in(Field field, IntervalSet values) {
    return new FieldIn(field, field.max(), values);
  }

  /** {@code field}'s value is {@code value}. */
  static Condition is(Field field, long value) {
    return in(field, IntervalSet.of(value));
  }

  /** {@code values} as an unmodifiable set in the enum's order. */
  private static <E extends Enum<E>> Set<E> enums(Class<E> type, Set<E> values) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }

  // ---- variants ----------------------------------------------------------------------------

  /** Every part holds; evaluated in order, stopping at the first that does not. */
  record All(List<Condition> parts) implements Condition {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part holds; evaluated in order, stopping at the first that does. */
  record Any(List<Condition> parts) implements Condition {
    public Any {
      parts = List.copyOf(parts);
    }
  }

  /** {@code inner} does not hold. */
  record Not(Condition inner) implements Condition {
    public Not {
      Objects.requireNonNull(inner, "inner");
    }
  }

  /**
   * The field's value, masked, is one of {@code values}: {@code (value & mask) ∈ values}. A
   * packet without the field (no ports, not ICMP, no connection) does not satisfy it.
   */
  record FieldIn(Field field, long mask, IntervalSet values) implements Condition {
    public FieldIn {
      Checks.nonNull("field", field, "values", values);
      if (mask < 0 || mask > field.max()) {
        throw new IllegalArgumentException(field + " mask must be 0.." + field.max() + " but was "
            + mask);
      }
    }

    /** Whether the mask covers the whole field: the value itself is compared. */
    public boolean unmasked() {
      return mask == field.max();
    }
  }

  /**
   * The TCP flags among {@code mask} are exactly {@code set} ({@code --tcp-flags SYN,ACK SYN}).
   * Bits: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, and the ECN bits ECE 64 and CWR 128 ({@code
   * -m ecn}). Only TCP packets have flags.
   */
  record TcpFlags(int mask, int set) implements Condition {
    public TcpFlags {
      if (mask < 0 || mask > 0xff || (set & ~mask) != 0) {
        throw new IllegalArgumentException("flags " + set + " must lie within mask " + mask);
      }
    }
  }

  /** Whether a condition is about the interface a packet came in by or goes out by. */
  enum Direction {
    IN,
    OUT
  }

  /**
   * The packet came in by ({@code -i}) or goes out by ({@code -o}) the interface {@code name};
   * a name ending in {@code +} matches every interface whose name starts with the rest. Where
   * the interface is not known at a hook, the name is empty, which only {@code +} matches.
   */
  record Iface(Direction direction, String name) implements Condition {
    public Iface {
      Checks.nonNull("direction", direction, "name", name);
    }

    /** Whether the interface called {@code device} ({@code ""} when unknown) matches. */
    public boolean matches(String device) {
      return name.endsWith("+") ? device.startsWith(name.substring(0, name.length() - 1))
          : name.equals(device);
    }
  }

  /** The packet's connection-tracking state is one of {@code states}. */
  record CtStates(Set<CtState> states) implements Condition {
    public CtStates {
      states = enums(CtState.class, states);
    }
  }

  /** A status bit of a connection-tracking entry, as {@code --ctstatus} names them. */
  enum Status {
    EXPECTED,
    SEEN_REPLY,
    ASSURED,
    CONFIRMED,
    /** The connection's source is translated (conntrack's virtual state SNAT). */
    SRC_NAT,
    /** The connection's destination is translated (conntrack's virtual state DNAT). */
    DST_NAT
  }

  /** The packet has a connection, and its status has at least one of {@code any}. */
  record CtStatus(Set<Status> any) implements Condition {
    public CtStatus {
      any = enums(Status.class, any);
    }
  }

  /** The packet has a connection and travels in its reply (or its original) direction. */
  record CtDirection(boolean reply) implements Condition {}

  /** The packet has a connection-tracking entry (not in raw, not untracked, not INVALID). */
  record HasConnection() implements Condition {}

  /** Which address of the packet a condition looks at. */
  enum Side {
    SOURCE,
    DESTINATION
  }

  /**
   * The packet is in the address set {@code set} ({@code -m set --match-set blocked src}), its
   * parts taken from the packet as {@code dimensions} says, the first part first.
   */
  record InSet(String set, List<Side> dimensions) implements Condition {
    public InSet {
      Objects.requireNonNull(set, "set");
      dimensions = List.copyOf(dimensions);
      if (dimensions.isEmpty()) {
        throw new IllegalArgumentException("a set lookup needs at least one dimension");
      }
    }
  }

  /** Route types, as {@code RTN_*} names them and {@code -m addrtype} tests them. */
  enum RouteType {
    UNSPEC,
    UNICAST,
    LOCAL,
    BROADCAST,
    ANYCAST,
    MULTICAST,
    BLACKHOLE,
    UNREACHABLE,
    PROHIBIT,
    THROW,
    NAT,
    XRESOLVE
  }

  /**
   * The type the firewall's routes give the packet's source or destination address is one of
   * {@code types}; with {@code limit}, LOCAL and BROADCAST count only on the interface the
   * packet came in by (IN) or goes out by (OUT).
   */
  record AddressType(Side side, Set<RouteType> types, Optional<Direction> limit)
      implements Condition {
    public AddressType {
      Objects.requireNonNull(side, "side");
      types = enums(RouteType.class, types);
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** The link-layer packet types of {@code -m pkttype}. */
  enum LinkType {
    UNICAST,
    BROADCAST,
    MULTICAST,
    OTHERHOST
  }

  /** The packet was addressed on the link as {@code type}. */
  record PacketType(LinkType type) implements Condition {
    public PacketType {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * The route back to the packet's source leaves by the interface it came in by ({@code -m
   * rpfilter}); with {@code loose}, by any interface; {@code acceptLocal} lets a source that is
   * one of the firewall's own addresses pass; {@code validMark} puts the mark into the lookup.
   */
  record ReversePath(boolean loose, boolean acceptLocal, boolean validMark)
      implements Condition {}

  /** The packet was sent from one of the firewall's own sockets (not forwarded). */
  record LocalSocket() implements Condition {}

  /** The packet's Ethernet source address is {@code address} (lower case, colon-separated). */
  record MacSource(String address) implements Condition {
    public MacSource {
      Objects.requireNonNull(address, "address");
    }
  }

  /**
   * A test whose outcome does not follow from the packet: a rate limit, a random choice, a list
   * of recently seen addresses, the process that sent it. {@code why} says what it depends on;
   * {@code standIn} is the deterministic treatment the simulator gives it (documented in {@code
   * SIMULATION.md}); an analysis over packet classes treats it as "may match" either way.
   */
  record Opaque(String module, String why, StandIn standIn) implements Condition {
    public Opaque {
      Checks.nonNull("module", module, "why", why, "standIn", standIn);
    }
  }

  /** How the simulator decides an {@link Opaque} condition, the same way every run. */
  sealed interface StandIn
      permits Fixed, FirstPackets, EveryNth, ByteQuota, ConnectionCount, ConnectionCounter,
          ListeningSocket, ClusterNode {}

  /** Always holds, or never. */
  record Fixed(boolean holds) implements StandIn {}

  /**
   * Holds for the first {@code count} packets that reach it and for none after: a rate limit on
   * a clock that stands still, so that every packet arrives in the same instant.
   */
  record FirstPackets(int count) implements StandIn {
    public FirstPackets {
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0 but was " + count);
      }
    }
  }

  /**
   * Holds for packet {@code packet + 1}, then every {@code every}-th packet after it, counting
   * the packets that reach it from 1 ({@code -m statistic --mode nth}).
   */
  record EveryNth(long every, long packet) implements StandIn {
    public EveryNth {
      if (every < 1 || packet < 0 || packet >= every) {
        throw new IllegalArgumentException("need 0 <= packet < every: " + packet + ", " + every);
      }
    }
  }

  /**
   * Holds while the packets that reach it fit in {@code bytes}: each one that fits uses up its
   * length; the first that does not empties what is left ({@code -m quota}, as {@code xt_quota}
   * counts).
   */
  record ByteQuota(long bytes) implements StandIn {}

  /**
   * The number of connections counted for the packet's group is above {@code limit} (or, with
   * {@code upto}, at most {@code limit}): each use keeps its own list of the connections whose
   * packets reached it, grouped by the packet's source (or destination) address under a prefix
   * of {@code prefix} bits, and the packet's own connection counts too ({@code -m connlimit},
   * as {@code nf_conncount} counts). Connections no longer tracked leave the list.
   */
  record ConnectionCount(long limit, boolean upto, int prefix, Side side) implements StandIn {
    public ConnectionCount {
      Objects.requireNonNull(side, "side");
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("prefix must be 0..32 but was " + prefix);
      }
    }
  }

  /** What {@code -m connbytes} counts of a connection. */
  enum Counted {
    PACKETS,
    BYTES,
    /** Bytes per packet, rounded down; 0 when no packet was counted. */
    AVGPKT
  }

  /** Which directions of a connection {@code -m connbytes} counts. */
  enum CountedDirection {
    ORIGINAL,
    REPLY,
    BOTH
  }

  /**
   * The packet has a connection, and what its counters say ({@code counted} in {@code
   * direction}, the packet itself included) is within {@code from..to} (unsigned); when {@code
   * from} is above {@code to}, outside {@code to..from} ({@code ! --connbytes}), as {@code
   * xt_connbytes} compares.
   */
  record ConnectionCounter(Counted counted, CountedDirection direction, long from, long to)
      implements StandIn {
    public ConnectionCounter {
      Checks.nonNull("counted", counted, "direction", direction);
    }
  }

  /**
   * A TCP or UDP packet whose destination port is one the firewall listens on with that
   * protocol, whatever its destination address ({@code -m socket --nowildcard}: the topology's
   * services listen on 0.0.0.0).
   */
  record ListeningSocket() implements StandIn {}

  /**
   * The Jenkins hash ({@code jhash_1word}) of the connection's original source address with
   * {@code seed}, scaled to {@code totalNodes}, is a node whose bit is set in {@code nodeMask}
   * ({@code -m cluster}, as {@code xt_cluster} hashes). Needs a connection.
   */
  record ClusterNode(int totalNodes, long nodeMask, long seed) implements StandIn {
    public ClusterNode {
      if (totalNodes < 1 || totalNodes > 32) {
        throw new IllegalArgumentException("totalNodes must be 1..32 but was " + totalNodes);
      }
    }
  }
}

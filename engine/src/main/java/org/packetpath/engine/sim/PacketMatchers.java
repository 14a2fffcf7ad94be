package org.packetpath.engine.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.Topology;

/**
 * The matches on packet fields and metadata, as the kernel evaluates them: {@code iprange},
 * {@code limit}, {@code mac}, {@code mark}, {@code connmark}, {@code addrtype}, {@code length},
 * {@code ttl}, {@code tos}, {@code dscp}, {@code pkttype} and {@code owner}. Each option is a
 * test of its own, and {@code !} inverts that option alone, as in the kernel.
 *
 * <p>Where simulated packets lack what the kernel looks at, the choice made is documented on
 * the compiler: {@link #limit} (no clock), {@link #mac} (no MAC addresses), {@link #pkttype} (no
 * link-layer destination) and {@link #owner} (no processes).
 */
final class PacketMatchers {
  private PacketMatchers() {}

  static Map<String, Matchers.ModuleCompiler> all() {
    return Map.ofEntries(
        Map.entry("iprange", (m, t) -> perOption(m, PacketMatchers::iprange)),
        Map.entry("limit", (m, t) -> limit(m)),
        Map.entry("mac", (m, t) -> mac(m)),
        Map.entry("mark", (m, t) -> perOption(m, PacketMatchers::mark)),
        Map.entry("connmark", (m, t) -> connmark(m)),
        Map.entry("addrtype", PacketMatchers::addrtype),
        Map.entry("length", (m, t) -> perOption(m, PacketMatchers::length)),
        Map.entry("ttl", (m, t) -> perOption(m, PacketMatchers::ttl)),
        Map.entry("tos", (m, t) -> perOption(m, PacketMatchers::tos)),
        Map.entry("dscp", (m, t) -> perOption(m, PacketMatchers::dscp)),
        Map.entry("pkttype", PacketMatchers::pkttype),
        Map.entry("owner", (m, t) -> owner(m)));
  }

  /** Each option's test, inverted by its own {@code !}, all of which must pass. */
  static Predicate<Visit> perOption(Match m,
      java.util.function.Function<Option, Predicate<Visit>> test) {
    List<Predicate<Visit>> tests = new ArrayList<>();
    for (Option o : m.options()) {
      tests.add(Matchers.negate(o.negated(), test.apply(o)));
    }
    return Matchers.all(tests);
  }

  private static IllegalStateException unknown(Match m, Option o) {
    return new IllegalStateException("unknown " + m.module() + " option " + o.name());
  }

  // ---- iprange -------------------------------------------------------------------------------

  /** {@code FROM-TO}, compared as unsigned numbers; a reversed range holds nothing. */
  private static Predicate<Visit> iprange(Option o) {
    String[] ends = o.arg().split("-");
    int from = Ipv4.parse(ends[0]).orElseThrow();
    int to = Ipv4.parse(ends[1]).orElseThrow();
    Predicate<Integer> in = a -> Integer.compareUnsigned(a, from) >= 0
        && Integer.compareUnsigned(a, to) <= 0;
    return switch (o.name()) {
      case "--src-range" -> v -> in.test(v.packet().source());
      case "--dst-range" -> v -> in.test(v.packet().destination());
      default -> throw new IllegalStateException("unknown iprange option " + o.name());
    };
  }

  // ---- limit ---------------------------------------------------------------------------------

  /** The default of {@code --limit-burst}, which iptables-save does not print. */
  static final int DEFAULT_BURST = 5;

  /**
   * A token bucket on a clock that stands still. The simulator has no time between packets,
   * so every packet sent to one simulator arrives in the same instant, like a flood: the bucket
   * starts full with {@code --limit-burst} packets' worth of tokens, each packet that reaches the
   * match takes one, and none come back. So the first {@code burst} packets match and all later
   * ones do not, whatever the rate. This is exactly what the kernel's nft {@code limit}
   * expression (which iptables-nft turns {@code -m limit} into) does for packets arriving at
   * once. Under iptables-legacy, xt_limit rounds its credits, so for some rates and bursts a
   * few packets more or fewer get through (3/sec with a burst of 50 lets 48 through); that
   * rounding is not reproduced. The bucket is state of the compiled rule, so each simulator has
   * its own.
   */
  private static Predicate<Visit> limit(Match m) {
    int burst = m.option("--limit-burst").map(o -> Integer.parseInt(o.arg()))
        .orElse(DEFAULT_BURST);
    Bucket bucket = new Bucket(burst);
    return v -> bucket.take();
  }

  /** The tokens left in one rule's limit; mutable, owned by the compiled rule. */
  static final class Bucket {
    private int tokens;

    Bucket(int tokens) {
      this.tokens = tokens;
    }

    boolean take() {
      if (tokens == 0) {
        return false;
      }
      tokens--;
      return true;
    }
  }

  // ---- mac -----------------------------------------------------------------------------------

  /**
   * Simulated packets carry no MAC addresses, and the hosts of a topology have none: a packet's
   * source MAC is taken to be none that a rule names, so {@code --mac-source} never matches and
   * {@code ! --mac-source} matches every packet that arrived on an Ethernet interface. As in
   * the kernel, packets that came in on {@code lo} (the firewall talking to itself) match
   * neither way: the loopback device has no Ethernet header.
   */
  private static Predicate<Visit> mac(Match m) {
    boolean negated = m.options().get(0).negated();
    return v -> negated && v.in().filter(i -> !i.equals("lo")).isPresent();
  }

  // ---- mark and connmark ---------------------------------------------------------------------

  /** {@code value[/mask]} in hex as iptables-save prints it: {value, mask}. */
  static long[] markMask(String canonical) {
    int slash = canonical.indexOf('/');
    long value = hex(slash < 0 ? canonical : canonical.substring(0, slash));
    long mask = slash < 0 ? 0xffffffffL : hex(canonical.substring(slash + 1));
    return new long[] {value, mask};
  }

  private static long hex(String text) {
    return Long.parseLong(text.startsWith("0x") ? text.substring(2) : text, 16);
  }

  /** The packet's mark, masked, equals the value (the value is not masked). */
  private static Predicate<Visit> mark(Option o) {
    long[] vm = markMask(o.arg());
    return v -> (v.packet().mark() & vm[1]) == vm[0];
  }

  /**
   * The connection's mark, masked, equals the value. A packet without a connection (in the raw
   * table, untracked, or with connection tracking off) does not match, with or without {@code
   * !}.
   */
  private static Predicate<Visit> connmark(Match m) {
    Option o = m.options().get(0);
    long[] vm = markMask(o.arg());
    boolean negated = o.negated();
    return v -> v.ct().map(c -> ((c.mark() & vm[1]) == vm[0]) != negated).orElse(false);
  }

  // ---- addrtype ------------------------------------------------------------------------------

  /**
   * The address types of {@link LocalTable#addressType}. With {@code --limit-iface-in} (or
   * {@code -out}) an address counts as LOCAL or BROADCAST only on the interface the packet came
   * in by (goes out by); where that interface is not known (a user chain reached from OUTPUT)
   * there is no limit, as in the kernel. BLACKHOLE, UNREACHABLE, PROHIBIT and the other types
   * never match: the kernel looks them up in the local table only, where no such routes are.
   */
  private static Predicate<Visit> addrtype(Match m, Topology topology) {
    boolean limitIn = m.option("--limit-iface-in").isPresent();
    boolean limitOut = m.option("--limit-iface-out").isPresent();
    java.util.function.Function<Visit, Optional<String>> device =
        limitIn ? Visit::in : limitOut ? Visit::out : v -> Optional.empty();
    List<Predicate<Visit>> tests = new ArrayList<>();
    for (Option o : m.options()) {
      boolean source = o.name().equals("--src-type");
      if (!source && !o.name().equals("--dst-type")) {
        continue;
      }
      Set<String> types = new HashSet<>(List.of(o.arg().split(",")));
      Predicate<Visit> t = v -> {
        int address = source ? v.packet().source() : v.packet().destination();
        return types.contains(LocalTable.addressType(topology, address, device.apply(v)).name());
      };
      tests.add(Matchers.negate(o.negated(), t));
    }
    return Matchers.all(tests);
  }

  // ---- length, ttl, tos, dscp ----------------------------------------------------------------

  /** The IP total length within {@code MIN[:MAX]}; a reversed range holds nothing. */
  private static Predicate<Visit> length(Option o) {
    int[] range = Matchers.portRange(o.arg());
    return v -> v.packet().length() >= range[0] && v.packet().length() <= range[1];
  }

  /** The TTL as the packet has it at this hook: forwarded packets lost one before FORWARD. */
  private static Predicate<Visit> ttl(Option o) {
    int value = Integer.parseInt(o.arg());
    return switch (o.name()) {
      case "--ttl-eq" -> v -> v.packet().ttl() == value;
      case "--ttl-lt" -> v -> v.packet().ttl() < value;
      case "--ttl-gt" -> v -> v.packet().ttl() > value;
      default -> throw new IllegalStateException("unknown ttl option " + o.name());
    };
  }

  /** The TOS byte, masked, equals the value ({@code 0x10/0x3f}; the value is not masked). */
  private static Predicate<Visit> tos(Option o) {
    String[] vm = o.arg().split("/");
    int value = (int) hex(vm[0]);
    int mask = (int) hex(vm[1]);
    return v -> (v.packet().tos() & mask) == value;
  }

  /** The upper six bits of the TOS byte, the DiffServ code point. */
  private static Predicate<Visit> dscp(Option o) {
    int value = (int) hex(o.arg());
    return v -> (v.packet().tos() >> 2) == value;
  }

  // ---- pkttype -------------------------------------------------------------------------------

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
  private static Predicate<Visit> pkttype(Match m, Topology topology) {
    Option o = m.options().get(0);
    String wanted = o.arg();
    Predicate<Visit> t = v -> packetType(v, topology).equals(wanted);
    return Matchers.negate(o.negated(), t);
  }

  static String packetType(Visit v, Topology topology) {
    if (v.in().isEmpty()) {
      return "unicast";
    }
    int dst = v.packet().destination();
    if (dst == -1) {
      return "broadcast";
    }
    if ((dst >>> 28) == 0xe) {
      return "multicast";
    }
    Optional<Interface> in = topology.interfaceNamed(v.in().get());
    if (in.flatMap(LocalTable::broadcast).filter(b -> b == dst).isPresent()) {
      return "broadcast";
    }
    return "unicast";
  }

  // ---- owner ---------------------------------------------------------------------------------

  /** The user and group that own the firewall's packets: root. */
  static final long ROOT = 0;

  /**
   * Not simulated: packets sent by the firewall (its own and its answers) are treated as sent
   * from a socket owned by root, uid 0 and gid 0 with no supplementary groups, so {@code
   * --socket-exists} matches them. Forwarded packets have no socket: as in the kernel the match
   * then succeeds only when every option in it is negated and {@code --suppl-groups} is not
   * given.
   */
  private static Predicate<Visit> owner(Match m) {
    List<Predicate<Visit>> tests = new ArrayList<>();
    boolean sockless = true;
    for (Option o : m.options()) {
      switch (o.name()) {
        case "--socket-exists" -> tests.add(v -> !o.negated());
        case "--uid-owner", "--gid-owner" -> {
          long[] range = idRange(o.arg());
          boolean root = ROOT >= range[0] && ROOT <= range[1];
          tests.add(v -> root != o.negated());
        }
        case "--suppl-groups" -> sockless = false; // root has no other groups: nothing to add
        default -> throw unknown(m, o);
      }
      sockless &= o.negated();
    }
    boolean withoutSocket = sockless;
    Predicate<Visit> owned = Matchers.all(tests);
    return v -> v.local() ? owned.test(v) : withoutSocket;
  }

  private static long[] idRange(String canonical) {
    int dash = canonical.indexOf('-');
    if (dash < 0) {
      long id = Long.parseLong(canonical);
      return new long[] {id, id};
    }
    return new long[] {Long.parseLong(canonical.substring(0, dash)),
        Long.parseLong(canonical.substring(dash + 1))};
  }
}

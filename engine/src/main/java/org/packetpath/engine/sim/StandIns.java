package org.packetpath.engine.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.topology.Service;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.sim.Evaluator.Test;

/**
 * The deterministic treatments of {@link Condition.Opaque} conditions, compiled: each compiled
 * test keeps its own counts (packets, bytes, connections), as each rule does in the kernel.
 */
final class StandIns {
  private StandIns() {}

  /** The test that decides {@code standIn} for each packet that reaches it. */
  static Test compile(Condition.StandIn standIn, Topology topology) {
        if (standIn instanceof Condition.Fixed f) {
      return f.holds() ? Evaluator.TRUE : Evaluator.FALSE;
    }
    if (standIn instanceof Condition.FirstPackets first) {
      int[] left = {first.count()};
      return v -> {
        if (left[0] == 0) {
          return false;
        }
        left[0]--;
        return true;
      };
    }
    if (standIn instanceof Condition.ByteQuota quota) {
      long[] left = {quota.bytes()};
      return v -> {
        if (Long.compareUnsigned(left[0], v.packet().length()) >= 0) {
          left[0] -= v.packet().length();
          return true;
        }
        left[0] = 0; // no packet fits any more, however small
        return false;
      };
    }
    if (standIn instanceof Condition.ConnectionCount count) {
      return new ConnectionCounting(count)::test;
    }
    if (standIn instanceof Condition.ConnectionCounter counter) {
      return v -> v.ct().filter(ct -> counted(counter, ct)).isPresent();
    }
    if (standIn instanceof Condition.ListeningSocket) {
      return v -> (v.packet().protocol() == Packet.TCP || v.packet().protocol() == Packet.UDP)
          && topology.listens(v.packet().destinationPort(), v.packet().protocol() == Packet.TCP
              ? Service.Protocol.TCP : Service.Protocol.UDP);
    }
    if (standIn instanceof Condition.ClusterNode node) {
      return v -> v.ct().filter(ct -> clusterNode(node, ct.original().source())).isPresent();
    }
    Condition.EveryNth nth = (Condition.EveryNth) standIn;
    long[] count = {nth.every() - 1};
    return v -> {
      count[0] = count[0] == nth.every() - 1 ? 0 : count[0] + 1;
      return count[0] == nth.packet();
    };
  }

  /**
   * Whether {@code xt_cluster} gives the connection whose original source is {@code source} to
   * one of the node mask's nodes: {@code jhash_1word} of the address as the kernel of a
   * little-endian machine reads it (network byte order in a native word), scaled to the node
   * count by {@code reciprocal_scale}.
   */
  static boolean clusterNode(Condition.ClusterNode node, int source) {
    int hash = jhash1Word(Integer.reverseBytes(source), (int) node.seed());
    long scaled = ((hash & 0xffffffffL) * node.totalNodes()) >>> 32;
    return ((1L << scaled) & node.nodeMask()) != 0;
  }

  /** The kernel's {@code jhash_1word} ({@code include/linux/jhash.h}). */
  static int jhash1Word(int word, int seed) {
    int a = word + (seed + 0xdeadbeef + (1 << 2));
    int b = seed + 0xdeadbeef + (1 << 2);
    int c = b;
    c ^= b; c -= Integer.rotateLeft(b, 14);
    a ^= c; a -= Integer.rotateLeft(c, 11);
    b ^= a; b -= Integer.rotateLeft(a, 25);
    c ^= b; c -= Integer.rotateLeft(b, 16);
    a ^= c; a -= Integer.rotateLeft(c, 4);
    b ^= a; b -= Integer.rotateLeft(a, 14);
    c ^= b; c -= Integer.rotateLeft(b, 24);
    return c;
  }

  /** What {@code xt_connbytes} reads of the connection's counters, compared as it compares. */
  private static boolean counted(Condition.ConnectionCounter c, Visit.ConnView ct) {
    boolean original = c.direction() != Condition.CountedDirection.REPLY;
    boolean reply = c.direction() != Condition.CountedDirection.ORIGINAL;
    long packets = (original ? ct.packets(false) : 0) + (reply ? ct.packets(true) : 0);
    long bytes = (original ? ct.bytes(false) : 0) + (reply ? ct.bytes(true) : 0);
    long what = switch (c.counted()) {
      case PACKETS -> packets;
      case BYTES -> bytes;
      case AVGPKT -> packets == 0 ? 0 : Long.divideUnsigned(bytes, packets);
    };
    if (Long.compareUnsigned(c.to(), c.from()) >= 0) {
      return Long.compareUnsigned(what, c.from()) >= 0 && Long.compareUnsigned(what, c.to()) <= 0;
    }
    return Long.compareUnsigned(what, c.to()) < 0 || Long.compareUnsigned(what, c.from()) > 0;
  }

  /**
   * One {@code -m connlimit} use's own lists of connections, by masked address, as {@code
   * nf_conncount} keeps them: a packet adds its connection (by its original tuple) to the list
   * of its group, connections no longer tracked are dropped from it, and the count is the
   * list's size. A packet without a connection (the raw table, INVALID, untracked) counts as
   * one more connection that is not kept. The kernel also drops TCP connections that are
   * closing; the simulator does not track TCP closing states, so it keeps them. Not thread-safe,
   * like the simulator.
   */
  private static final class ConnectionCounting {
    private final Condition.ConnectionCount rule;
    private final int mask;
    private final Map<Integer, Map<Tuple, Visit.ConnView>> groups = new HashMap<>();

    ConnectionCounting(Condition.ConnectionCount rule) {
      this.rule = rule;
      this.mask = rule.prefix() == 0 ? 0 : -1 << (32 - rule.prefix());
    }

    boolean test(Visit v) {
      int address = rule.side() == Condition.Side.SOURCE ? v.packet().source()
          : v.packet().destination();
      Map<Tuple, Visit.ConnView> list =
          groups.computeIfAbsent(address & mask, k -> new LinkedHashMap<>());
      Optional<Visit.ConnView> own = v.ct();
      Optional<Tuple> ownTuple = own.map(Visit.ConnView::original);
      list.entrySet().removeIf(e -> !e.getValue().tracked()
          && !ownTuple.filter(e.getKey()::equals).isPresent());
      own.ifPresent(c -> list.put(c.original(), c));
      long count = list.size() + (own.isEmpty() ? 1 : 0);
      return (count > rule.limit()) != rule.upto();
    }
  }
}

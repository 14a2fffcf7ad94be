package org.packetpath.engine.sim;

import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.trace.Step;

/**
 * NAT as {@code nf_nat_core} does it. A binding is set up once per connection and manip type
 * (destination at PREROUTING/OUTPUT, source at POSTROUTING/INPUT) by a NAT target or, when no
 * rule matches, as a null binding; every later packet of the connection is rewritten from the
 * binding at the same hook positions, replies in reverse.
 *
 * <p>Where the kernel picks among several addresses or ports by a hash or at random, the
 * simulator takes the first of the range.
 */
final class Nat {
  private Nat() {}

  /** Whether NAT at {@code hook} changes the source (else the destination). */
  static boolean sourceManip(Hook hook) {
    return hook == Hook.POSTROUTING || hook == Hook.INPUT;
  }

  /** Sets up the binding a NAT target asks for, on the journey's connection. */
  static void setUp(Journey j, Hook hook, Action.Nat nat) {
    bindTo(j, hook, current -> switch (nat.kind()) {
      case DNAT -> range(current, nat, false);
      case SNAT -> range(current, nat, true);
      case MASQUERADE -> {
        int address = j.outInterface().map(Interface::address).orElse(current.source());
        yield ports(withAddress(current, address, true), nat.ports(), true);
      }
      case REDIRECT -> {
        int address = hook == Hook.OUTPUT
            ? LOOPBACK
            : j.inInterface().map(Interface::address).orElse(current.destination());
        yield ports(withAddress(current, address, false), nat.ports(), false);
      }
    });
  }

  /** Sets up the binding NETMAP asks for: the address mapped into its network. */
  static void setUp(Journey j, Hook hook, Action.Netmap netmap) {
    boolean source = sourceManip(hook);
    bindTo(j, hook, current -> {
      int mask = Ipv4.mask(netmap.prefix());
      int address = source ? current.source() : current.destination();
      return withAddress(current, (netmap.network() & mask) | (address & ~mask), source);
    });
  }

  private static void bindTo(Journey j, Hook hook,
      java.util.function.UnaryOperator<Tuple> translate) {
    Optional<Connection> ct = j.connection();
    if (ct.isEmpty()) {
      return;
    }
    Connection c = ct.get();
    boolean source = sourceManip(hook);
    Tuple current = c.reply.inverse();
    Tuple next = j.simulator().unique(translate.apply(current), c, source);
    bind(c, source, current, next);
  }

  private static final int LOOPBACK = 0x7f000001;

  /** The binding when no NAT rule matched: nothing changes, but the manip is done. */
  static void nullBinding(Connection c, Hook hook) {
    boolean source = sourceManip(hook);
    Tuple current = c.reply.inverse();
    bind(c, source, current, current);
  }

  private static void bind(Connection c, boolean source, Tuple current, Tuple next) {
    c.reply = next.inverse();
    if (source) {
      c.srcNatDone = true;
      c.srcNat |= !next.equals(current);
    } else {
      c.dstNatDone = true;
      c.dstNat |= !next.equals(current);
    }
  }

  /**
   * Rewrites the journey's packet from its connection's bindings at {@code hook}, as {@code
   * nf_nat_packet} does; ICMP errors about the connection also get their embedded header
   * translated.
   */
  static void rewrite(Journey j, Hook hook) {
    Optional<Connection> ct = j.connection();
    if (ct.isEmpty()) {
      return;
    }
    Connection c = ct.get();
    boolean source = sourceManip(hook);
    boolean reply = j.replyDirection();
    boolean status = source ? (reply ? c.dstNat : c.srcNat) : (reply ? c.srcNat : c.dstNat);
    if (!status) {
      return;
    }
    Tuple target = reply ? c.original.inverse() : c.reply.inverse();
    Packet before = j.packet();
    Packet after;
    if (j.isRelatedError()) {
      after = translateError(before, target, source);
    } else if (!Tuple.hasPorts(before.protocol())) { // ports not tracked are not translated
      after = source ? before.withSource(target.source(), before.sourcePort())
          : before.withDestination(target.destination(), before.destinationPort());
    } else if (source) {
      after = before.withSource(target.source(), target.sourcePort());
    } else {
      after = before.withDestination(target.destination(), target.destinationPort());
    }
    if (!after.equals(before)) {
      j.setPacket(after);
      j.step(new Step.NatApplied(hook, before, after,
          (source ? "source" : "destination") + " NAT" + (reply ? " (reply, undone)" : "")));
    }
  }

  private static Packet translateError(Packet outer, Tuple target, boolean source) {
    Packet out = source
        ? outer.withSource(target.source(), 0)
        : outer.withDestination(target.destination(), 0);
    if (outer.embedded().isEmpty()) {
      return out;
    }
    Packet inner = outer.embedded().get();
    Packet translated = source
        ? inner.withDestination(target.source(),
            Tuple.hasPorts(inner.protocol()) ? target.sourcePort() : inner.destinationPort())
        : inner.withSource(target.destination(),
            Tuple.hasPorts(inner.protocol()) ? target.destinationPort() : inner.sourcePort());
    return out.withEmbedded(Optional.of(translated));
  }

  /** DNAT or SNAT: the first address of the range, and a port from the port range. */
  private static Tuple range(Tuple t, Action.Nat nat, boolean source) {
    Tuple out = nat.addresses().map(a -> withAddress(t, (int) a.first(), source)).orElse(t);
    return ports(out, nat.ports(), source);
  }

  /** Applies a port range: a port already in the range is kept, else the first. */
  private static Tuple ports(Tuple t, Optional<Action.Range> range, boolean source) {
    if (range.isEmpty() || !Tuple.hasPorts(t.protocol())) {
      return t;
    }
    int port = source ? t.sourcePort() : t.destinationPort();
    if (range.get().contains(port)) {
      return t;
    }
    int min = (int) range.get().first();
    return source
        ? new Tuple(t.protocol(), t.source(), t.destination(), min, t.destinationPort())
        : new Tuple(t.protocol(), t.source(), t.destination(), t.sourcePort(), min);
  }

  private static Tuple withAddress(Tuple t, int address, boolean source) {
    return source
        ? new Tuple(t.protocol(), address, t.destination(), t.sourcePort(), t.destinationPort())
        : new Tuple(t.protocol(), t.source(), address, t.sourcePort(), t.destinationPort());
  }
}

package org.packetpath.engine.sim;

import java.util.Locale;
import java.util.Optional;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.sim.ChainWalker.Kind;
import org.packetpath.engine.sim.ChainWalker.Verdict;

/**
 * What a matched rule's action does to the walk and the packet. Terminating actions give a
 * verdict; jumps, gotos and RETURN move the walk; the others act (set a mark, log) and the walk
 * goes on with the next rule. Single use per rule hit.
 */
final class Targets implements Action.Visitor<Targets.Next> {
  /** Where the walk goes after a rule's action. */
  enum Flow {
    /** On with the next rule. */
    NEXT,
    /** Back to the caller, as at the end of the chain. */
    RETURN,
    /** Into a user chain, coming back after it. */
    JUMP,
    /** Into a user chain for good. */
    GOTO,
    /** The walk ends with a verdict. */
    VERDICT
  }

  /** The flow, with the chain for a jump or goto and the verdict when the walk ends. */
  record Next(Flow flow, String chain, Optional<Verdict> verdict) {
    static final Next NEXT = new Next(Flow.NEXT, "", Optional.empty());
    static final Next RETURN = new Next(Flow.RETURN, "", Optional.empty());

    static Next verdict(Verdict v) {
      return new Next(Flow.VERDICT, "", Optional.of(v));
    }
  }

  private static final Next ACCEPTED = Next.verdict(Verdict.of(Kind.ACCEPT));
  private static final Next DROPPED = Next.verdict(Verdict.of(Kind.DROP));

  private final Journey j;
  private final Hook hook;

  private Targets(Journey j, Hook hook) {
    this.j = j;
    this.hook = hook;
  }

  /** Carries out {@code action} for the journey's packet at {@code hook}. */
  static Next apply(Journey j, Hook hook, Action action) {
    return action.accept(new Targets(j, hook));
  }

  @Override
  public Next accept(Action.Accept a) {
    return ACCEPTED;
  }

  @Override
  public Next drop(Action.Drop a) {
    return DROPPED;
  }

  @Override
  public Next returns(Action.Return a) {
    return Next.RETURN;
  }

  @Override
  public Next jump(Action.Jump a) {
    return new Next(Flow.JUMP, a.chain(), Optional.empty());
  }

  @Override
  public Next goTo(Action.Goto a) {
    return new Next(Flow.GOTO, a.chain(), Optional.empty());
  }

  @Override
  public Next reject(Action.Reject a) {
    return Next.verdict(new Verdict(Kind.REJECT, a.with()));
  }

  @Override
  public Next nat(Action.Nat a) {
    Nat.setUp(j, hook, a);
    return ACCEPTED;
  }

  @Override
  public Next netmap(Action.Netmap a) {
    Nat.setUp(j, hook, a);
    return ACCEPTED;
  }

  @Override
  public Next queue(Action.Queue a) {
    j.note(() -> "NFQUEUE: no program reads the queue, so the packet is "
        + (a.bypass() ? "accepted (--queue-bypass)" : "dropped"));
    return a.bypass() ? ACCEPTED : Next.verdict(Verdict.of(Kind.QUEUE));
  }

  @Override
  public Next setMark(Action.SetMark a) {
    j.setMark(xmark(j.packet().mark(), a.value(), a.mask()));
    return Next.NEXT;
  }

  /** (mark AND NOT mask) XOR value, in 32 bits. */
  private static long xmark(long mark, long value, long mask) {
    return (mark & ~mask & 0xffffffffL) ^ value;
  }

  /** As {@code xt_connmark}: a packet without a connection is left as it is. */
  @Override
  public Next connMark(Action.ConnMark a) {
    Optional<Connection> ct = j.connection();
    if (ct.isEmpty()) {
      return Next.NEXT;
    }
    Connection c = ct.get();
    switch (a.op()) {
      case SAVE -> c.mark = (c.mark & ~a.ctmask() & 0xffffffffL)
          ^ (j.packet().mark() & a.nfmask());
      case RESTORE -> j.setMark((j.packet().mark() & ~a.nfmask() & 0xffffffffL)
          ^ (c.mark & a.ctmask()));
      case SET -> c.mark = xmark(c.mark, a.value(), a.ctmask());
    }
    return Next.NEXT;
  }

  @Override
  public Next noTrack(Action.NoTrack a) {
    j.untrack();
    return Next.NEXT;
  }

  @Override
  public Next log(Action.Log a) {
    j.note(() -> (a.netlink() ? "NFLOG " : "LOG ") + a.prefix() + j.packet());
    return Next.NEXT;
  }

  @Override
  public Next proceed(Action.Continue a) {
    return Next.NEXT; // TRACE, TCPMSS and others do not change the packet's fate
  }

  /** TTL, TOS, DSCP, ECN: the packet goes on with the field rewritten. */
  @Override
  public Next rewrite(Action.Rewrite a) {
    Packet p = j.packet();
    int old = switch (a.header()) {
      case TTL -> p.ttl();
      case TOS -> p.tos();
    };
    int now = a.apply(old);
    j.setPacket(switch (a.header()) {
      case TTL -> p.withTtl(now);
      case TOS -> p.withTos(now);
    });
    j.note(() -> switch (a.header()) {
      case TTL -> "TTL " + old + " -> " + now;
      case TOS -> String.format(Locale.ROOT, "TOS 0x%02x -> 0x%02x", old, now);
    });
    return Next.NEXT;
  }

  /**
   * HMARK: the mark from the packet's header (the reported packet's, for an ICMP error) or, with
   * {@code ct}, from its connection's tuples; a packet without a connection keeps its mark.
   * ESP and AH are hashed with SPI 0: the simulator's packets carry none.
   */
  @Override
  public Next hashMark(Action.HashMark a) {
    long mark;
    if (a.ct()) {
      Optional<Connection> ct = j.connection();
      if (ct.isEmpty()) {
        return Next.NEXT;
      }
      Tuple o = ct.get().original;
      Tuple r = ct.get().reply;
      mark = a.mark(Integer.toUnsignedLong(o.source()), Integer.toUnsignedLong(r.source()),
          o.protocol(), o.protocol() != Packet.ICMP, o.sourcePort(), r.sourcePort());
    } else {
      Packet p = j.packet();
      if (p.protocol() == Packet.ICMP && p.embedded().isPresent()) {
        p = p.embedded().get();
      }
      mark = a.mark(Integer.toUnsignedLong(p.source()), Integer.toUnsignedLong(p.destination()),
          p.protocol(), hashesPorts(p.protocol()), p.sourcePort(), p.destinationPort());
    }
    long hashed = mark;
    j.setMark(hashed);
    j.note(() -> "HMARK: mark set to " + hashed);
    return Next.NEXT;
  }

  /** Whether xt_HMARK reads a port word for {@code protocol} ({@code proto_ports_offset}). */
  private static boolean hashesPorts(int protocol) {
    return Packet.hasPorts(protocol) || protocol == 50 || protocol == 51;
  }

  /**
   * SYNPROXY: a SYN is answered by the firewall with a cookie (not simulated) and goes no
   * further; an ACK cannot carry a cookie the simulator never sent, so it is dropped.
   */
  @Override
  public Next synproxy(Action.Synproxy a) {
    int flags = j.packet().tcpFlags();
    boolean syn = (flags & TcpFlags.SYN) != 0;
    boolean ack = (flags & TcpFlags.ACK) != 0;
    boolean finOrRst = (flags & (TcpFlags.FIN | TcpFlags.RST)) != 0;
    if (syn && !ack && !finOrRst) {
      j.note(() -> "SYNPROXY: the firewall answers this SYN with a SYN cookie itself (the"
          + " answer is not simulated); the SYN goes no further");
      return DROPPED;
    }
    if (ack && !syn && !finOrRst) {
      j.note(() -> "SYNPROXY: this ACK returns no SYN cookie of the firewall's, so it is"
          + " dropped");
      return DROPPED;
    }
    return Next.NEXT;
  }

  /** TPROXY: the simulated firewall has no transparent sockets, so the packet is dropped. */
  @Override
  public Next tproxy(Action.Tproxy a) {
    j.note(() -> "TPROXY: no transparent socket listens on port "
        + (a.port() == 0 ? j.packet().destinationPort() : a.port())
        + ", so the packet is dropped");
    return DROPPED;
  }
}

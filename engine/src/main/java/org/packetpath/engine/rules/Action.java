package org.packetpath.engine.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Checks;

/**
 * What a rule's target does, as a typed value built once when the rule is read: the standard
 * verdicts, jumps and gotos, and every target extension with its options read. The simulator
 * carries it out, the explainer puts it in words; the options stay only for printing.
 *
 * <p>Terminating actions (ACCEPT, DROP, REJECT, the NAT targets, NETMAP, NFQUEUE) end the walk
 * of the current chain with a verdict; RETURN, jumps and gotos move the walk; the others act and
 * the walk goes on with the next rule.
 *
 * <p>The file is long because it is the whole vocabulary of targets: every variant, its enums
 * and the visitor stay in one place, so that a new kind of action is one edit here.
 */
public sealed interface Action
    permits Action.Accept, Action.Drop, Action.Return, Action.Jump, Action.Goto, Action.Reject,
        Action.Nat, Action.Netmap, Action.SetMark, Action.ConnMark, Action.NoTrack,
        Action.Log, Action.Queue, Action.Continue, Action.Rewrite, Action.HashMark,
        Action.Synproxy, Action.Tproxy {

  /**
   * Calls the visitor's method for this variant. The {@code permits} list and {@link Visitor}
   * name every variant, so the compiler lists each interpreter to update when one is added;
   * this is the one place that maps variants to methods.
   */
  default <R> R accept(Visitor<R> visitor) {
    if (this instanceof Accept v) {
      return visitor.accept(v);
    } else if (this instanceof Drop v) {
      return visitor.drop(v);
    } else if (this instanceof Return v) {
      return visitor.returns(v);
    } else if (this instanceof Jump v) {
      return visitor.jump(v);
    } else if (this instanceof Goto v) {
      return visitor.goTo(v);
    } else if (this instanceof Reject v) {
      return visitor.reject(v);
    } else if (this instanceof Nat v) {
      return visitor.nat(v);
    } else if (this instanceof Netmap v) {
      return visitor.netmap(v);
    } else if (this instanceof SetMark v) {
      return visitor.setMark(v);
    } else if (this instanceof ConnMark v) {
      return visitor.connMark(v);
    } else if (this instanceof NoTrack v) {
      return visitor.noTrack(v);
    } else if (this instanceof Log v) {
      return visitor.log(v);
    } else if (this instanceof Queue v) {
      return visitor.queue(v);
    } else if (this instanceof Continue v) {
      return visitor.proceed(v);
    } else if (this instanceof Rewrite v) {
      return visitor.rewrite(v);
    } else if (this instanceof HashMark v) {
      return visitor.hashMark(v);
    } else if (this instanceof Synproxy v) {
      return visitor.synproxy(v);
    } else if (this instanceof Tproxy v) {
      return visitor.tproxy(v);
    }
    throw new AssertionError("not dispatched: " + this);
  }

  /** One method per variant; implemented by everything that interprets actions. */
  interface Visitor<R> {
    R accept(Accept a);

    R drop(Drop a);

    R returns(Return a);

    R jump(Jump a);

    R goTo(Goto a);

    R reject(Reject a);

    R nat(Nat a);

    R netmap(Netmap a);

    R setMark(SetMark a);

    R connMark(ConnMark a);

    R noTrack(NoTrack a);

    R log(Log a);

    R queue(Queue a);

    R proceed(Continue a);

    R rewrite(Rewrite a);

    R hashMark(HashMark a);

    R synproxy(Synproxy a);

    R tproxy(Tproxy a);
  }

  /** {@code -j ACCEPT}. */
  record Accept() implements Action {}

  /** {@code -j DROP}. */
  record Drop() implements Action {}

  /** {@code -j RETURN}: back to the rule after the jump, or the policy of a built-in chain. */
  record Return() implements Action {}

  /** {@code -j CHAIN}: walk a user chain, then come back to the next rule. */
  record Jump(String chain) implements Action {
    public Jump {
      Objects.requireNonNull(chain, "chain");
    }
  }

  /** {@code -g CHAIN}: continue in a user chain; its end returns to the last jump. */
  record Goto(String chain) implements Action {
    public Goto {
      Objects.requireNonNull(chain, "chain");
    }
  }

  /** How {@code REJECT} answers; each is named as iptables-save prints it, in lower case. */
  enum RejectWith {
    ICMP_NET_UNREACHABLE(0),
    ICMP_HOST_UNREACHABLE(1),
    ICMP_PORT_UNREACHABLE(3),
    ICMP_PROTO_UNREACHABLE(2),
    ICMP_NET_PROHIBITED(9),
    ICMP_HOST_PROHIBITED(10),
    ICMP_ADMIN_PROHIBITED(13),
    TCP_RESET(-1);

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');
    private final int icmpCode;

    RejectWith(int icmpCode) {
      this.icmpCode = icmpCode;
    }

    /** The name iptables-save prints: {@code icmp-port-unreachable}. */
    public String label() {
      return label;
    }

    /** The code of the ICMP destination-unreachable answer; -1 for a TCP reset. */
    public int icmpCode() {
      return icmpCode;
    }

    /** The answer called {@code label}, if any. */
    public static Optional<RejectWith> byLabel(String label) {
      return Arrays.stream(values()).filter(w -> w.label().equals(label)).findFirst();
    }
  }

  /** {@code -j REJECT}: drop the packet and answer it with an ICMP error or a TCP reset. */
  record Reject(RejectWith with) implements Action {
    public Reject {
      Objects.requireNonNull(with, "with");
    }
  }

  /** The address-translation targets that map to an address range and a port range. */
  enum NatKind {
    /** Rewrite the destination to {@code addresses} and {@code ports}. */
    DNAT,
    /** Rewrite the source to {@code addresses} and {@code ports}. */
    SNAT,
    /** Rewrite the source to the address of the interface the packet leaves by. */
    MASQUERADE,
    /** Rewrite the destination to the address of the interface it came in by (or 127.0.0.1). */
    REDIRECT
  }

  /**
   * A range of addresses ({@code first} to {@code last}, unsigned 32-bit values) or ports, as
   * written: iptables keeps a reversed range.
   * {@code base} is the first port of a shifted port range ({@code 1000-2000/80}), -1 without.
   */
  record Range(long first, long last, int base) {
    public Range {
      if (first < 0 || first > IntervalSet.MAX || last < 0 || last > IntervalSet.MAX) {
        throw new IllegalArgumentException("bad range " + first + "-" + last);
      }
    }

    public static Range of(long first, long last) {
      return new Range(first, last, -1);
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(long value) {
      return value >= first && value <= last;
    }
  }

  /**
   * DNAT, SNAT, MASQUERADE or REDIRECT: set up the connection's translation on its first packet;
   * the chain ends. {@code addresses} is empty for MASQUERADE and REDIRECT, and for a DNAT or
   * SNAT that maps ports only.
   */
  record Nat(NatKind kind, Optional<Range> addresses, Optional<Range> ports, boolean random,
      boolean persistent) implements Action {
    public Nat {
      Checks.nonNull("kind", kind, "addresses", addresses, "ports", ports);
    }

    /** Whether the translation changes the source (SNAT, MASQUERADE) or the destination. */
    public boolean source() {
      return switch (kind) {
        case SNAT, MASQUERADE -> true;
        case DNAT, REDIRECT -> false;
      };
    }
  }

  /**
   * {@code -j NETMAP --to NET/LEN}: map the address (destination at PREROUTING and OUTPUT,
   * source at INPUT and POSTROUTING) into the network, keeping its host part.
   */
  record Netmap(int network, int prefix) implements Action {
    public Netmap {
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("prefix must be 0..32 but was " + prefix);
      }
    }
  }

  /** {@code -j MARK --set-xmark VALUE/MASK}: mark = (mark AND NOT mask) XOR value. */
  record SetMark(long value, long mask) implements Action {}

  /** What {@code -j CONNMARK} does. */
  enum ConnMarkOp {
    /** connmark = (connmark AND NOT ctmask) XOR value. */
    SET,
    /** connmark = (connmark AND NOT ctmask) XOR (mark AND nfmask), shifted. */
    SAVE,
    /** mark = (mark AND NOT nfmask) XOR (connmark AND ctmask), shifted. */
    RESTORE
  }

  /**
   * {@code -j CONNMARK}: set the connection's mark, save the packet mark into it, or restore
   * it into the packet. For SET, {@code value} and {@code ctmask} are the xmark; {@code shift}
   * moves the saved or restored bits left (positive) or right (negative).
   */
  record ConnMark(ConnMarkOp op, long value, long ctmask, long nfmask, int shift)
      implements Action {
    public ConnMark {
      Objects.requireNonNull(op, "op");
    }
  }

  /** {@code -j NOTRACK} or {@code -j CT --notrack}: exempt the packet from connection tracking. */
  record NoTrack() implements Action {}

  /**
   * {@code -j LOG} (kernel log) or {@code -j NFLOG} (netlink log, {@code netlink} true): log the
   * packet with {@code prefix}; the walk goes on.
   */
  record Log(boolean netlink, String prefix) implements Action {
    public Log {
      Objects.requireNonNull(prefix, "prefix");
    }
  }

  /**
   * {@code -j NFQUEUE}: hand the packet to a program reading the queue. No program reads it
   * here: the packet is dropped, or accepted with {@code --queue-bypass}.
   */
  record Queue(boolean bypass) implements Action {}

  /**
   * A target that does not change the packet's fate or its header as simulated ({@code TRACE},
   * {@code TCPMSS}, {@code CT} with a helper or zone): the walk goes on. {@code why} says what
   * it does in the kernel; {@code tracksConnections} whether it makes the kernel track
   * connections ({@code CT} sets up a conntrack template).
   */
  record Continue(String target, String why, boolean tracksConnections) implements Action {
    public Continue {
      Checks.nonNull("target", target, "why", why);
    }
  }

  /** The header field a {@link Rewrite} changes. */
  enum Header {
    /** The time to live. */
    TTL,
    /** The type-of-service byte: the DiffServ code point (upper six bits) and ECN (lower two). */
    TOS
  }

  /**
   * {@code -j TTL}, {@code TOS}, {@code DSCP} or {@code ECN --ecn-ip-ect}: rewrite the packet's
   * TTL or TOS byte; later rules and hooks see the new value, and the walk goes on. The field
   * becomes ((field AND NOT mask) XOR value) + add, held within 0..255: {@code --ttl-set 5} is
   * mask 0xff and value 5, {@code --ttl-dec 2} is add -2, {@code --set-dscp 0x2e} is mask 0xfc
   * and value 0xb8.
   */
  record Rewrite(Header header, int mask, int value, int add) implements Action {
    public Rewrite {
      Objects.requireNonNull(header, "header");
      if (mask < 0 || mask > 0xff || value < 0 || value > 0xff || add < -0xff || add > 0xff) {
        throw new IllegalArgumentException("bad rewrite mask " + mask + " value " + value
            + " add " + add);
      }
    }

    /** Sets the field to {@code value}. */
    public static Rewrite set(Header header, int value) {
      return new Rewrite(header, 0xff, value, 0);
    }

    /** Adds {@code n} (negative to subtract) to the field, stopping at 0 and 255. */
    public static Rewrite add(Header header, int n) {
      return new Rewrite(header, 0, 0, n);
    }

    /** The field's new value, from its value {@code old}. */
    public int apply(int old) {
      return Math.max(0, Math.min(0xff, ((old & ~mask) ^ value) + add));
    }
  }

  /**
   * {@code -j HMARK}: set the packet mark to a hash of its addresses, ports and protocol (of
   * its connection's tuples with {@code ct}), as xt_HMARK computes it: each address AND its
   * mask, each port (AND mask) OR set value, the protocol AND {@code protoMask}; the mark becomes
   * the hash scaled into {@code 0..modulus-1}, plus {@code offset}. The masks of the ports are
   * {@code portMask} (source port in the upper 16 bits, or an SPI mask), their set values
   * {@code portSet}. The walk goes on.
   */
  record HashMark(long srcMask, long dstMask, long portMask, long portSet, int protoMask,
      long random, long modulus, long offset, boolean ct) implements Action {
    public HashMark {
      if (modulus < 1 || modulus > 0xffffffffL) {
        throw new IllegalArgumentException("modulus must be 1..4294967295 but was " + modulus);
      }
    }

    /**
     * The mark for addresses {@code src} and {@code dst} (unsigned 32-bit values), protocol
     * {@code protocol}, and ports {@code sport} and {@code dport} if {@code ports} (masked
     * and set here); without ports the port word is 0.
     */
    public long mark(long src, long dst, int protocol, boolean ports, int sport, int dport) {
      long s = src & srcMask;
      long d = dst & dstMask;
      if (d < s) {
        long t = s;
        s = d;
        d = t;
      }
      int word = 0;
      if (ports) {
        int sp = (int) ((sport & (portMask >>> 16)) | (portSet >>> 16)) & 0xffff;
        int dp = (int) ((dport & portMask & 0xffff) | (portSet & 0xffff));
        word = Math.max(sp, dp) << 16 | Math.min(sp, dp);
      }
      int hash = jhash3((int) s, (int) d, word, (int) random) ^ (protocol & protoMask);
      return ((Integer.toUnsignedLong(hash) * modulus) >>> 32) + offset & 0xffffffffL;
    }

    /** The kernel's {@code jhash_3words}: Bob Jenkins' lookup3 final mix of three words. */
    private static int jhash3(int a, int b, int c, int initval) {
      int iv = initval + 0xdeadbeef + (3 << 2);
      int[] w = {a + iv, b + iv, c + iv};
      // __jhash_final: c from b, a from c, b from a, and again, each by its rotation
      int[] rotations = {14, 11, 25, 16, 4, 14, 24};
      for (int i = 0; i < rotations.length; i++) {
        int to = (2 + i) % 3;
        int from = (to + 2) % 3;
        w[to] ^= w[from];
        w[to] -= Integer.rotateLeft(w[from], rotations[i]);
      }
      return w[2];
    }
  }

  /**
   * {@code -j SYNPROXY}: the firewall answers a client's SYN itself with a SYN cookie, and takes
   * the client's ACK that returns a valid cookie; neither goes further. An ACK without a valid
   * cookie is dropped; other TCP packets go on with the next rule.
   */
  record Synproxy() implements Action {}

  /**
   * {@code -j TPROXY}: hand the packet to a transparent socket listening on {@code port} (the
   * packet's own destination port when 0) of {@code address} (the address of the interface it
   * came in by when 0), setting mark = (mark AND NOT markMask) XOR markValue; without such a
   * socket the packet is dropped.
   */
  record Tproxy(int port, int address, long markValue, long markMask) implements Action {}
}

package org.packetpath.engine.explain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.packet.TcpFlags;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;

/**
 * A condition in words, as a phrase that follows "packets": {@code to port 22}, {@code from
 * anything but 10.0.0.0/8}, {@code in connection state RELATED or ESTABLISHED}. Read from the
 * same tree the simulator evaluates.
 */
final class ConditionWords implements Condition.Visitor<String> {
  /** The states in the order iptables-save prints them. */
  private static final List<CtState> STATE_ORDER = List.of(CtState.INVALID, CtState.NEW,
      CtState.RELATED, CtState.ESTABLISHED, CtState.UNTRACKED);

  private static final int SYN_MASK = TcpFlags.FIN | TcpFlags.SYN | TcpFlags.RST | TcpFlags.ACK;

  private final boolean negated;

  private ConditionWords(boolean negated) {
    this.negated = negated;
  }

  /** {@code condition} as a phrase; empty when it says nothing worth saying. */
  static String of(Condition condition) {
    return condition.accept(new ConditionWords(false));
  }

  private String not() {
    return negated ? "not " : "";
  }

  private String anythingBut() {
    return negated ? "anything but " : "";
  }

  private static String join(List<Condition> parts, String separator) {
    List<String> words = new ArrayList<>();
    for (Condition p : parts) {
      String w = of(p);
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return String.join(separator, words);
  }

  @Override
  public String all(Condition.All c) {
    if (negated) {
      return c.parts().isEmpty() ? "never" : "not all of: " + join(c.parts(), ", ");
    }
    return join(c.parts(), " ");
  }

  @Override
  public String any(Condition.Any c) {
    if (negated) {
      return c.parts().isEmpty() ? "" : "neither " + join(c.parts(), " nor ");
    }
    return c.parts().isEmpty() ? "never" : join(c.parts(), " or ");
  }

  @Override
  public String not(Condition.Not c) {
    return c.inner().accept(new ConditionWords(!negated));
  }

  @Override
  public String fieldIn(Condition.FieldIn c) {
    return switch (c.field()) {
      case SOURCE -> "from " + anythingBut() + addresses(c);
      case DESTINATION -> "to " + anythingBut() + addresses(c);
      case PROTOCOL -> not() + "of protocol " + protocols(c.values());
      case SOURCE_PORT -> not() + "from port " + numbers(c.values(), ":");
      case DESTINATION_PORT -> not() + "to port " + numbers(c.values(), ":");
      case ICMP_TYPE -> not() + "of ICMP type " + numbers(c.values(), "-");
      case ICMP_CODE -> not() + "with ICMP code " + numbers(c.values(), "-");
      case CT_ORIG_SOURCE, CT_ORIG_DESTINATION, CT_REPLY_SOURCE, CT_REPLY_DESTINATION ->
          not() + "whose connection's " + c.field().label() + " is " + addresses(c);
      case CONNMARK, CT_PROTOCOL, CT_ORIG_SOURCE_PORT, CT_ORIG_DESTINATION_PORT,
          CT_REPLY_SOURCE_PORT, CT_REPLY_DESTINATION_PORT ->
          not() + "whose " + c.field().label() + " is " + value(c);
      case LENGTH, TTL, TOS, MARK -> not() + "with " + c.field().label() + " " + value(c);
    };
  }

  private static String value(Condition.FieldIn c) {
    boolean hex = c.field() == Field.MARK || c.field() == Field.CONNMARK
        || c.field() == Field.TOS;
    String values = hex && c.values().isSingle() ? "0x" + Long.toHexString(c.values().min())
        : numbers(c.values(), "-");
    return c.unmasked() ? values : values + " (bits 0x" + Long.toHexString(c.mask()) + ")";
  }

  /** {@code 22, 1024:65535}: ranges with the separator iptables uses for them. */
  private static String numbers(IntervalSet set, String dash) {
    if (set.isEmpty()) {
      return "none";
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < set.intervals(); i++) {
      out.add(set.lo(i) == set.hi(i) ? Long.toString(set.lo(i)) : set.lo(i) + dash + set.hi(i));
    }
    return String.join(", ", out);
  }

  private static String protocols(IntervalSet set) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < set.intervals(); i++) {
      for (long p = set.lo(i); p <= set.hi(i); p++) {
        out.add(Protocols.canonicalName((int) p).toUpperCase(Locale.ROOT));
      }
    }
    return String.join(" or ", out);
  }

  /** An address, a network as {@code a.b.c.d/len}, a range, or a masked address. */
  private static String addresses(Condition.FieldIn c) {
    IntervalSet set = c.values();
    if (set.isEmpty()) {
      return "no address";
    }
    if (!c.unmasked()) {
      return format(set.min()) + "/" + format(c.mask());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < set.intervals(); i++) {
      out.add(network(set.lo(i), set.hi(i)));
    }
    return String.join(", ", out);
  }

  private static String network(long lo, long hi) {
    if (lo == hi) {
      return format(lo);
    }
    long size = hi - lo + 1;
    if (Long.bitCount(size) == 1 && (lo & (size - 1)) == 0) {
      return format(lo) + "/" + (32 - Long.numberOfTrailingZeros(size));
    }
    return format(lo) + "-" + format(hi);
  }

  private static String format(long address) {
    return Ipv4.format((int) address);
  }

  @Override
  public String tcpFlags(Condition.TcpFlags c) {
    if (c.mask() == SYN_MASK && c.set() == TcpFlags.SYN) {
      return negated ? "that do not start a connection (not a lone SYN)"
          : "starting a new connection (SYN)";
    }
    return not() + "with TCP flags " + TcpFlags.format(c.set()) + " among "
        + TcpFlags.format(c.mask());
  }

  @Override
  public String iface(Condition.Iface c) {
    String name = c.name().endsWith("+")
        ? "any interface starting with " + c.name().substring(0, c.name().length() - 1)
        : c.name();
    return (c.direction() == Condition.Direction.IN ? "arriving on " : "leaving on ")
        + anythingBut() + name;
  }

  @Override
  public String ctStates(Condition.CtStates c) {
    List<String> names = new ArrayList<>();
    for (CtState s : STATE_ORDER) {
      if (c.states().contains(s)) {
        names.add(s.name());
      }
    }
    return not() + "in connection state " + String.join(" or ", names);
  }

  @Override
  public String ctStatus(Condition.CtStatus c) {
    Set<Condition.Status> set = EnumSet.copyOf(c.any());
    List<String> names = new ArrayList<>();
    for (Condition.Status s : set) {
      names.add(switch (s) {
        case SRC_NAT -> "source-translated (SNAT)";
        case DST_NAT -> "destination-translated (DNAT)";
        case EXPECTED, SEEN_REPLY, ASSURED, CONFIRMED -> s.name();
      });
    }
    return not() + "of a connection that is " + String.join(" or ", names);
  }

  @Override
  public String ctDirection(Condition.CtDirection c) {
    return not() + "in the " + (c.reply() ? "reply" : "original") + " direction of their"
        + " connection";
  }

  @Override
  public String hasConnection(Condition.HasConnection c) {
    return negated ? "without a tracked connection" : "of a tracked connection";
  }

  @Override
  public String inSet(Condition.InSet c) {
    List<String> sides = new ArrayList<>();
    c.dimensions().forEach(d -> sides.add(d.name().toLowerCase(Locale.ROOT)));
    return "whose " + String.join(" and ", sides) + (negated ? " is not" : " is")
        + " in set " + c.set();
  }

  @Override
  public String addressType(Condition.AddressType c) {
    List<String> names = new ArrayList<>();
    EnumSet.copyOf(c.types()).forEach(t -> names.add(t.name()));
    return "whose " + c.side().name().toLowerCase(Locale.ROOT) + " address is " + not()
        + "of type " + String.join(" or ", names)
        + c.limit().map(d -> d == Condition.Direction.IN ? " on the incoming interface"
            : " on the outgoing interface").orElse("");
  }

  @Override
  public String packetType(Condition.PacketType c) {
    return not() + "sent as " + c.type().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String reversePath(Condition.ReversePath c) {
    return (negated ? "failing" : "passing") + " the " + (c.loose() ? "loose" : "strict")
        + " reverse-path check";
  }

  @Override
  public String localSocket(Condition.LocalSocket c) {
    return negated ? "not sent by the firewall itself" : "sent by the firewall itself";
  }

  @Override
  public String macSource(Condition.MacSource c) {
    return not() + "from MAC address " + c.address();
  }

  @Override
  public String opaque(Condition.Opaque c) {
    return (negated ? "unless " : "when ") + "-m " + c.module() + " says so (" + c.why() + ")";
  }
}

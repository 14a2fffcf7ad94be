package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/**
 * Reading conditions out of canonical option text, for the extensions' meanings: the text is
 * what the extension itself printed, so it is well formed; anything else is a programming error.
 */
final class Meanings {
  private Meanings() {}

  /** The protocols whose packets carry ports. */
  static final IntervalSet PORT_PROTOCOLS = IntervalSet.union(List.of(IntervalSet.of(6),
      IntervalSet.of(17), IntervalSet.of(33), IntervalSet.of(132), IntervalSet.of(136)));

  /** A canonical port or range, {@code 22} or {@code 1024:65535}; a reversed range is empty. */
  static IntervalSet range(String canonical) {
    int colon = canonical.indexOf(':');
    if (colon < 0) {
      return IntervalSet.of(Long.parseLong(canonical));
    }
    return IntervalSet.range(Long.parseLong(canonical.substring(0, colon)),
        Long.parseLong(canonical.substring(colon + 1)));
  }

  /** A canonical list of ports and ranges, {@code 22,80,1024:2048}. */
  static IntervalSet ranges(String canonical) {
    List<IntervalSet> parts = new ArrayList<>();
    for (String part : canonical.split(",")) {
      parts.add(range(part));
    }
    return IntervalSet.union(parts);
  }

  /**
   * An address field within a canonical {@code a.b.c.d/len} or {@code a.b.c.d/netmask}, or a
   * bare address ({@code /32}): a prefix becomes the interval of its addresses, a netmask with
   * holes a masked comparison.
   */
  static Condition network(Field field, String canonical) {
    int slash = canonical.indexOf('/');
    long address = Integer.toUnsignedLong(Ipv4.parse(slash < 0 ? canonical
        : canonical.substring(0, slash)).orElseThrow());
    int mask = -1;
    if (slash >= 0) {
      String m = canonical.substring(slash + 1);
      mask = m.contains(".") ? Ipv4.parse(m).orElseThrow() : Ipv4.mask(Integer.parseInt(m));
    }
    long unsignedMask = Integer.toUnsignedLong(mask);
    if (Ipv4.prefixOf(mask).isPresent()) {
      long first = address & unsignedMask;
      return Condition.in(field, IntervalSet.range(first, first | (~unsignedMask & 0xffffffffL)));
    }
    return new Condition.FieldIn(field, unsignedMask, IntervalSet.of(address & unsignedMask));
  }

  /** The condition {@code -p NUMBER} states, one shared instance per protocol number. */
  private static final Condition[] PROTOCOL_IS = new Condition[256];

  static {
    for (int p = 0; p < PROTOCOL_IS.length; p++) {
      PROTOCOL_IS[p] = Condition.is(Field.PROTOCOL, p);
    }
  }

  /** The protocol called {@code name} in canonical form ({@code tcp}, {@code 47}). */
  static Condition protocol(String name) {
    return protocol(Protocols.number(name).orElseThrow());
  }

  /** The protocol numbered {@code number}, 0..255. */
  static Condition protocol(int number) {
    return PROTOCOL_IS[number];
  }

  /** A number in canonical form: decimal, or hex with {@code 0x}. */
  static long number(String canonical) {
    return canonical.startsWith("0x") ? Long.parseLong(canonical.substring(2), 16)
        : Long.parseLong(canonical);
  }

  /** {@code value/mask} (or a bare value, mask all ones) in canonical form, as {value, mask}. */
  static long[] valueMask(String canonical) {
    int slash = canonical.indexOf('/');
    if (slash < 0) {
      return new long[] {number(canonical), 0xffffffffL};
    }
    return new long[] {number(canonical.substring(0, slash)),
        number(canonical.substring(slash + 1))};
  }

  /**
   * Protocol {@code protocol} and each option: {@code --sport} and {@code --dport} as port
   * ranges, any other as {@code other} says (the matches of protocols with ports).
   */
  static Condition withPorts(int protocol, List<Option> options,
      java.util.function.Function<Option, Condition> other) {
    return Condition.all(protocol(protocol), perOption(options, o -> switch (o.name()) {
      case "--sport" -> Condition.in(Field.SOURCE_PORT, range(o.arg()));
      case "--dport" -> Condition.in(Field.DESTINATION_PORT, range(o.arg()));
      default -> other.apply(o);
    }));
  }

  /** Each option's condition, inverted by its own {@code !}, all of which must hold. */
  static Condition perOption(List<Option> options,
      java.util.function.Function<Option, Condition> meaning) {
    List<Condition> parts = new ArrayList<>();
    for (Option o : options) {
      parts.add(Condition.not(o.negated(), meaning.apply(o)));
    }
    return Condition.all(parts);
  }
}

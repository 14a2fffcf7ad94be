package org.packetpath.engine.net;

import java.util.Optional;

/** IPv4 address helpers on {@code int} values (network byte order as an unsigned number). */
public final class Ipv4 {
  private Ipv4() {}

  /**
   * Parses a dotted-quad address as {@code inet_pton} would: exactly four decimal parts
   * 0..255. Returns empty for anything else, including host names.
   */
  public static Optional<Integer> parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      value = (value << 8) | octet;
    }
    return Optional.of(value);
  }

  /**
   * Parses an address the way iptables' {@code -s} does: also accepts the short forms {@code 0}
   * and {@code 10.1} that {@code inet_aton} allows, so that {@code 0/0} works.
   */
  public static Optional<Integer> parseLenient(String text) {
    Optional<Integer> strict = parse(text);
    if (strict.isPresent()) {
      return strict;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length < 1 || parts.length > 3) {
      return Optional.empty();
    }
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 10 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      long n = Long.parseLong(part);
      boolean last = i == parts.length - 1;
      long limit = last ? (1L << (8 * (4 - i))) - 1 : 255;
      if (n > limit) {
        return Optional.empty();
      }
      value = last ? value | n : value | (n << (8 * (3 - i)));
    }
    return Optional.of((int) value);
  }

  public static String format(int address) {
    return ((address >>> 24) & 0xff)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  /** The netmask of a prefix length 0..32. */
  public static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  /** The prefix length of a contiguous netmask, or empty if the mask has holes. */
  public static Optional<Integer> prefixOf(int mask) {
    int prefix = Integer.bitCount(mask);
    return mask(prefix) == mask ? Optional.of(prefix) : Optional.empty();
  }
}

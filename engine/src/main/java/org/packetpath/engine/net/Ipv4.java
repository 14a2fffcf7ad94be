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
    int value = 0;
    int parts = 0;
    int i = 0;
    int n = text.length();
    while (parts < 4) {
      int start = i;
      int octet = 0;
      while (i < n && i - start < 4 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start || i - start > 3 || octet > 255) {
        return Optional.empty();
      }
      value = (value << 8) | octet;
      parts++;
      if (parts < 4) {
        if (i >= n || text.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
      }
    }
    return i == n ? Optional.of(value) : Optional.empty();
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

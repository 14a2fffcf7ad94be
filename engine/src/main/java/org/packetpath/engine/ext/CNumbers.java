package org.packetpath.engine.ext;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Numbers and addresses read the way the C library reads them for iptables: {@code strtoul}
 * and friends (leading blanks, a sign, {@code 0x} hex, leading-zero octal) and {@code
 * inet_aton} (one to four parts in any of those bases). What iptables accepts is decided by
 * these functions, quirks included, so every reader in PacketPath uses this one class.
 */
final class CNumbers {
  private CNumbers() {}

  private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /**
   * What a {@code strto*} call saw from {@code from}: the magnitude, whether a {@code -} came
   * first, and the index just after the digits ({@code -1} when there were none).
   */
  public record Scan(BigInteger magnitude, boolean negative, int end) {
    public boolean hasDigits() {
      return end >= 0;
    }
  }

  /** An unsigned 64-bit number read from a text, and the index just after it. */
  public record Parsed(long value, int end) {}

  /** C's {@code isspace} in the C locale. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /**
   * Scans like C's {@code strto*} from {@code from}: blanks, an optional sign, then digits in
   * {@code base}; base 0 reads {@code 0x} as hex and a leading {@code 0} as octal, and base 16
   * also skips a {@code 0x} prefix. {@code 0x} not followed by a hex digit reads as 0, stopping
   * at the x.
   */
  public static Scan scan(String s, int from, int base) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    boolean hexPrefix = i + 2 < s.length() && s.charAt(i) == '0'
        && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && digit(s.charAt(i + 2), 16) >= 0;
    int radix = base;
    if (base == 0) {
      radix = hexPrefix ? 16 : i < s.length() && s.charAt(i) == '0' ? 8 : 10;
    }
    if (radix == 16 && hexPrefix) {
      i += 2;
    }
    int start = i;
    long small = 0;
    while (i < s.length() && i - start < 15 && digit(s.charAt(i), radix) >= 0) {
      small = small * radix + digit(s.charAt(i), radix); // 15 digits of base 16 fit a long
      i++;
    }
    BigInteger value = BigInteger.valueOf(small);
    if (i < s.length() && digit(s.charAt(i), radix) >= 0) {
      BigInteger big = BigInteger.valueOf(radix);
      while (i < s.length() && digit(s.charAt(i), radix) >= 0) {
        value = value.multiply(big).add(BigInteger.valueOf(digit(s.charAt(i), radix)));
        i++;
      }
    }
    return new Scan(value, negative, i == start ? -1 : i);
  }

  /** A digit's value in {@code radix}, ASCII only; -1 for anything else. */
  public static int digit(char c, int radix) {
    return c > 0x7f ? -1 : Character.digit(c, radix);
  }

  /**
   * {@code strtoumax(s + from, &end, 0)} as {@code xtables_strtoul} uses it: no {@code -}; empty
   * when there is no digit or the value does not fit in 64 bits. Text may follow the number.
   */
  public static Optional<Parsed> strtoul(String s, int from) {
    Scan scan = scan(s, from, 0);
    if (!scan.hasDigits() || scan.negative() || scan.magnitude().compareTo(ULONG_MAX) > 0) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(scan.magnitude().longValue(), scan.end()));
  }

  /** {@link #strtoul} over the whole of {@code s}: nothing may follow the number. */
  public static Optional<Long> strtoulAll(String s) {
    return strtoul(s, 0).filter(p -> p.end() == s.length()).map(Parsed::value);
  }

  /**
   * An IPv4 address as {@code inet_aton} reads it, which is how iptables reads numeric hosts:
   * one to four parts, each decimal, {@code 0x} hex or octal, the last filling the remaining
   * bytes ({@code 10.1} is 10.0.0.1, {@code 010.0.0.1} is 8.0.0.1). Host names are not
   * resolved: they give empty.
   */
  public static Optional<Integer> inetAton(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || !Character.isDigit(part.charAt(0))) {
        return Optional.empty();
      }
      Optional<Long> n = strtoulAll(part);
      boolean last = i == parts.length - 1;
      long limit = last ? (1L << (8 * (4 - i))) - 1 : 255;
      if (n.isEmpty() || n.get() < 0 || n.get() > limit) {
        return Optional.empty();
      }
      value |= last ? n.get() : n.get() << (8 * (3 - i));
    }
    return Optional.of((int) value);
  }

  /**
   * An IPv4 address as iptables' {@code xtables_numeric_to_ipaddr} reads it for {@code -s},
   * {@code -d} and {@code iprange}: up to four dot-separated numbers 0..255 in any C base,
   * missing trailing parts are zero ({@code 10.1} is 10.1.0.0, unlike {@link #inetAton}), and
   * only the first 19 characters are looked at.
   */
  public static Optional<Integer> xtablesAddress(String text) {
    String buf = text.length() > 19 ? text.substring(0, 19) : text;
    String[] parts = buf.split("\\.", 4);
    int address = 0;
    for (int i = 0; i < 4; i++) {
      long octet = 0;
      if (i < parts.length) {
        octet = plainOctet(parts[i]);
      }
      if (octet < 0) {
        Optional<Long> n = strtoulAll(parts[i]).filter(v -> v >= 0 && v <= 255);
        if (n.isEmpty()) {
          return Optional.empty();
        }
        octet = n.get();
      }
      address |= (int) octet << (8 * (3 - i));
    }
    return Optional.of(address);
  }

  /**
   * {@code part} as a plain decimal octet (0..255 without leading zeros, which strtoul reads as
   * decimal too), or -1 when it is anything else.
   */
  private static int plainOctet(String part) {
    int n = part.length();
    if (n == 0 || n > 3 || (n > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  /**
   * {@code xtables_strtoui(s + from, &end, &value, 0, max)}: an unsigned number in any C base,
   * blanks and {@code +} allowed in front, no {@code -}; text may follow it. Empty when there is
   * no number or it is above {@code max}.
   */
  public static Optional<Parsed> strtoui(String s, int from, long max) {
    int p = from;
    while (p < s.length() && isSpace(s.charAt(p))) {
      p++;
    }
    if (p < s.length() && s.charAt(p) == '-') {
      return Optional.empty();
    }
    Scan scan = scan(s, from, 0);
    if (!scan.hasDigits() || scan.magnitude().compareTo(BigInteger.valueOf(max)) > 0) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(scan.magnitude().longValue(), scan.end()));
  }

  /**
   * A numeric service as glibc's {@code getaddrinfo} reads it for {@code xtables_getportbyname}:
   * {@code strtoul(s, &end, 10)} over the whole text (blanks and a sign in front, saturating at
   * {@code ULONG_MAX}), kept in an {@code int}, so a value whose low 32 bits are negative is no
   * number; the port is its low 16 bits ({@code 70000} is 4464). Empty when it is no number.
   */
  public static Optional<Integer> getaddrinfoPort(String s) {
    Scan scan = scan(s, 0, 10);
    if (!scan.hasDigits() || scan.end() != s.length()) {
      return Optional.empty();
    }
    BigInteger value = scan.magnitude();
    if (value.compareTo(ULONG_MAX) > 0) {
      value = ULONG_MAX; // out of range, whatever the sign
    } else if (scan.negative()) {
      value = value.negate().mod(ULONG_MAX.add(BigInteger.ONE));
    }
    int asInt = value.intValue();
    return asInt < 0 ? Optional.empty() : Optional.of(asInt & 0xffff);
  }

  /** Whether {@code s} is 1 to 9 decimal digits, not starting with 0 (which would be octal). */
  private static boolean isPlainDecimal(String s) {
    if (s.isEmpty() || s.length() > 9 || s.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code xtables_strtoui(s, NULL, &value, 0, max)}: {@link #strtoui} over the whole text. */
  public static Optional<Long> strtouiAll(String s, long max) {
    if (isPlainDecimal(s)) {
      long value = Long.parseLong(s); // the common case, read without scanning
      return value <= max ? Optional.of(value) : Optional.empty();
    }
    return strtoui(s, 0, max).filter(n -> n.end() == s.length()).map(Parsed::value);
  }

  /**
   * C's {@code atoi} as glibc implements it ({@code (int) strtol(s, NULL, 10)}): leading blanks
   * and sign, decimal digits up to the first other character, saturated to the range of a long
   * and then cut to 32 bits.
   */
  public static int atoi(String s) {
    Scan scan = scan(s, 0, 10);
    if (!scan.hasDigits()) {
      return 0;
    }
    BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
    long value;
    if (scan.negative()) {
      value = scan.magnitude().compareTo(limit.add(BigInteger.ONE)) >= 0
          ? Long.MIN_VALUE
          : -scan.magnitude().longValue();
    } else {
      value = scan.magnitude().compareTo(limit) > 0 ? Long.MAX_VALUE : scan.magnitude().longValue();
    }
    return (int) value;
  }

  /**
   * {@code strtoul(s + from, &end, 16)} cut to one byte, as the MAC address reader uses it:
   * returns {value, end}, with end == from when no digit was read.
   */
  public static int[] hexByte(String s, int from) {
    Scan scan = scan(s, from, 16);
    if (!scan.hasDigits()) {
      return new int[] {0, from};
    }
    // On overflow strtoul returns ULONG_MAX whatever the sign; otherwise "-n" wraps around.
    BigInteger value = scan.magnitude().compareTo(ULONG_MAX) > 0
        ? ULONG_MAX
        : scan.negative() ? scan.magnitude().negate() : scan.magnitude();
    return new int[] {value.and(BigInteger.valueOf(0xff)).intValue(), scan.end()};
  }
}

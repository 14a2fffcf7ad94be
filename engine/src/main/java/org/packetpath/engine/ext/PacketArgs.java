package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.net.CNumbers;
import org.packetpath.engine.net.Ipv4;

/**
 * The argument readers of the {@link PacketMatches}. They reproduce the behaviour of the C
 * library and libxtables readers iptables uses for numbers and addresses (on {@link CNumbers}): {@code strtoul} with its leading
 * blanks, sign and {@code 0x} or {@code 0} prefixes, {@code xtables_strtoui}, {@code atoi} and
 * {@code xtables_numeric_to_ipaddr}. They decide what iptables accepts, so they are reproduced
 * exactly, quirks included.
 *
 * <p>It is long because each reader reproduces a C function's exact behaviour, which decides what
 * iptables accepts.
 */
final class PacketArgs {
  private PacketArgs() {}

  /**
   * Whether {@code text} begins with {@code prefix}, ignoring the case of ASCII letters only, as
   * C's {@code strncasecmp} does in the C locale.
   */
  static boolean startsWithIgnoreCase(String text, String prefix) {
    if (prefix.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (asciiLower(text.charAt(i)) != asciiLower(prefix.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  // ---- iprange ---------------------------------------------------------------------------------

  /** {@code FROM[-TO]}, printed as {@code FROM-TO} even for a single address. */
  static String range(String text, String option) throws ArgException {
    int dash = text.indexOf('-');
    String from = dash < 0 ? text : text.substring(0, dash);
    String to = dash < 0 ? text : text.substring(dash + 1);
    return rangeEnd(from, option) + "-" + rangeEnd(to, option);
  }

  private static String rangeEnd(String text, String option) throws ArgException {
    Optional<Integer> address = CNumbers.xtablesAddress(text);
    if (address.isEmpty()) {
      throw new ArgException("iprange: Bad value for \"" + option + "\" option: \"" + text + "\"")
          .explained("a range is two IPv4 addresses joined by a dash, as in 10.0.0.10-10.0.0.20;"
              + " no prefix lengths or host names");
    }
    return Ipv4.format(address.get());
  }

  // ---- limit -----------------------------------------------------------------------------------

  /** The kernel keeps a rate as the average interval between packets in 1/10000 seconds. */
  private static final long LIMIT_SCALE = 10000;
  private static final List<String> RATE_UNITS = List.of("second", "minute", "hour", "day");
  private static final long[] UNIT_SECONDS = {1, 60, 60 * 60, 24 * 60 * 60};
  private static final List<String> RATE_NAMES = List.of("day", "hour", "min", "sec");
  private static final long[] RATE_PERIODS = {
    LIMIT_SCALE * 24 * 60 * 60, LIMIT_SCALE * 60 * 60, LIMIT_SCALE * 60, LIMIT_SCALE
  };

  /**
   * A rate {@code N[/second|/minute|/hour|/day]} (any prefix of the unit, any case), turned into
   * the kernel's average interval and printed back the way iptables-save does: the largest unit
   * that still shows the rate, as in {@code 60/minute}, which prints as {@code 1/sec}.
   */
  static String rate(String text) throws ArgException {
    int slash = text.indexOf('/');
    long seconds = 1;
    if (slash >= 0) {
      String unit = text.substring(slash + 1);
      int found = -1;
      for (int i = 0; i < RATE_UNITS.size() && found < 0 && !unit.isEmpty(); i++) {
        if (startsWithIgnoreCase(RATE_UNITS.get(i), unit)) {
          found = i;
        }
      }
      if (found < 0) {
        throw badRate(text);
      }
      seconds = UNIT_SECONDS[found];
    }
    long count = CNumbers.atoi(text) & 0xffffffffL;
    if (count == 0) {
      throw badRate(text);
    }
    long period = LIMIT_SCALE * seconds / count;
    if (period == 0) {
      throw new ArgException("Rate too fast \"" + text + "\"")
          .explained("the limit match counts at most 10000 packets per second");
    }
    int unit = 1;
    while (unit < RATE_PERIODS.length
        && period <= RATE_PERIODS[unit]
        && RATE_PERIODS[unit] / period >= RATE_PERIODS[unit] % period) {
      unit++;
    }
    return RATE_PERIODS[unit - 1] / period + "/" + RATE_NAMES.get(unit - 1);
  }

  private static ArgException badRate(String text) {
    return new ArgException("bad rate \"" + text + "\"'")
        .explained("a rate is a number of packets, optionally per second, minute, hour or day,"
            + " as in 5/second or 100/minute");
  }

  // ---- mac -------------------------------------------------------------------------------------

  /** Six hex bytes separated by colons, each at most two characters; printed in lower case. */
  static String macAddress(String text) throws ArgException {
    List<String> bytes = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < 6; i++) {
      int[] read = CNumbers.hexByte(text, pos);
      int end = read[1];
      boolean separated = i < 5 ? end < text.length() && text.charAt(end) == ':'
          : end == text.length();
      if (!separated || end - pos > 2) {
        throw new ArgException("Invalid MAC address specified.")
            .explained("a MAC address is six hex bytes separated by colons,"
                + " as in 00:11:22:aa:bb:cc");
      }
      bytes.add(String.format(Locale.ROOT, "%02x", read[0]));
      pos = end + 1;
    }
    return String.join(":", bytes);
  }

  // ---- mark and connmark -----------------------------------------------------------------------

  /** {@code value[/mask]}, 32-bit numbers in any C base; printed in hex, a full mask left out. */
  static String markMask(String text, String module) throws ArgException {
    long max = 0xffffffffL;
    Optional<CNumbers.Parsed> value = CNumbers.strtoui(text, 0, max);
    if (value.isEmpty()) {
      throw badMark(module);
    }
    long mask = max;
    int end = value.get().end();
    if (end < text.length() && text.charAt(end) == '/') {
      Optional<CNumbers.Parsed> m = CNumbers.strtoui(text, end + 1, max);
      if (m.isEmpty()) {
        throw badMark(module);
      }
      mask = m.get().value();
      end = m.get().end();
    }
    if (end != text.length()) {
      throw new ArgException(
              module + ": trailing garbage after value for option \"--mark\".")
          .explained("write the mark as a number with an optional /mask, as in 0x10/0xff");
    }
    String printed = Args.hex(value.get().value());
    return mask == max ? printed : printed + "/" + Args.hex(mask);
  }

  private static ArgException badMark(String module) {
    return new ArgException(
            module + ": bad integer value for option \"--mark\", or out of range.")
        .explained("a mark is a number from 0 to 0xffffffff, optionally with a /mask");
  }

  // ---- addrtype --------------------------------------------------------------------------------

  static final List<String> ADDRESS_TYPES =
      List.of(
          "UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE",
          "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE");

  /**
   * A comma-separated list of address types; each word may be any leading part of a type name,
   * in any case, and the first type it begins is taken ({@code U} is UNSPEC).
   */
  static String addressTypes(String text) throws ArgException {
    boolean[] seen = new boolean[ADDRESS_TYPES.size()];
    String rest = text;
    int comma;
    while ((comma = rest.indexOf(',')) >= 0) {
      if (comma == 0 || !addressType(rest.substring(0, comma), seen)) {
        throw badType("addrtype: bad type `" + rest + "'");
      }
      rest = rest.substring(comma + 1);
    }
    if (rest.isEmpty() || !addressType(rest, seen)) {
      throw badType("addrtype: bad type \"" + rest + "\"");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < seen.length; i++) {
      if (seen[i]) {
        names.add(ADDRESS_TYPES.get(i));
      }
    }
    return String.join(",", names);
  }

  private static boolean addressType(String word, boolean[] seen) {
    for (int i = 0; i < ADDRESS_TYPES.size(); i++) {
      String type = ADDRESS_TYPES.get(i);
      if (startsWithIgnoreCase(type, word)) {
        seen[i] = true;
        return true;
      }
    }
    return false;
  }

  private static ArgException badType(String message) {
    return new ArgException(message)
        .explained("address types are " + String.join(", ", ADDRESS_TYPES)
            + ", separated by commas");
  }

  // ---- length ----------------------------------------------------------------------------------

  /**
   * {@code MIN[:MAX]} of 16-bit numbers in any C base; an empty MIN is 0 and an empty MAX is
   * 65535. A reversed range is kept (it never matches).
   */
  static String lengthRange(String text) throws ArgException {
    long[] values = {0, 0};
    int count = 0;
    int arg = 0;
    while (true) {
      if (count == 2) {
        throw new ArgException("length: Too many components for option \"--length\" (max: 2)")
            .explained("a length is a number or a range MIN:MAX");
      }
      int end;
      long value;
      if (arg == text.length() || text.charAt(arg) == ':') {
        end = arg;
        value = count == 1 ? 65535 : 0;
      } else {
        Optional<CNumbers.Parsed> n = CNumbers.strtoui(text, arg, 65535);
        if (n.isEmpty()) {
          throw new ArgException("length: bad value for option \"--length\" near \""
                  + text.substring(arg) + "\", or out of range (0-65535).")
              .explained("packet lengths are numbers from 0 to 65535");
        }
        end = n.get().end();
        value = n.get().value();
        if (end != text.length() && text.charAt(end) != ':') {
          throw new ArgException("length: Argument to \"--length\" has unexpected characters"
                  + " near \"" + text.substring(end) + "\".")
              .explained("a length is a number or a range MIN:MAX");
        }
      }
      values[count++] = value;
      if (end == text.length()) {
        break;
      }
      arg = end + 1;
    }
    long min = values[0];
    long max = count == 2 ? values[1] : min;
    return min == max ? Long.toString(min) : min + ":" + max;
  }

  // ---- tos -------------------------------------------------------------------------------------

  private static final List<String> TOS_NAMES =
      List.of(
          "Minimize-Delay", "Maximize-Throughput", "Maximize-Reliability", "Minimize-Cost",
          "Normal-Service");

  private static final int[] TOS_VALUES = {0x10, 0x08, 0x04, 0x02, 0x00};

  /**
   * {@code value[/mask]} (8-bit numbers, the mask defaulting to 0xff), or a symbolic name, which
   * compares the six TOS bits (mask 0x3f).
   */
  static String tosValue(String text) throws ArgException {
    Optional<CNumbers.Parsed> value = CNumbers.strtoui(text, 0, 255);
    if (value.isPresent()) {
      long mask = 0xff;
      int end = value.get().end();
      if (end < text.length() && text.charAt(end) == '/') {
        Optional<CNumbers.Parsed> m = CNumbers.strtoui(text, end + 1, 255);
        if (m.isEmpty()) {
          throw illegalTos(text);
        }
        mask = m.get().value();
        end = m.get().end();
      }
      if (end != text.length()) {
        throw illegalTos(text);
      }
      return String.format(Locale.ROOT, "0x%02x/0x%02x", value.get().value(), mask);
    }
    for (int i = 0; i < TOS_NAMES.size(); i++) {
      if (TOS_NAMES.get(i).length() == text.length()
          && startsWithIgnoreCase(TOS_NAMES.get(i), text)) {
        return String.format(Locale.ROOT, "0x%02x/0x3f", TOS_VALUES[i]);
      }
    }
    throw new ArgException("Symbolic name \"" + text + "\" is unknown")
        .explained("TOS names are " + String.join(", ", TOS_NAMES)
            + "; or give a number 0..255 with an optional /mask");
  }

  private static ArgException illegalTos(String text) {
    return new ArgException("Illegal value: \"" + text + "\"")
        .explained("a TOS value is a number 0..255 with an optional /mask, as in 0x10/0x3f");
  }

  // ---- dscp ------------------------------------------------------------------------------------

  /** DiffServ class names and their code points; a name is found at the start of the word. */
  private static final List<String> DSCP_CLASSES =
      List.of(
          "CS0", "CS1", "CS2", "CS3", "CS4", "CS5", "CS6", "CS7", "BE", "AF11", "AF12", "AF13",
          "AF21", "AF22", "AF23", "AF31", "AF32", "AF33", "AF41", "AF42", "AF43", "EF");

  private static final int[] DSCP_CLASS_VALUES = {
    0x00, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38, 0x00, 0x0a, 0x0c, 0x0e, 0x12, 0x14, 0x16,
    0x1a, 0x1c, 0x1e, 0x22, 0x24, 0x26, 0x2e
  };

  static String dscpClass(String text) throws ArgException {
    for (int i = 0; i < DSCP_CLASSES.size(); i++) {
      String name = DSCP_CLASSES.get(i);
      if (startsWithIgnoreCase(text, name)) {
        return String.format(Locale.ROOT, "0x%02x", DSCP_CLASS_VALUES[i]);
      }
    }
    throw new ArgException("Invalid DSCP value `" + text + "'")
        .explained("DiffServ classes are BE, EF, CS0..CS7 and AF11..AF43");
  }

  // ---- pkttype ---------------------------------------------------------------------------------

  private static final Map<String, String> PACKET_TYPES =
      Map.of(
          "unicast", "unicast",
          "broadcast", "broadcast",
          "multicast", "multicast",
          "otherhost", "otherhost",
          "bcast", "broadcast",
          "mcast", "multicast",
          "host", "unicast");

  /** A packet type name in any case, or one of its aliases, printed by its main name. */
  static String packetType(String text) throws ArgException {
    String canonical = null;
    for (Map.Entry<String, String> e : PACKET_TYPES.entrySet()) {
      if (e.getKey().length() == text.length() && startsWithIgnoreCase(e.getKey(), text)) {
        canonical = e.getValue();
      }
    }
    if (canonical == null) {
      throw new ArgException("Bad packet type '" + text + "'")
          .explained("packet types are unicast, broadcast, multicast and otherhost");
    }
    return canonical;
  }

  // ---- owner -----------------------------------------------------------------------------------

  /** The fixed user names of Debian's base-passwd, which iptables would look up in /etc/passwd. */
  private static final Map<String, Long> USERS =
      Map.ofEntries(
          Map.entry("root", 0L), Map.entry("daemon", 1L), Map.entry("bin", 2L),
          Map.entry("sys", 3L), Map.entry("sync", 4L), Map.entry("games", 5L),
          Map.entry("man", 6L), Map.entry("lp", 7L), Map.entry("mail", 8L),
          Map.entry("news", 9L), Map.entry("uucp", 10L), Map.entry("proxy", 13L),
          Map.entry("www-data", 33L), Map.entry("backup", 34L), Map.entry("list", 38L),
          Map.entry("irc", 39L), Map.entry("nobody", 65534L));

  /** The fixed group names of Debian's base-passwd, which iptables would look up in /etc/group. */
  private static final Map<String, Long> GROUPS =
      Map.ofEntries(
          Map.entry("root", 0L), Map.entry("daemon", 1L), Map.entry("bin", 2L),
          Map.entry("sys", 3L), Map.entry("adm", 4L), Map.entry("tty", 5L),
          Map.entry("disk", 6L), Map.entry("lp", 7L), Map.entry("mail", 8L),
          Map.entry("news", 9L), Map.entry("uucp", 10L), Map.entry("man", 12L),
          Map.entry("proxy", 13L), Map.entry("kmem", 15L), Map.entry("dialout", 20L),
          Map.entry("fax", 21L), Map.entry("voice", 22L), Map.entry("cdrom", 24L),
          Map.entry("floppy", 25L), Map.entry("tape", 26L), Map.entry("sudo", 27L),
          Map.entry("audio", 29L), Map.entry("dip", 30L), Map.entry("www-data", 33L),
          Map.entry("backup", 34L), Map.entry("operator", 37L), Map.entry("list", 38L),
          Map.entry("irc", 39L), Map.entry("src", 40L), Map.entry("shadow", 42L),
          Map.entry("utmp", 43L), Map.entry("video", 44L), Map.entry("sasl", 45L),
          Map.entry("plugdev", 46L), Map.entry("staff", 50L), Map.entry("games", 60L),
          Map.entry("users", 100L), Map.entry("nogroup", 65534L));

  /** A user name or uid, or a uid range, for {@code --uid-owner}. */
  static String userId(String text) throws ArgException {
    return ownerId(text, USERS, "--uid-owner");
  }

  /** A group name or gid, or a gid range, for {@code --gid-owner}. */
  static String groupId(String text) throws ArgException {
    return ownerId(text, GROUPS, "--gid-owner");
  }

  /** A user or group name, or a number or range {@code FROM-TO} (or {@code FROM:TO}). */
  private static String ownerId(String text, Map<String, Long> names, String option)
      throws ArgException {
    Long named = names.get(text);
    if (named != null) {
      return Long.toString(named);
    }
    long max = 0xfffffffeL;
    Optional<CNumbers.Parsed> from = CNumbers.strtoui(text, 0, max);
    if (from.isEmpty()) {
      throw badOwner(text, option);
    }
    long to = from.get().value();
    int end = from.get().end();
    if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == ':')) {
      Optional<CNumbers.Parsed> second = CNumbers.strtoui(text, end + 1, max);
      if (second.isEmpty()) {
        throw badOwner(text, option);
      }
      to = second.get().value();
      end = second.get().end();
    }
    if (end != text.length()) {
      throw badOwner(text, option);
    }
    long min = from.get().value();
    return min == to ? Long.toString(min) : min + "-" + to;
  }

  private static ArgException badOwner(String text, String option) {
    String what = option.equals("--uid-owner") ? "user" : "group";
    return new ArgException("owner: Bad value for \"" + option + "\" option: \"" + text + "\"")
        .explained("give a numeric " + what + " id or range such as 1000-1999; only the standard"
            + " Debian " + what + " names (root, www-data, nobody ...) are known here");
  }

  // ---- numbers ---------------------------------------------------------------------------------

  /** {@code --limit-burst}: 0..10000. */
  static String burst(String text) throws ArgException {
    return Long.toString(number(text, "limit", "--limit-burst", 10000));
  }

  /** A TTL 0..255 for {@code option}. */
  static String ttl(String text, String option) throws ArgException {
    return Long.toString(number(text, "ttl", option, 255));
  }

  /** {@code --dscp}: a code point 0..63, printed as two hex digits. */
  static String dscpValue(String text) throws ArgException {
    return String.format(Locale.ROOT, "0x%02x", number(text, "dscp", "--dscp", 63));
  }

  /**
   * A whole-word number 0..{@code max} in any C base, as iptables' integer options read it, or
   * its error {@code MODULE: bad value for option "--x", or out of range (0-MAX).}
   */
  private static long number(String text, String module, String option, long max)
      throws ArgException {
    return CNumbers.strtouiAll(text, max)
        .orElseThrow(
            () ->
                new ArgException(module + ": bad value for option \"" + option
                        + "\", or out of range (0-" + max + ").")
                    .explained(option + " takes a number from 0 to " + max));
  }
}

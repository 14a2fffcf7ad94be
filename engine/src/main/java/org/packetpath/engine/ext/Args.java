package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Services;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/**
 * Argument parsers shared by extensions. Each returns the canonical text iptables-save prints
 * and throws {@link ArgException} with iptables' wording when the argument is bad.
 */
public final class Args {
  private Args() {}

  /**
   * A port as {@code xtables_parse_port} reads it: a number up to 65535 in any C base ({@code
   * 022} is 18, {@code 0x16} is 22), or a service name ({@code ssh}) of any protocol.
   */
  public static int port(String text) throws ArgException {
    return port(text, Services::port);
  }

  /**
   * A port as {@code xtables_parse_port(text, protocol)} reads it: a number as {@link
   * #port(String)} reads one, or a service name {@code /etc/services} lists for {@code protocol}
   * ({@code http} is a tcp service only).
   */
  public static int port(String text, String protocol) throws ArgException {
    return port(text, name -> Services.port(name, protocol));
  }

  private static int port(String text, Function<String, Optional<Integer>> services)
      throws ArgException {
    Optional<Long> number = CNumbers.strtouiAll(text, 65535);
    if (number.isPresent()) {
      return number.get().intValue();
    }
    Optional<Integer> service = services.apply(text);
    if (service.isPresent()) {
      return service.get();
    }
    throw new ArgException("invalid port/service `" + text + "' specified")
        .explained("a port is a number from 0 to 65535 or a service name such as ssh or https");
  }

  /**
   * A port as {@code xtables_getportbyname} reads it: a decimal number as {@code getaddrinfo}
   * reads one ({@code 022} is 22, {@code 70000} is 4464), or a service name.
   */
  public static int servicePort(String text) throws ArgException {
    Optional<Integer> port = CNumbers.getaddrinfoPort(text).or(() -> Services.port(text));
    if (port.isEmpty()) {
      throw new ArgException("Port \"" + text + "\" does not resolve to anything.")
          .explained("a port is a number from 0 to 65535 or a service name such as ssh or https");
    }
    return port.get();
  }

  /** Reads one port. */
  @FunctionalInterface
  private interface PortReader {
    int read(String text) throws ArgException;
  }

  /**
   * A port or port range as tcp and multiport read it: {@code 22}, {@code 1024:65535}, {@code
   * 1024:} (to 65535), {@code :80} (from 0), each port as {@link #port} reads it; a reversed
   * range is refused. A range of one port prints as that port.
   */
  public static String portRange(String text) throws ArgException {
    return range(text, Args::port, false);
  }

  /** A port or port range as {@link #portRange(String)} reads one, names of {@code protocol}. */
  public static String portRange(String text, String protocol) throws ArgException {
    return range(text, t -> port(t, protocol), false);
  }

  /**
   * A port or port range as the option parser of libxtables reads one ({@code XTTYPE_PORTRC}:
   * the udp and conntrack matches): each port as {@link #servicePort} reads it, an empty bound
   * 0 or 65535, a reversed range kept (it never matches).
   */
  public static String servicePortRange(String text) throws ArgException {
    return range(text, Args::servicePort, true);
  }

  private static String range(String text, PortReader ports, boolean keepReversed)
      throws ArgException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return Integer.toString(ports.read(text));
    }
    String lo = text.substring(0, colon);
    String hi = text.substring(colon + 1);
    int min = lo.isEmpty() ? 0 : ports.read(lo);
    int max = hi.isEmpty() ? 65535 : ports.read(hi);
    if (min > max && !keepReversed) {
      throw new ArgException("invalid portrange (min > max)")
          .explained("write the smaller port first, as in " + max + ":" + min);
    }
    return min == max ? Integer.toString(min) : min + ":" + max;
  }

  /** A non-negative decimal number, or empty. */
  public static Optional<Long> unsigned(String text) {
    if (text.isEmpty() || text.length() > 19) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(Long.parseLong(text));
  }

  /**
   * A number in {@code min..max}, written in decimal, or in hex with {@code 0x}, as {@code
   * strtoul} reads it.
   */
  public static long number(String text, long min, long max, String what) throws ArgException {
    Optional<Long> value = parseC(text);
    if (value.isEmpty() || value.get() < min || value.get() > max) {
      throw new ArgException(
          "Bad " + what + " value \"" + text + "\"", -1, what + " must be a number from " + min
              + " to " + max);
    }
    return value.get();
  }

  /** A whole text read as C's {@code strtoul(s, NULL, 0)}: decimal, {@code 0x} hex or octal. */
  public static Optional<Long> parseC(String text) {
    return CNumbers.strtoulAll(text);
  }


  /**
   * A mark {@code value[/mask]} (32-bit numbers, any base), printed in hex: {@code 0x10/0xff},
   * or {@code 0x5} without a mask.
   */
  public static String mark(String text, String what) throws ArgException {
    int slash = text.indexOf('/');
    String value = slash < 0 ? text : text.substring(0, slash);
    long v = number(value, 0, 0xffffffffL, what);
    if (slash < 0) {
      return hex(v);
    }
    long m = number(text.substring(slash + 1), 0, 0xffffffffL, what);
    return hex(v) + "/" + hex(m);
  }

  public static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** An IPv4 address (no host names), canonical dotted quad. */
  public static String address(String text) throws ArgException {
    return Ipv4.format(addressValue(text));
  }

  public static int addressValue(String text) throws ArgException {
    return Ipv4.parse(text)
        .orElseThrow(
            () ->
                new ArgException("host/network `" + text + "' not found")
                    .explained(explainAddress(text)));
  }

  /**
   * An address or network as {@code -s} takes it: {@code addr}, {@code addr/len} or {@code
   * addr/netmask}. Host bits are cleared and the prefix always printed: {@code 10.1.2.3/8} is
   * {@code 10.0.0.0/8}, {@code 1.2.3.4} is {@code 1.2.3.4/32}. A non-contiguous netmask prints as
   * a netmask.
   */
  public static String network(String text) throws ArgException {
    int[] net = networkValue(text, false);
    Optional<Integer> prefix = Ipv4.prefixOf(net[1]);
    return Ipv4.format(net[0]) + "/"
        + (prefix.isPresent() ? prefix.get().toString() : Ipv4.format(net[1]));
  }

  /**
   * An address with an optional mask as conntrack's {@code --ctorigsrc} prints it: host bits are
   * kept, and a /32 mask is not printed ({@code 5.6.7.8/16}, {@code 10.0.0.1}).
   */
  public static String hostOrNetwork(String text) throws ArgException {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    int[] net = networkValue(text, true);
    String address = Ipv4.format(CNumbers.inetAton(host).orElseThrow());
    if (net[1] == -1) {
      return address;
    }
    Optional<Integer> prefix = Ipv4.prefixOf(net[1]);
    return address + "/" + prefix.map(String::valueOf).orElse(Ipv4.format(net[1]));
  }

  /** {@code {address with host bits cleared, mask}} of a canonical {@code -s} network. */
  public static int[] networkValue(String text) throws ArgException {
    return networkValue(text, false);
  }

  /**
   * {@code {address with host bits cleared, mask}}; {@code inetAton} chooses how a short address
   * reads: as {@code inet_aton} (conntrack: {@code 10.1} is 10.0.0.1) or as iptables' own
   * reader ({@code -s}: 10.1.0.0).
   */
  private static int[] networkValue(String text, boolean inetAton) throws ArgException {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    int address =
        (inetAton ? CNumbers.inetAton(host) : CNumbers.xtablesAddress(host))
            .orElseThrow(
                () ->
                    new ArgException("host/network `" + host + "' not found")
                        .explained(explainAddress(host)));
    int mask = -1;
    if (slash >= 0) {
      String m = text.substring(slash + 1);
      Optional<Long> len = unsigned(m).filter(n -> n <= 32);
      if (len.isPresent()) {
        mask = Ipv4.mask(len.get().intValue());
      } else {
        mask =
            Ipv4.parse(m)
                .orElseThrow(
                    () ->
                        new ArgException("invalid mask `" + m + "' specified")
                            .explained("a mask is a prefix length 0..32 or a netmask like 255.255.255.0"));
      }
    }
    return new int[] {address & mask, mask};
  }

  private static String explainAddress(String text) {
    String[] parts = text.split("\\.", -1);
    for (String part : parts) {
      if (!part.isEmpty()
          && part.chars().allMatch(Character::isDigit)
          && part.length() <= 4
          && Integer.parseInt(part) > 255) {
        return "each part of an IPv4 address is 0..255, but " + part + " is not;"
            + " host names are not resolved in rules files";
      }
    }
    return "expected an IPv4 address like 192.0.2.7 or a network like 10.0.0.0/8;"
        + " host names are not resolved in rules files";
  }

  /**
   * A comma-separated list of names from {@code known} (case as written in {@code known},
   * matched case-insensitively when {@code ignoreCase}), printed in the order of {@code known}
   * without duplicates.
   */
  public static String flagList(
      String text, List<String> known, boolean ignoreCase, String errorFormat)
      throws ArgException {
    boolean[] seen = new boolean[known.size()];
    for (String word : text.split(",", -1)) {
      int i = position(known, word, ignoreCase);
      if (i < 0) {
        throw new ArgException(String.format(errorFormat, word))
            .explained("expected a comma-separated list of " + String.join(", ", known));
      }
      seen[i] = true;
    }
    StringJoiner out = new StringJoiner(",");
    for (int i = 0; i < seen.length; i++) {
      if (seen[i]) {
        out.add(known.get(i));
      }
    }
    return out.toString();
  }

  /** The position of the first of {@code known} that is {@code word}, or -1. */
  private static int position(List<String> known, String word, boolean ignoreCase) {
    for (int i = 0; i < known.size(); i++) {
      if (ignoreCase ? known.get(i).equalsIgnoreCase(word) : known.get(i).equals(word)) {
        return i;
      }
    }
    return -1;
  }

  /** One of {@code choices} (exact), or an error in the given format. */
  public static String choice(String text, List<String> choices, String errorFormat)
      throws ArgException {
    if (choices.contains(text)) {
      return text;
    }
    throw new ArgException(String.format(errorFormat, text))
        .explained("expected one of " + String.join(", ", choices));
  }

  // ---- shared by the match extensions -------------------------------------------------------

  static final long U32 = 0xFFFFFFFFL;


  /** C's {@code strtoumax(text, &end, 0)} as {@code xtables_strtoul} uses it. */
  static Optional<CNumbers.Parsed> strtoul(String text) {
    return CNumbers.strtoul(text, 0);
  }

  /**
   * An unsigned option argument as iptables' option tables read it, with their error: {@code
   * recent: bad value for option "--seconds", or out of range (1-4294967295).}
   */
  static long xtUnsigned(String module, String option, String text, long min, long max)
      throws ArgException {
    Optional<CNumbers.Parsed> n = strtoul(text);
    if (n.isEmpty() || n.get().end() != text.length()
        || Long.compareUnsigned(n.get().value(), min) < 0
        || Long.compareUnsigned(n.get().value(), max) > 0) {
      throw new ArgException(module + ": bad value for option \"" + option
              + "\", or out of range (" + min + "-" + Long.toUnsignedString(max) + ").")
          .explained(option + " takes a whole number from " + min + " to "
              + Long.toUnsignedString(max));
    }
    return n.get().value();
  }

  /** An address for an option of the host type; names are not looked up. */
  static int host(String text) throws ArgException {
    return CNumbers.inetAton(text)
        .orElseThrow(
            () -> new ArgException("getaddrinfo: Name or service not known")
                .explained("expected an IPv4 address like 192.0.2.7; host names are not"
                    + " resolved in rules files"));
  }

  /**
   * A prefix length as iptables' option tables read it: a number 0..128, or a netmask, whose
   * length is 255 when it has holes.
   */
  static int prefixLength(String module, String option, String text) throws ArgException {
    Optional<CNumbers.Parsed> n = strtoul(text).filter(c -> c.end() == text.length() && c.value() >= 0
        && c.value() <= 128);
    if (n.isPresent()) {
      return (int) n.get().value();
    }
    Optional<Integer> mask = CNumbers.inetAton(text);
    if (mask.isEmpty()) {
      throw new ArgException(module + ": bad value for option \"" + option
              + "\", neither a valid network mask nor valid CIDR (0-32).")
          .explained("give a prefix length such as 24 or a netmask such as 255.255.255.0");
    }
    return Ipv4.prefixOf(mask.get()).orElse(255);
  }

  /**
   * An address with an optional mask, host bits kept, as {@code --tunnel-src} prints it: {@code
   * 10.1.2.3/8}, and no mask when it is /32 (or longer, or has holes).
   */
  static String hostMask(String module, String option, String text)
      throws ArgException {
    int slash = text.indexOf('/');
    int prefix = 32;
    if (slash >= 0) {
      prefix = prefixLength(module, option, text.substring(slash + 1));
    }
    String address = Ipv4.format(host(slash < 0 ? text : text.substring(0, slash)));
    return prefix >= 32 ? address : address + "/" + prefix;
  }

  /** A rule the kernel refuses when it is loaded, with the kernel's reason as the message. */
  static ArgException refused(String reason, String hint) {
    return refused(reason, "Invalid argument", hint);
  }

  static ArgException refused(String reason, String errno, String hint) {
    return new ArgException(reason)
        .explained("the kernel refuses this rule (iptables-restore: RULE_APPEND failed ("
            + errno + ")): " + hint);
  }

  static boolean has(List<Option> options, String name) {
    return find(options, name).isPresent();
  }

  static Optional<Option> find(List<Option> options, String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** Whether the rule is in the built-in chain of {@code hook} (user chains are not checked). */
  static boolean isBuiltin(RuleContext rule, Hook... hooks) {
    Optional<Hook> hook = rule.table().builtinHook(rule.chain());
    return hook.isPresent() && List.of(hooks).contains(hook.get());
  }

  /** The position of the first option called {@code name}, or -1. */
  static int indexOf(List<Option> options, String name) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

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

  /**
   * A whole-word number 0..{@code max} in any C base, as iptables' integer options read it, or
   * its error {@code MODULE: bad value for option "--x", or out of range (0-MAX).}
   */
  static long xtNumber(String text, String module, String option, long max)
      throws ArgException {
    return CNumbers.strtouiAll(text, max)
        .orElseThrow(
            () ->
                new ArgException(module + ": bad value for option \"" + option
                        + "\", or out of range (0-" + max + ").")
                    .explained(option + " takes a number from 0 to " + max));
  }
}

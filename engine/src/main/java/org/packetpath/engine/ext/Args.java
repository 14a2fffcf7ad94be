package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/**
 * Argument parsers shared by extensions. Each returns the canonical text iptables-save prints
 * and throws {@link ArgException} with iptables' wording when the argument is bad.
 */
public final class Args {
  private Args() {}

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
   * Fails as the kernel does when {@code module} ({@code "sctp match"}, {@code "TCPMSS
   * target"}), which only reads packets of protocol {@code number}, is in a rule whose {@code -p}
   * is not {@code protocol} (or is negated); {@code hint} tells learners what to do.
   */
  static ModuleSpec.Finisher protocolRequired(String module, String protocol, int number,
      String hint) {
    return (rule, options) -> {
      requireProtocol(rule, module, protocol, number, hint);
      return options;
    };
  }

  /** The check of {@link #protocolRequired}, made at once. */
  static void requireProtocol(RuleContext rule, String module, String protocol, int number,
      String hint) throws ArgException {
    if (!rule.protocolIs(protocol)) {
      throw new ArgException(module + ": only valid for protocol " + number)
          .explained("iptables-restore: RULE_APPEND failed (Invalid argument); " + hint);
    }
  }
}

package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Services;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * The address-translation targets of the nat table: {@code DNAT}, {@code SNAT}, {@code
 * MASQUERADE}, {@code REDIRECT} and {@code NETMAP}.
 *
 * <p>Ranges are written {@code ip[-ip][:port[-port[/base]]]}. A port part needs {@code -p tcp},
 * {@code udp}, {@code sctp}, {@code dccp} (or {@code icmp}, whose id plays the port's part), which
 * only the finisher knows; so the finisher parses the range, and the error is the one iptables
 * gives for the rule's protocol.
 */
final class NatTargets {
  private NatTargets() {}

  private static final String NEED_PROTOCOL =
      "Need TCP, UDP, SCTP or DCCP with port specification";

  static List<ModuleSpec> all() {
    return List.of(
        nat(Action.NatKind.DNAT, "--to-destination", Base.KEPT,
            List.of("--random", "--persistent"), Hook.PREROUTING, Hook.OUTPUT),
        nat(Action.NatKind.SNAT, "--to-source", Base.LOST,
            List.of("--random", "--random-fully", "--persistent"), Hook.INPUT, Hook.POSTROUTING),
        nat(Action.NatKind.MASQUERADE, "--to-ports", Base.LOST,
            List.of("--random", "--random-fully"), Hook.POSTROUTING),
        nat(Action.NatKind.REDIRECT, "--to-ports", Base.REFUSED,
            List.of("--random"), Hook.PREROUTING, Hook.OUTPUT),
        Netmap.spec());
  }

  /**
   * The nat-table target named after {@code kind}: its range {@code option} (an address range,
   * required, or only ports for {@code --to-ports}, optional), then the {@code flags}.
   */
  private static ModuleSpec nat(Action.NatKind kind, String option, Base base, List<String> flags,
      Hook... hooks) {
    boolean withAddress = !option.equals("--to-ports");
    List<OptionSpec> options = new ArrayList<>(List.of(rangeOption(option, withAddress)));
    flags.forEach(flag -> options.add(OptionSpec.flag(flag)));
    return ModuleSpec.target(kind.name(), options.toArray(new OptionSpec[0]))
        .onlyIn(Table.NAT)
        .onlyFrom(hooks)
        .withFinisher(rangeFinisher(kind.name(), option, withAddress, base))
        .does(canonical -> action(kind, canonical, option));
  }

  // ---- ranges --------------------------------------------------------------------------------

  /** What a target does with the {@code /base} of a shifted port range. */
  private enum Base {
    /** Kept and printed (DNAT revision 2). */
    KEPT,
    /** Accepted but not stored: iptables-save prints {@code /0} (SNAT, MASQUERADE). */
    LOST,
    /** Refused: REDIRECT has no revision that stores it. */
    REFUSED
  }

  /** A parsed NAT range; {@code base} is -1 without a {@code /base}. */
  private record Range(
      boolean mapIps, int minIp, int maxIp, boolean ports, int minPort, int maxPort, int base) {

    String format(boolean withAddress) {
      StringBuilder out = new StringBuilder();
      if (mapIps) {
        out.append(Ipv4.format(minIp));
        if (maxIp != minIp) {
          out.append('-').append(Ipv4.format(maxIp));
        }
      }
      if (ports) {
        if (withAddress) {
          out.append(':');
        }
        out.append(minPort);
        if (maxPort != minPort) {
          out.append('-').append(maxPort);
        }
        if (base >= 0) {
          out.append('/').append(base);
        }
      }
      return out.toString();
    }

    Range withBase(int newBase) {
      return new Range(mapIps, minIp, maxIp, ports, minPort, maxPort, newBase);
    }
  }

  /**
   * The range option as written, for the finisher to parse with the rule's protocol. Errors that
   * do not depend on the protocol are reported here, at the argument.
   */
  private static OptionSpec rangeOption(String name, boolean withAddress) {
    return OptionSpec.one(
        name,
        text -> {
          try {
            parseRange(text, true, withAddress);
          } catch (ArgException e) {
            if (!hasPortPart(text, withAddress)) {
              throw e;
            }
          }
          return text;
        });
  }

  /** Whether iptables would look at ports (and so at the protocol) while reading {@code text}. */
  private static boolean hasPortPart(String text, boolean withAddress) {
    if (!withAddress) {
      return true;
    }
    int colon = text.indexOf(':');
    return text.indexOf('[') < 0 && colon >= 0 && text.indexOf(':', colon + 1) < 0;
  }

  /** Parses the range for the rule's protocol; an address range must be given. */
  private static ModuleSpec.Finisher rangeFinisher(
      String module, String option, boolean withAddress, Base base) {
    return (rule, options) -> {
      boolean portOk = rule.protocolIs("tcp", "udp", "sctp", "dccp", "icmp");
      List<Option> out = new ArrayList<>();
      for (Option o : options) {
        if (!o.name().equals(option)) {
          out.add(o);
          continue;
        }
        Range range = parseRange(o.arg(), portOk, withAddress);
        if (range.base() >= 0 && base == Base.REFUSED) {
          throw new ArgException("Shifted portmap ranges not supported with this kernel")
              .explained(module + " cannot shift a port range: drop the /" + range.base());
        }
        if (range.base() >= 0 && base == Base.LOST) {
          range = range.withBase(0);
        }
        out.add(new Option(option, false, List.of(range.format(withAddress))));
      }
      if (withAddress && out.stream().noneMatch(o -> o.name().equals(option))) {
        throw new ArgException(module + ": option \"" + option + "\" must be specified")
            .explained(module + " needs the new " + (module.equals("DNAT") ? "destination"
                : "source address") + ", as in " + option + " 192.0.2.10");
      }
      return out;
    };
  }

  /** {@code ip[-ip][:ports]} (or only {@code ports} for {@code --to-ports}). */
  private static Range parseRange(String text, boolean portOk, boolean withAddress)
      throws ArgException {
    if (!withAddress) {
      int[] p = parsePorts(text, portOk);
      return new Range(false, 0, 0, true, p[0], p[1], p[2]);
    }
    if (text.indexOf('[') >= 0) {
      throw new ArgException("Invalid address format")
          .explained("brackets are for IPv6 addresses; write an IPv4 address as 192.0.2.10:80");
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
      colon = -1;
    }
    int[] p = null;
    if (colon >= 0) {
      p = parsePorts(text.substring(colon + 1), portOk);
      if (colon == 0) {
        return new Range(false, 0, 0, true, p[0], p[1], p[2]);
      }
    }
    String ips = colon >= 0 ? text.substring(0, colon) : text;
    int dash = ips.indexOf('-');
    int min = inetPton(dash >= 0 ? ips.substring(0, dash) : ips);
    int max = dash >= 0 ? inetPton(ips.substring(dash + 1)) : min;
    return p == null
        ? new Range(true, min, max, false, 0, 0, -1)
        : new Range(true, min, max, true, p[0], p[1], p[2]);
  }

  /** {@code port[-port[/base]]} as {@code {min, max, base or -1}}. */
  private static int[] parsePorts(String text, boolean portOk) throws ArgException {
    if (!portOk) {
      throw new ArgException(NEED_PROTOCOL)
          .explained("only TCP, UDP, SCTP and DCCP have ports to translate: add -p tcp or -p udp"
              + " to the rule");
    }
    Optional<CNumbers.Parsed> first = TargetArgs.strtoul(text, 0, 65535);
    int port;
    String rest;
    if (first.isPresent()) {
      port = (int) first.get().value();
      rest = text.substring(first.get().end());
    } else {
      port = service(text);
      rest = "";
    }
    if (rest.isEmpty()) {
      return new int[] {port, port, -1};
    }
    if (rest.charAt(0) == ':') {
      throw new ArgException("Invalid port:port syntax - use dash")
          .explained("NAT port ranges are written with a dash, as in 1024-2048");
    }
    if (rest.charAt(0) != '-') {
      throw new ArgException("Garbage after port value: `" + rest + "'")
          .explained("a port is a number from 0 to 65535 or a service name");
    }
    String second = rest.substring(1);
    Optional<CNumbers.Parsed> last = TargetArgs.strtoul(second, 0, 65535);
    if (last.isEmpty()) {
      throw notValid(second);
    }
    int maxPort = (int) last.get().value();
    if (maxPort < port) {
      throw new ArgException("Port range `" + second + "' funky")
          .explained("write the smaller port first, as in " + maxPort + "-" + port);
    }
    String after = second.substring(last.get().end());
    if (after.isEmpty()) {
      return new int[] {port, maxPort, -1};
    }
    if (after.charAt(0) != '/') {
      throw new ArgException("Garbage after port range: `" + after + "'")
          .explained("a range is two ports with a dash, optionally followed by /base");
    }
    String baseText = after.substring(1);
    Optional<CNumbers.Parsed> base = TargetArgs.strtoul(baseText, 1, 65535);
    return new int[] {port, maxPort, base.isPresent() ? (int) base.get().value()
        : service(baseText)};
  }

  private static int service(String text) throws ArgException {
    Optional<Integer> port = Services.port(text);
    if (port.isEmpty()) {
      throw notValid(text);
    }
    return port.get();
  }

  private static ArgException notValid(String text) {
    return new ArgException("Port `" + text + "' not valid")
        .explained("a port is a number from 0 to 65535; service names are allowed only for the"
            + " first port");
  }

  /** An address as {@code inet_pton} reads it: four decimal parts, no leading zeros. */
  private static int inetPton(String text) throws ArgException {
    String[] parts = text.split("\\.", -1);
    boolean ok = parts.length == 4;
    int value = 0;
    for (int i = 0; ok && i < 4; i++) {
      String part = parts[i];
      ok = !part.isEmpty() && part.length() <= 3 && part.chars().allMatch(Character::isDigit)
          && (part.length() == 1 || part.charAt(0) != '0') && Integer.parseInt(part) <= 255;
      value = ok ? (value << 8) | Integer.parseInt(part) : value;
    }
    if (!ok) {
      throw new ArgException("Bad IP address \"" + text + "\"")
          .explained("expected an IPv4 address such as 192.0.2.10, or a range such as"
              + " 192.0.2.10-192.0.2.20; host names are not allowed here");
    }
    return value;
  }

  // ---- meaning -------------------------------------------------------------------------------

  /** The canonical options of a NAT target as its action. */
  private static Action.Nat action(Action.NatKind kind, List<Option> options, String option) {
    Optional<Action.Range> addresses = Optional.empty();
    Optional<Action.Range> ports = Optional.empty();
    boolean random = false;
    boolean persistent = false;
    for (Option o : options) {
      if (o.name().equals(option)) {
        String text = o.arg();
        int colon = text.indexOf(':');
        String portText = option.equals("--to-ports") ? text
            : colon < 0 ? "" : text.substring(colon + 1);
        String addressText = option.equals("--to-ports") ? ""
            : colon < 0 ? text : text.substring(0, colon);
        if (!addressText.isEmpty()) {
          addresses = Optional.of(range(addressText, a -> Integer.toUnsignedLong(
              Ipv4.parse(a).orElseThrow()), -1));
        }
        if (!portText.isEmpty()) {
          int slash = portText.indexOf('/');
          int base = slash < 0 ? -1 : Integer.parseInt(portText.substring(slash + 1));
          ports = Optional.of(range(slash < 0 ? portText : portText.substring(0, slash),
              Long::parseLong, base));
        }
      }
      random |= o.name().equals("--random") || o.name().equals("--random-fully");
      persistent |= o.name().equals("--persistent");
    }
    return new Action.Nat(kind, addresses, ports, random, persistent);
  }

  private static Action.Range range(String text,
      java.util.function.ToLongFunction<String> value, int base) {
    int dash = text.indexOf('-');
    long first = value.applyAsLong(dash < 0 ? text : text.substring(0, dash));
    long last = dash < 0 ? first : value.applyAsLong(text.substring(dash + 1));
    return new Action.Range(first, last, base);
  }
}

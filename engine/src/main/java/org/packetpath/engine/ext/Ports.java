package org.packetpath.engine.ext;

import java.util.Optional;
import java.util.function.Function;
import org.packetpath.engine.net.Services;

/**
 * Ports as iptables reads them, which depends on the extension: {@code xtables_parse_port}
 * (tcp, multiport, sctp, the NAT targets: any C base, a reversed range refused) or the option
 * parser of libxtables through {@code getaddrinfo} (udp, dccp, conntrack: decimal, modulo
 * 65536, a reversed range kept).
 */
public final class Ports {
  private Ports() {}

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
    return range(text, Ports::port, false);
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
    return range(text, Ports::servicePort, true);
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
}

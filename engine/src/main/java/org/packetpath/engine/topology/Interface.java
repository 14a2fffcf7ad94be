package org.packetpath.engine.topology;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.packetpath.engine.net.Ipv4;

/**
 * A network interface of the firewall: its name (at most 15 characters, as Linux allows), its
 * IPv4 address with the prefix length of its network ({@code 10.0.0.1/24}), its MAC address if
 * given (lower case, colon separated), and its own {@code rp_filter} setting if it has one.
 */
public record Interface(
    String name, int address, int prefix, Optional<String> mac, Optional<Integer> rpFilter) {
  /** The longest interface name Linux accepts: IFNAMSIZ (16) less the final NUL. */
  public static final int MAX_NAME = 15;

  /** The loopback interface every Linux host has. */
  public static final Interface LOOPBACK =
      new Interface("lo", 0x7f000001, 8, Optional.empty(), Optional.empty());

  private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

  public Interface {
    if (!validName(name)) {
      throw new IllegalArgumentException("invalid interface name: " + name);
    }
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefix);
    }
    Objects.requireNonNull(mac, "mac");
    mac.filter(m -> !validMac(m)).ifPresent(m -> {
      throw new IllegalArgumentException("invalid MAC address: " + m);
    });
    Objects.requireNonNull(rpFilter, "rpFilter");
    rpFilter.filter(v -> v < 0 || v > 2).ifPresent(v -> {
      throw new IllegalArgumentException("rp_filter must be 0, 1 or 2: " + v);
    });
  }

  /**
   * Whether Linux accepts {@code name} for an interface: 1 to 15 characters, not "." or "..",
   * without "/", ":" or white space.
   */
  public static boolean validName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code mac} is six pairs of lower-case hex digits separated by colons. */
  public static boolean validMac(String mac) {
    return MAC.matcher(mac).matches();
  }

  /** The network the interface's address lies in: its connected network. */
  public Network network() {
    return Network.of(address, prefix);
  }

  public boolean isLoopback() {
    return name.equals(LOOPBACK.name);
  }

  @Override
  public String toString() {
    return name + " " + Ipv4.format(address) + "/" + prefix;
  }
}

package org.packetpath.engine.topology;

import java.util.Locale;
import java.util.Objects;

/**
 * A service the firewall itself listens on, written {@code 22/tcp}: packets delivered locally to
 * it reach a program; to other ports they are refused.
 */
public record Service(int port, Protocol protocol) {
  /** The transport protocols a service can use. */
  public enum Protocol {
    TCP,
    UDP;

    /** The name as iptables writes it: {@code tcp}, {@code udp}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Service {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(protocol, "protocol");
  }

  @Override
  public String toString() {
    return port + "/" + protocol.label();
  }
}

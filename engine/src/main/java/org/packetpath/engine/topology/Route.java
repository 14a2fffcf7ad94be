package org.packetpath.engine.topology;

import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.net.Ipv4;

/**
 * A route, as {@code ip route} shows it: packets to {@code destination} leave through {@code
 * device}, to the {@code gateway} router if there is one, else straight to their destination
 * (a network the device is on).
 */
public record Route(Network destination, Optional<Integer> gateway, String device) {
  public Route {
    Checks.nonNull("destination", destination, "gateway", gateway);
    if (!Interface.validName(device)) {
      throw new IllegalArgumentException("invalid device: " + device);
    }
  }

  /** The route the kernel adds for an interface's own network ({@code proto kernel}). */
  public static Route connected(Interface device) {
    return new Route(device.network(), Optional.empty(), device.name());
  }

  public boolean isDefault() {
    return destination.prefix() == 0;
  }

  /** The next hop for a packet to {@code address} on this route. */
  public int nextHop(int address) {
    return gateway.orElse(address);
  }

  /** As {@code ip route} prints it: {@code default via 203.0.113.254 dev wan0}. */
  @Override
  public String toString() {
    String to = isDefault() ? "default"
        : destination.prefix() == 32 ? Ipv4.format(destination.address())
        : destination.toString();
    return to + gateway.map(g -> " via " + Ipv4.format(g)).orElse("") + " dev " + device;
  }
}

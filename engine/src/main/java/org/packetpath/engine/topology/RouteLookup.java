package org.packetpath.engine.topology;

import org.packetpath.engine.input.Checks;

/**
 * The answer of a route lookup: the route chosen by longest prefix, the interface packets leave
 * through, and the next hop: the gateway, or the destination itself when it is on-link.
 */
public record RouteLookup(Route route, Interface device, int nextHop) {
  public RouteLookup {
    Checks.nonNull("route", route, "device", device);
    if (!route.device().equals(device.name())) {
      throw new IllegalArgumentException("route " + route + " does not use " + device.name());
    }
  }
}

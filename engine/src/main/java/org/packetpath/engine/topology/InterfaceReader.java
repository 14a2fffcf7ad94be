package org.packetpath.engine.topology;

import static org.packetpath.engine.topology.AddressValues.addressAndPrefix;
import static org.packetpath.engine.topology.AddressValues.network;
import static org.packetpath.engine.topology.AddressValues.singleAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.yaml.YamlFile;
import org.packetpath.engine.yaml.YamlNode;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/**
 * Reads the {@code interfaces:} and {@code routes:} of a topology file, checking routes against
 * the interfaces as {@code ip route} would. Not thread-safe; one per file.
 */
final class InterfaceReader {
  static final String RP_FILTER_HINT = "rp_filter is 0 (no check), 1 (strict) or 2 (loose)";

  private final YamlFile file;
  private final Map<String, Integer> interfaceLines = new LinkedHashMap<>();
  private final List<Interface> interfaces = new ArrayList<>();
  private final Map<String, SourcePosition> rpFilterPositions = new HashMap<>();
  private boolean interfacesComplete = true;
  private final List<Route> routes = new ArrayList<>();
  private final Map<Network, Integer> routeLines = new HashMap<>();

  InterfaceReader(YamlFile file) {
    this.file = file;
  }

  /** The interfaces read without error, in file order. */
  List<Interface> interfaces() {
    return interfaces;
  }

  List<Route> routes() {
    return routes;
  }

  /** Where each interface that has its own rp_filter sets it. */
  Map<String, SourcePosition> rpFilterPositions() {
    return rpFilterPositions;
  }

  void readInterface(YamlNode item) {
    Optional<Mapping> found = file.mapping(item, "an interface", "give each interface its keys,"
        + " like - name: eth0 and address: 10.0.0.1/24 on the next line");
    if (found.isEmpty()) {
      interfacesComplete = false;
      return;
    }
    Mapping m = found.get();
    file.checkKeys(m, List.of("name", "address", "mac", "rp_filter"), "of an interface");
    Optional<String> name = file.value(m, "name", true, "name the interface, like name: eth0")
        .filter(this::interfaceName).map(Scalar::value);
    Optional<int[]> address = file.value(m, "address", true, "give the interface its address"
        + " and network size, like address: 10.0.0.1/24").flatMap(s -> addressAndPrefix(file, s,
            true).filter(a -> newAddress(s, a[0])));
    Optional<String> mac = file.value(m, "mac", false, "").flatMap(s -> {
      String lower = s.value().toLowerCase(Locale.ROOT);
      if (Interface.validMac(lower)) {
        return Optional.of(lower);
      }
      file.error(s.position(), "invalid MAC address \"" + s.value() + "\"",
          "a MAC address is six pairs of hex digits separated by colons, like 52:54:00:12:34:56");
      return Optional.empty();
    });
    Optional<Integer> rp = file.value(m, "rp_filter", false, "").flatMap(s -> file.integer(s, 0,
        2, "invalid value \"" + s.value() + "\" for rp_filter", RP_FILTER_HINT));
    if (name.isEmpty() || address.isEmpty()) {
      interfacesComplete = false;
      return;
    }
    // Kept even when its MAC or rp_filter is wrong, so that routes are still checked against it.
    Interface made = new Interface(name.get(), address.get()[0], address.get()[1], mac, rp);
    interfaces.add(made);
    rp.ifPresent(v -> rpFilterPositions.put(made.name(), m.get("rp_filter").get().position()));
  }

  private boolean newAddress(Scalar s, int address) {
    Optional<Interface> other = ownAddress(address);
    other.ifPresent(o -> file.error(s.position(), "address " + Ipv4.format(address)
        + " is already on " + o.name(), "each interface needs an address of its own"));
    return other.isEmpty();
  }

  /** The interface read so far that has {@code address}, if any. */
  Optional<Interface> ownAddress(int address) {
    return interfaces.stream().filter(i -> i.address() == address).findFirst();
  }

  /** Whether {@code s} is a new interface's valid name; reports why not. */
  private boolean interfaceName(Scalar s) {
    String name = s.value();
    if (name.length() > Interface.MAX_NAME) {
      file.error(s.position(), "interface name \"" + name + "\" is too long",
          "Linux interface names have at most 15 characters");
    } else if (!Interface.validName(name)) {
      file.error(s.position(), "invalid interface name \"" + name + "\"",
          "Linux interface names have no spaces, / or :");
    } else if (name.equals("lo")) {
      file.error(s.position(), "interface \"lo\" is built in",
          "lo always exists, with 127.0.0.1/8; remove this entry");
    } else if (interfaceLines.containsKey(name)) {
      file.error(s.position(), "duplicate interface \"" + name + "\"",
          name + " is already declared on line " + interfaceLines.get(name));
    } else {
      interfaceLines.put(name, s.position().line());
      return true;
    }
    return false;
  }

  void readRoute(YamlNode item) {
    Optional<Mapping> found = file.mapping(item, "a route", "give each route its keys, like"
        + " - to: default and via: 192.0.2.1 on the next line");
    if (found.isEmpty()) {
      return;
    }
    Mapping m = found.get();
    int errors = file.errorCount();
    file.checkKeys(m, List.of("to", "via", "dev"), "of a route");
    Optional<Network> to = file.value(m, "to", true, "say where the route leads, like to:"
        + " default or to: 192.168.5.0/24").flatMap(s -> s.value().equals("default")
            ? Optional.of(Network.ANY) : network(file, s, false,
                "ip route would say \"Invalid prefix for given prefix length\""));
    Optional<Scalar> via = file.value(m, "via", false, "");
    Optional<Integer> gateway = via.flatMap(s -> singleAddress(file, s));
    Optional<Scalar> dev = file.value(m, "dev", false, "");
    dev.ifPresent(d -> knownInterface(d, true));
    if (m.entry("via").isEmpty() && m.entry("dev").isEmpty()) {
      file.error(m.position(), "a route needs \"via\" or \"dev\"", "via: the next router's"
          + " address; dev: the interface, for a network reached directly");
    }
    if (file.errorCount() > errors || !interfacesComplete) {
      return;
    }
    Optional<String> device = dev.map(Scalar::value);
    if (gateway.isPresent()) {
      device = gatewayDevice(via.get(), gateway.get(), device);
    }
    device.ifPresent(d -> addRoute(to.get(), gateway, d, m.get("to").orElseThrow().position()));
  }

  private void addRoute(Network destination, Optional<Integer> gateway, String device,
      SourcePosition at) {
    Optional<Interface> connected = interfaces.stream()
        .filter(i -> i.network().equals(destination)).findFirst();
    if (connected.isPresent()) {
      file.error(at, "route to " + destination + " duplicates the connected route of "
          + connected.get().name(), connected.get().name() + "'s address already makes "
          + destination + " reachable directly; ip route would say \"File exists\"");
    } else if (routeLines.containsKey(destination)) {
      file.error(at, "duplicate route to " + (destination.prefix() == 0 ? "default"
          : destination), "the route on line " + routeLines.get(destination) + " already leads"
          + " there; ip route would say \"File exists\"");
    } else {
      routeLines.put(destination, at.line());
      routes.add(new Route(destination, gateway, device));
    }
  }

  /** The device through which {@code gateway} is reached, or empty after reporting why not. */
  private Optional<String> gatewayDevice(Scalar via, int gateway, Optional<String> dev) {
    String kernel = "; ip route would say \"Nexthop has invalid gateway\"";
    if (gateway >>> 24 == 127 || ownAddress(gateway).isPresent()) {
      file.error(via.position(), "gateway " + via.value() + " is the firewall's own address",
          "the gateway is the next router: a neighbour's address on a connected network");
      return Optional.empty();
    }
    if (dev.isPresent()) {
      Interface device = interfaces.stream().filter(i -> i.name().equals(dev.get()))
          .findFirst().orElse(Interface.LOOPBACK);
      if (!device.network().contains(gateway)) {
        file.error(via.position(), "gateway " + via.value() + " is not on the network of "
            + device.name(), device.name() + " is on " + device.network() + kernel);
        return Optional.empty();
      }
      return dev;
    }
    Optional<Interface> neighbour = interfaces.stream()
        .filter(i -> i.network().contains(gateway)).findFirst();
    if (neighbour.isEmpty()) {
      file.error(via.position(), "gateway " + via.value() + " is not on a connected network",
          "a gateway must be a neighbour, in the network of an interface ("
              + String.join(", ", interfaces.stream().map(i -> i.name() + " " + i.network())
                  .toList()) + ")" + kernel);
    }
    return neighbour.map(Interface::name);
  }

  /** Reports {@code s} unless it names an interface (or lo, when {@code loAllowed}). */
  boolean knownInterface(Scalar s, boolean loAllowed) {
    String name = s.value();
    if (interfaceLines.containsKey(name) || loAllowed && name.equals("lo")) {
      return true;
    }
    if (name.equals("lo")) {
      file.error(s.position(), "nothing lies behind lo",
          "lo is the firewall's loopback: only the firewall itself is there");
    } else {
      file.error(s.position(), "unknown interface \"" + name + "\"",
          Suggest.closest(name, interfaceLines.keySet()).map(c -> "did you mean " + c + "?")
              .orElse("the interfaces are " + String.join(", ", interfaceLines.keySet())));
    }
    return false;
  }
}

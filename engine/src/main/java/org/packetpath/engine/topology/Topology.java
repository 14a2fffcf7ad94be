package org.packetpath.engine.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.net.Ipv4;

/**
 * The simulated firewall and its surroundings: its name, its interfaces ({@code lo} first,
 * always present with 127.0.0.1/8), the routes written for it (the connected routes of its
 * interfaces are derived), its sysctls, the services it listens on, the named hosts and
 * networks around it, and its ipsets.
 *
 * <p>Routing follows the kernel's main table: the longest matching prefix wins. Whether an
 * address is the firewall's own (the kernel's local table, consulted first) is {@link
 * #isLocal}.
 */
public record Topology(
    String firewall,
    List<Interface> interfaces,
    List<Route> routes,
    Sysctls sysctls,
    List<Service> services,
    List<NamedNetwork> names,
    List<AddressSet> sets) {

  private static final Network LOOPBACK_NET = new Network(0x7f000000, 8);

  public Topology {
    if (!NamedNetwork.validName(firewall)) {
      throw new IllegalArgumentException("invalid firewall name: " + firewall);
    }
    List<Interface> all = new ArrayList<>(interfaces);
    all.removeIf(i -> i.equals(Interface.LOOPBACK));
    all.add(0, Interface.LOOPBACK);
    interfaces = List.copyOf(all);
    routes = List.copyOf(routes);
    Objects.requireNonNull(sysctls, "sysctls");
    services = List.copyOf(services);
    names = List.copyOf(names);
    sets = List.copyOf(sets);
    unique("interface", interfaces.stream().map(Interface::name).toList());
    unique("service", services.stream().map(Service::toString).toList());
    unique("name", names.stream().map(NamedNetwork::name).toList());
    unique("set", sets.stream().map(AddressSet::name).toList());
    Set<String> devices = new HashSet<>(interfaces.stream().map(Interface::name).toList());
    for (Route route : routes) {
      require(devices.contains(route.device()), "route " + route + " uses an unknown device");
    }
    for (NamedNetwork name : names) {
      require(devices.contains(name.interfaceName()), name.name() + " is behind an unknown device");
      require(!name.name().equals(firewall), name.name() + " is the firewall's name");
    }
  }

  private static void unique(String what, List<String> values) {
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      require(seen.add(value), "duplicate " + what + ": " + value);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The same topology with other sysctls, as {@code sysctl -w} would leave it. */
  public Topology withSysctls(Sysctls newSysctls) {
    return new Topology(firewall, interfaces, routes, newSysctls, services, names, sets);
  }

  /** The interface called {@code name}, {@code lo} included. */
  public Optional<Interface> interfaceNamed(String name) {
    for (Interface i : interfaces) {
      if (i.name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The routes the kernel derives from the interfaces' addresses, in interface order. */
  public List<Route> connectedRoutes() {
    return interfaces.stream().map(Route::connected).toList();
  }

  /** The connected routes, then the written ones: the main routing table. */
  public List<Route> allRoutes() {
    List<Route> all = new ArrayList<>(connectedRoutes());
    all.addAll(routes);
    return all;
  }

  /**
   * The route to {@code destination}: the matching route with the longest prefix, its interface
   * and next hop; empty when nothing matches (no default route). The firewall's own addresses
   * are routed like any other here; ask {@link #isLocal} first.
   */
  public Optional<RouteLookup> route(int destination) {
    Interface connected = null;
    for (Interface i : interfaces) {
      int mask = i.prefix() == 0 ? 0 : -1 << (32 - i.prefix());
      if ((i.address() & mask) == (destination & mask)
          && (connected == null || i.prefix() > connected.prefix())) {
        connected = i;
      }
    }
    Route best = connected == null ? null : Route.connected(connected);
    for (Route candidate : routes) {
      if (candidate.destination().contains(destination)
          && (best == null || candidate.destination().prefix() > best.destination().prefix())) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best).map(r ->
        new RouteLookup(r, interfaceNamed(r.device()).orElseThrow(), r.nextHop(destination)));
  }

  /** Whether {@code address} is the firewall's own: an interface's address, or in 127.0.0.0/8. */
  public boolean isLocal(int address) {
    return LOOPBACK_NET.contains(address) || owner(address).isPresent();
  }

  /** The interface whose address {@code address} is; {@code lo} for all of 127.0.0.0/8. */
  public Optional<Interface> owner(int address) {
    if (LOOPBACK_NET.contains(address)) {
      return Optional.of(interfaces.get(0));
    }
    for (Interface i : interfaces) {
      if (i.address() == address) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * The interface {@code address} lies behind, where packets from it arrive: the owner of a
   * local address; else the interface of the most specific named host or network holding it;
   * else the interface the route to it uses. Empty when there is no route.
   */
  public Optional<Interface> interfaceFor(int address) {
    Optional<Interface> owner = owner(address);
    if (owner.isPresent()) {
      return owner;
    }
    Optional<NamedNetwork> named = nameOf(address);
    if (named.isPresent()) {
      return interfaceNamed(named.get().interfaceName());
    }
    return route(address).map(RouteLookup::device);
  }

  /** The named host or network called {@code name}. */
  public Optional<NamedNetwork> named(String name) {
    return names.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The most specific named host or network holding {@code address}. */
  public Optional<NamedNetwork> nameOf(int address) {
    return names.stream()
        .filter(n -> n.network().contains(address))
        .max(Comparator.comparingInt(n -> n.network().prefix()));
  }

  /**
   * The address that stands for a named host or network in packets: a host's address, a
   * network's {@code sample}, else its first address that is not the firewall's own (skipping
   * the network address itself when the network has room for hosts).
   */
  public int representative(NamedNetwork name) {
    if (name.sample().isPresent()) {
      return name.sample().get();
    }
    Network network = name.network();
    long first = network.prefix() >= 31 ? 0 : 1;
    for (long offset = first; offset < Math.min(network.size(), first + 4); offset++) {
      int candidate = network.address() + (int) offset;
      if (!isLocal(candidate)) {
        return candidate;
      }
    }
    return network.address() + (int) first;
  }

  /**
   * The address {@code name} stands for in a packet string, as {@link #resolve(String,
   * String)} with no preferred interface: the firewall's name gives its first interface.
   */
  public Optional<Integer> resolve(String name) {
    return resolve(name, "");
  }

  /**
   * The address {@code name} stands for in a packet string: a dotted-quad address itself; the
   * firewall's name ({@code fw}) the address of {@code preferredInterface} if it has one, else
   * of its first interface after {@code lo}; {@code fw.wan0} that interface's address; a host
   * its address; a network its {@link #representative}.
   */
  public Optional<Integer> resolve(String name, String preferredInterface) {
    Optional<Integer> literal = Ipv4.parse(name);
    if (literal.isPresent()) {
      return literal;
    }
    if (name.equals(firewall)) {
      Optional<Interface> preferred = interfaceNamed(preferredInterface);
      Interface chosen = preferred.orElse(interfaces.get(Math.min(1, interfaces.size() - 1)));
      return Optional.of(chosen.address());
    }
    if (name.startsWith(firewall + ".")) {
      return interfaceNamed(name.substring(firewall.length() + 1)).map(Interface::address);
    }
    return named(name).map(this::representative);
  }

  /** Every name {@link #resolve} knows, for suggestions: fw, fw.wan0 …, hosts and networks. */
  public List<String> resolvableNames() {
    List<String> all = new ArrayList<>();
    all.add(firewall);
    interfaces.forEach(i -> all.add(firewall + "." + i.name()));
    names.forEach(n -> all.add(n.name()));
    return all;
  }

  /** The ipset called {@code name}. */
  public Optional<AddressSet> set(String name) {
    for (AddressSet s : sets) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether the firewall listens on {@code port} with {@code protocol}. */
  public boolean listens(int port, Service.Protocol protocol) {
    for (Service s : services) {
      if (s.port() == port && s.protocol() == protocol) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reverse path filter mode for packets arriving on {@code interfaceName}: the higher of
   * {@code net.ipv4.conf.all.rp_filter} and the interface's own setting, as the kernel uses.
   */
  public int rpFilter(String interfaceName) {
    int own = interfaceNamed(interfaceName).flatMap(Interface::rpFilter).orElse(0);
    return Math.max(sysctls.rpFilter(), own);
  }
}

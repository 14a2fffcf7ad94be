package org.packetpath.engine.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.SourceText;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Services;
import org.packetpath.engine.yaml.Yaml;
import org.packetpath.engine.yaml.YamlNode.Entry;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;
import org.packetpath.engine.yaml.YamlNode.Sequence;
import org.packetpath.engine.yaml.YamlNode;
import org.packetpath.engine.yaml.YamlResult;

/**
 * Reads a topology file (YAML; the documented example is {@link #EXAMPLE}). Reports every
 * mistake it finds in one run, each at its line and column: syntax first (the file is read no
 * further when its YAML is broken), then unknown and missing keys, bad values and references.
 * A topology that loads may still get warnings, for settings that work but probably do not do
 * what their writer meant.
 *
 * <p>It is long because every mistake an instructor can make in a topology file gets its own
 * located message and hint.
 */
public final class TopologyParser {
  /** The class-path resource of the documented example topology. */
  public static final String EXAMPLE = "/org/packetpath/engine/topology/example.yaml";

  private static final List<String> TOP_KEYS = List.of(
      "firewall", "interfaces", "routes", "sysctls", "services", "hosts", "networks", "sets");
  private static final List<String> SYSCTLS =
      List.of("ip_forward", "rp_filter", "nf_conntrack_tcp_loose");
  private static final String ADDRESS_HINT =
      "an IPv4 address is four numbers from 0 to 255 separated by dots, like 10.0.0.1";
  private static final String NAME_HINT =
      "a name starts with a letter and holds only letters, digits, - and _";
  private static final int HASH_IP_MAX = 65536;

  private final String file;
  private final List<String> lines;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private String firewall = "";
  private final Map<String, Integer> interfaceLines = new LinkedHashMap<>();
  private final List<Interface> interfaces = new ArrayList<>();
  private final Map<String, SourcePosition> rpFilterPositions = new HashMap<>();
  private boolean interfacesComplete = true;
  private final List<Route> routes = new ArrayList<>();
  private final Map<Network, Integer> routeLines = new HashMap<>();
  private Sysctls sysctls = Sysctls.DEFAULTS;
  private final List<Service> services = new ArrayList<>();
  private final Map<Service, Integer> serviceLines = new HashMap<>();
  private final List<NamedNetwork> names = new ArrayList<>();
  private final Map<String, SourcePosition> namePositions = new HashMap<>();
  private final List<AddressSet> sets = new ArrayList<>();

  private TopologyParser(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /** Reads the topology in {@code text}, naming {@code file} in diagnostics. */
  public static TopologyResult parse(String file, String text) {
    return new TopologyParser(file, text).read(text);
  }

  /** Reads the topology file at {@code path}; a missing or unreadable file is a diagnostic. */
  public static TopologyResult parse(Path path) {
    SourceText source = SourceText.read(path);
    return source.text()
        .map(text -> parse(source.name(), text))
        .orElseGet(() ->
            new TopologyResult(Optional.empty(), List.of(source.error().orElseThrow())));
  }

  /** The text of the documented example topology. */
  public static String exampleText() {
    try (InputStream in = TopologyParser.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + EXAMPLE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TopologyResult read(String text) {
    YamlResult yaml = Yaml.parse(file, text);
    if (yaml.hasErrors()) {
      return new TopologyResult(Optional.empty(), yaml.diagnostics());
    }
    YamlNode root = yaml.root().orElseThrow();
    if (root instanceof Scalar s && s.isNull()) {
      error(root.position(), "the topology is empty",
          "a topology needs at least firewall: and interfaces:, see the example");
    } else {
      mapping(root, "the topology", "write one \"key: value\" per line, such as firewall: fw")
          .ifPresent(this::readTop);
    }
    Optional<Topology> topology = Optional.empty();
    if (errorCount() == 0) {
      Topology built = new Topology(firewall, interfaces, routes, sysctls, services, names, sets);
      warnAbout(built);
      topology = Optional.of(built);
    }
    diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
        .thenComparingInt(d -> d.position().column()));
    return new TopologyResult(topology, diagnostics);
  }

  private void readTop(Mapping top) {
    checkKeys(top, TOP_KEYS, "at the top");
    scalar(top, "firewall", true, "name the firewall, like firewall: fw").ifPresent(name -> {
      if (validName(name, "firewall name")) {
        firewall = name.value();
      }
    });
    list(top, "interfaces", true, "list the firewall's interfaces under interfaces:")
        .ifPresent(list -> {
          list.items().forEach(this::readInterface);
          if (list.items().isEmpty()) {
            error(list.position(), "no interfaces",
                "the firewall needs at least one interface besides lo");
          }
        });
    list(top, "routes", false, "").ifPresent(list -> list.items().forEach(this::readRoute));
    top.get("sysctls").flatMap(n -> mapping(n, "\"sysctls\"", "write one setting per line,"
        + " like ip_forward: 1")).ifPresent(this::readSysctls);
    list(top, "services", false, "").ifPresent(list -> list.items().forEach(this::readService));
    top.get("hosts").flatMap(n -> mapping(n, "\"hosts\"", "write one host per line, like"
        + " pc1: {address: 10.0.0.2, interface: lan0}")).ifPresent(m -> readNames(m, true));
    top.get("networks").flatMap(n -> mapping(n, "\"networks\"", "write one network per line,"
        + " like lan: {network: 10.0.0.0/24, interface: lan0}"))
        .ifPresent(m -> readNames(m, false));
    top.get("sets").flatMap(n -> mapping(n, "\"sets\"", "write one set per name, like"
        + " blocklist: {type: hash:ip, members: [192.0.2.66]}")).ifPresent(this::readSets);
  }

  // Interfaces and routes ---------------------------------------------------------------------

  private void readInterface(YamlNode item) {
    Optional<Mapping> found = mapping(item, "an interface", "give each interface its keys,"
        + " like - name: eth0 and address: 10.0.0.1/24 on the next line");
    if (found.isEmpty()) {
      interfacesComplete = false;
      return;
    }
    Mapping m = found.get();
    checkKeys(m, List.of("name", "address", "mac", "rp_filter"), "of an interface");
    Optional<String> name = scalar(m, "name", true, "name the interface, like name: eth0")
        .filter(this::interfaceName).map(Scalar::value);
    Optional<int[]> address = scalar(m, "address", true, "give the interface its address and"
        + " network size, like address: 10.0.0.1/24").flatMap(s -> addressAndPrefix(s, true)
            .filter(a -> newAddress(s, a[0])));
    Optional<String> mac = scalar(m, "mac", false, "").flatMap(s -> {
      String lower = s.value().toLowerCase(Locale.ROOT);
      if (Interface.validMac(lower)) {
        return Optional.of(lower);
      }
      error(s.position(), "invalid MAC address \"" + s.value() + "\"",
          "a MAC address is six pairs of hex digits separated by colons, like 52:54:00:12:34:56");
      return Optional.empty();
    });
    Optional<Integer> rp = scalar(m, "rp_filter", false, "").flatMap(s -> number(s, 2,
        "rp_filter", "rp_filter is 0 (no check), 1 (strict) or 2 (loose)"));
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
    Optional<Interface> other = interfaces.stream().filter(i -> i.address() == address)
        .findFirst();
    other.ifPresent(o -> error(s.position(), "address " + Ipv4.format(address)
        + " is already on " + o.name(), "each interface needs an address of its own"));
    return other.isEmpty();
  }

  /** Whether {@code s} is a new interface's valid name; reports why not. */
  private boolean interfaceName(Scalar s) {
    String name = s.value();
    if (name.length() > Interface.MAX_NAME) {
      error(s.position(), "interface name \"" + name + "\" is too long",
          "Linux interface names have at most 15 characters");
    } else if (!Interface.validName(name)) {
      error(s.position(), "invalid interface name \"" + name + "\"",
          "Linux interface names have no spaces, / or :");
    } else if (name.equals("lo")) {
      error(s.position(), "interface \"lo\" is built in",
          "lo always exists, with 127.0.0.1/8; remove this entry");
    } else if (interfaceLines.containsKey(name)) {
      error(s.position(), "duplicate interface \"" + name + "\"",
          name + " is already declared on line " + interfaceLines.get(name));
    } else {
      interfaceLines.put(name, s.position().line());
      return true;
    }
    return false;
  }

  private void readRoute(YamlNode item) {
    Optional<Mapping> found = mapping(item, "a route", "give each route its keys, like"
        + " - to: default and via: 192.0.2.1 on the next line");
    if (found.isEmpty()) {
      return;
    }
    Mapping m = found.get();
    int errors = errorCount();
    checkKeys(m, List.of("to", "via", "dev"), "of a route");
    Optional<Network> to = scalar(m, "to", true, "say where the route leads, like to: default"
        + " or to: 192.168.5.0/24").flatMap(s -> s.value().equals("default")
            ? Optional.of(Network.ANY) : network(s, false,
                "ip route would say \"Invalid prefix for given prefix length\""));
    Optional<Scalar> via = scalar(m, "via", false, "");
    Optional<Integer> gateway = via.flatMap(this::singleAddress);
    Optional<Scalar> dev = scalar(m, "dev", false, "");
    dev.ifPresent(d -> knownInterface(d, true));
    if (via.isEmpty() && dev.isEmpty() && !m.entry("via").isPresent()
        && !m.entry("dev").isPresent()) {
      error(m.position(), "a route needs \"via\" or \"dev\"", "via: the next router's address;"
          + " dev: the interface, for a network reached directly");
    }
    if (errorCount() > errors || !interfacesComplete) {
      return;
    }
    Optional<String> device = dev.map(Scalar::value);
    if (gateway.isPresent()) {
      device = gatewayDevice(via.get(), gateway.get(), device);
    }
    if (device.isEmpty()) {
      return;
    }
    Network destination = to.get();
    SourcePosition at = m.get("to").orElseThrow().position();
    Optional<Interface> connected = interfaces.stream()
        .filter(i -> i.network().equals(destination)).findFirst();
    if (connected.isPresent()) {
      error(at, "route to " + destination + " duplicates the connected route of "
          + connected.get().name(), connected.get().name() + "'s address already makes "
          + destination + " reachable directly; ip route would say \"File exists\"");
    } else if (routeLines.containsKey(destination)) {
      error(at, "duplicate route to " + (destination.prefix() == 0 ? "default" : destination),
          "the route on line " + routeLines.get(destination) + " already leads there;"
              + " ip route would say \"File exists\"");
    } else {
      routeLines.put(destination, at.line());
      routes.add(new Route(destination, gateway, device.get()));
    }
  }

  /** The device through which {@code gateway} is reached, or empty after reporting why not. */
  private Optional<String> gatewayDevice(Scalar via, int gateway, Optional<String> dev) {
    String kernel = "; ip route would say \"Nexthop has invalid gateway\"";
    if (gateway >>> 24 == 127 || interfaces.stream().anyMatch(i -> i.address() == gateway)) {
      error(via.position(), "gateway " + via.value() + " is the firewall's own address",
          "the gateway is the next router: a neighbour's address on a connected network");
      return Optional.empty();
    }
    if (dev.isPresent()) {
      Interface device = interfaces.stream().filter(i -> i.name().equals(dev.get()))
          .findFirst().orElse(Interface.LOOPBACK);
      if (!device.network().contains(gateway)) {
        error(via.position(), "gateway " + via.value() + " is not on the network of "
            + device.name(), device.name() + " is on " + device.network() + kernel);
        return Optional.empty();
      }
      return dev;
    }
    Optional<Interface> neighbour = interfaces.stream()
        .filter(i -> i.network().contains(gateway)).findFirst();
    if (neighbour.isEmpty()) {
      error(via.position(), "gateway " + via.value() + " is not on a connected network",
          "a gateway must be a neighbour, in the network of an interface ("
              + String.join(", ", interfaces.stream().map(i -> i.name() + " " + i.network())
                  .toList()) + ")" + kernel);
    }
    return neighbour.map(Interface::name);
  }

  /** Reports {@code s} unless it names an interface (or lo, when {@code loAllowed}). */
  private boolean knownInterface(Scalar s, boolean loAllowed) {
    String name = s.value();
    if (interfaceLines.containsKey(name) || loAllowed && name.equals("lo")) {
      return true;
    }
    if (name.equals("lo")) {
      error(s.position(), "nothing lies behind lo",
          "lo is the firewall's loopback: only the firewall itself is there");
    } else {
      error(s.position(), "unknown interface \"" + name + "\"",
          Suggest.closest(name, interfaceLines.keySet()).map(c -> "did you mean " + c + "?")
              .orElse("the interfaces are " + String.join(", ", interfaceLines.keySet())));
    }
    return false;
  }

  // Sysctls and services ----------------------------------------------------------------------

  private void readSysctls(Mapping m) {
    checkKeys(m, SYSCTLS, "under sysctls");
    scalar(m, "ip_forward", false, "").flatMap(s -> number(s, 1, "ip_forward",
        "ip_forward is 0 (the firewall routes nothing) or 1 (it forwards packets between its"
            + " interfaces)")).ifPresent(v -> sysctls = sysctls.withIpForward(v));
    scalar(m, "rp_filter", false, "").flatMap(s -> number(s, 2, "rp_filter",
        "rp_filter is 0 (no check), 1 (strict) or 2 (loose)"))
        .ifPresent(v -> sysctls = sysctls.withRpFilter(v));
    scalar(m, "nf_conntrack_tcp_loose", false, "").flatMap(s -> number(s, 1,
        "nf_conntrack_tcp_loose", "nf_conntrack_tcp_loose is 0 (conntrack only tracks"
            + " connections it saw start) or 1 (it picks up connections under way)"))
        .ifPresent(v -> sysctls = sysctls.withTcpLoose(v));
  }

  private void readService(YamlNode item) {
    String hint = "a service is a port and a protocol, like 22/tcp or 161/udp";
    Optional<Scalar> found = scalarItem(item, "a service", hint);
    if (found.isEmpty()) {
      return;
    }
    Scalar s = found.get();
    String text = s.value();
    int slash = text.indexOf('/');
    if (slash < 0) {
      error(s.position(), "invalid service \"" + text + "\"", hint);
      return;
    }
    String portText = text.substring(0, slash);
    Optional<Integer> port = portText.chars().allMatch(Character::isDigit) && !portText.isEmpty()
        ? Optional.of(portText.length() > 5 ? 0 : Integer.parseInt(portText))
            .filter(p -> p >= 1 && p <= 65535)
        : Services.port(portText);
    if (port.isEmpty()) {
      error(s.position(), "invalid port \"" + portText + "\"",
          "a port is a number from 1 to 65535, or a service name like ssh");
    }
    String protocolText = text.substring(slash + 1);
    Optional<Service.Protocol> protocol = protocolText.equals("tcp")
        ? Optional.of(Service.Protocol.TCP)
        : protocolText.equals("udp") ? Optional.of(Service.Protocol.UDP) : Optional.empty();
    if (protocol.isEmpty()) {
      error(s.positionAt(slash + 1), "unknown protocol \"" + protocolText + "\"",
          Suggest.closest(protocolText, List.of("tcp", "udp")).map(c -> "did you mean " + c + "? ")
              .orElse("") + "a service's protocol is tcp or udp");
    }
    if (port.isPresent() && protocol.isPresent()) {
      Service service = new Service(port.get(), protocol.get());
      Integer earlier = serviceLines.putIfAbsent(service, s.position().line());
      if (earlier != null) {
        error(s.position(), "duplicate service " + service,
            service + " is already listed on line " + earlier);
      } else {
        services.add(service);
      }
    }
  }

  // Named hosts and networks, sets ------------------------------------------------------------

  private void readNames(Mapping section, boolean hosts) {
    for (Entry entry : section.entries()) {
      Scalar key = entry.key();
      boolean nameOk = validName(key, "name");
      if (nameOk && key.value().equals(firewall)) {
        error(key.position(), "name \"" + key.value() + "\" is the firewall's name",
            key.value() + " already stands for the firewall itself; choose another name");
        nameOk = false;
      } else if (nameOk && namePositions.containsKey(key.value())) {
        error(key.position(), "name \"" + key.value() + "\" is already used on line "
            + namePositions.get(key.value()).line(), "hosts and networks share one set of names");
        nameOk = false;
      } else if (nameOk) {
        namePositions.put(key.value(), key.position());
      }
      String example = hosts ? "pc1: {address: 10.0.0.2, interface: lan0}"
          : "lan: {network: 10.0.0.0/24, interface: lan0}";
      Optional<Mapping> found = mapping(entry.value(), (hosts ? "a host" : "a network"),
          "give its keys, like " + example);
      if (found.isEmpty()) {
        continue;
      }
      int errors = errorCount();
      String name = nameOk ? key.value() : "";
      Optional<NamedNetwork> named = hosts ? readHost(name, found.get())
          : readNetwork(name, found.get());
      if (errorCount() == errors) {
        named.ifPresent(names::add);
      }
    }
  }

  /** A host's entry, checked; built only if {@code name} is not empty (not already refused). */
  private Optional<NamedNetwork> readHost(String name, Mapping m) {
    checkKeys(m, List.of("address", "interface"), "of a host");
    Optional<Integer> address = scalar(m, "address", true, "give the host's address, like"
        + " address: 10.0.0.2").flatMap(this::hostAddress);
    Optional<String> behind = behind(m);
    if (name.isEmpty() || address.isEmpty() || behind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(NamedNetwork.host(name, address.get(), behind.get()));
  }

  private Optional<Integer> hostAddress(Scalar s) {
    Optional<int[]> parsed = addressAndPrefix(s, false);
    if (parsed.isPresent() && parsed.get()[1] != 32) {
      error(s.position(), "invalid host address \"" + s.value() + "\"",
          "a host is a single address, like 10.0.0.2; put networks under networks:");
      return Optional.empty();
    }
    return parsed.map(a -> a[0]).filter(a -> notOwnAddress(s, a));
  }

  /** A network's entry, checked; built only if {@code name} is not empty. */
  private Optional<NamedNetwork> readNetwork(String name, Mapping m) {
    checkKeys(m, List.of("network", "interface", "sample"), "of a network");
    Optional<Network> network = scalar(m, "network", true, "give the network, like"
        + " network: 10.0.0.0/24").flatMap(s -> network(s, true, ""));
    Optional<String> behind = behind(m);
    Optional<Scalar> sampleText = scalar(m, "sample", false, "");
    Optional<Integer> sample = sampleText.flatMap(this::hostAddress);
    if (name.isEmpty() || network.isEmpty() || behind.isEmpty()
        || sampleText.isPresent() && sample.isEmpty()) {
      return Optional.empty();
    }
    if (sample.isPresent() && !network.get().contains(sample.get())) {
      error(sampleText.get().position(), "sample " + sampleText.get().value() + " is not in "
          + network.get(), "the sample stands for the network in packets, so it must lie in it");
      return Optional.empty();
    }
    return Optional.of(new NamedNetwork(name, network.get(), behind.get(), sample));
  }

  private Optional<String> behind(Mapping m) {
    return scalar(m, "interface", true, "say which interface of the firewall it lies behind,"
        + " like interface: lan0").filter(s -> knownInterface(s, false)).map(Scalar::value);
  }

  private boolean notOwnAddress(Scalar s, int address) {
    Optional<Interface> own = interfaces.stream().filter(i -> i.address() == address).findFirst();
    own.ifPresent(i -> error(s.position(), Ipv4.format(address) + " is the firewall's own"
        + " address", "write " + (firewall.isEmpty() ? "the firewall's name" : firewall + "."
        + i.name()) + " to mean the firewall"));
    return own.isEmpty();
  }

  private void readSets(Mapping section) {
    for (Entry entry : section.entries()) {
      Scalar key = entry.key();
      boolean nameOk = true;
      if (key.value().length() > AddressSet.MAX_NAME) {
        error(key.position(), "set name \"" + key.value() + "\" is too long",
            "ipset names have at most 31 characters");
        nameOk = false;
      } else {
        nameOk = validName(key, "set name");
      }
      Optional<Mapping> found = mapping(entry.value(), "a set",
          "give its keys, like blocklist: {type: hash:ip, members: [192.0.2.66]}");
      if (found.isEmpty()) {
        continue;
      }
      Mapping m = found.get();
      int errors = errorCount();
      checkKeys(m, List.of("type", "members"), "of a set");
      Optional<AddressSet.Type> type = scalar(m, "type", true, "give the set's type, hash:ip or"
          + " hash:net").flatMap(this::setType);
      List<Network> members = new ArrayList<>();
      list(m, "members", false, "").ifPresent(list -> type.ifPresent(t ->
          list.items().forEach(item -> member(item, t, members))));
      if (nameOk && errorCount() == errors) {
        sets.add(new AddressSet(key.value(), type.get(), members));
      }
    }
  }

  private Optional<AddressSet.Type> setType(Scalar s) {
    Optional<AddressSet.Type> type = AddressSet.Type.of(s.value());
    if (type.isEmpty()) {
      error(s.position(), "unknown set type \"" + s.value() + "\"",
          Suggest.closest(s.value(), List.of("hash:ip", "hash:net")).map(c -> "did you mean " + c
              + "? ").orElse("") + "the types are hash:ip (addresses) and hash:net (networks)");
    }
    return type;
  }

  private void member(YamlNode item, AddressSet.Type type, List<Network> members) {
    Optional<Scalar> found = scalarItem(item, "a set member", "write one address per item");
    if (found.isEmpty()) {
      return;
    }
    Scalar s = found.get();
    String text = s.value();
    int slash = text.indexOf('/');
    if (Ipv4.parse(slash < 0 ? text : text.substring(0, slash)).isEmpty()) {
      Optional<NamedNetwork> named = names.stream().filter(n -> n.name().equals(text)).findFirst();
      error(s.position(), "set member \"" + text + "\" is not an address", named.map(n ->
          "write " + text + "'s " + (n.isHost() ? "address, " + Ipv4.format(n.network()
              .address()) : "network, " + n.network())).orElse(ADDRESS_HINT));
      return;
    }
    Optional<int[]> parsed = addressAndPrefix(s, false);
    if (parsed.isEmpty()) {
      return;
    }
    Network network = Network.of(parsed.get()[0], parsed.get()[1]);
    if (network.address() != parsed.get()[0]) {
      warning(s.position(), "set member " + text + " is stored as " + network,
          "ipset keeps only the network; write " + network + " to say what you mean");
    }
    long held = members.stream().mapToLong(Network::size).sum() + network.size();
    if (type == AddressSet.Type.HASH_NET && network.prefix() == 0) {
      error(s.position(), "hash:net cannot hold " + network, "ipset would say \"The value of the"
          + " CIDR parameter of the IP address is invalid\"; a rule without the set matches all");
    } else if (type == AddressSet.Type.HASH_IP && network.address() == 0) {
      error(s.position(), "hash:ip cannot hold " + text, "ipset would say \"Null-valued"
          + " element, cannot be stored in a hash type of set\"");
    } else if (type == AddressSet.Type.HASH_IP && held > HASH_IP_MAX) {
      error(s.position(), "too many addresses for a hash:ip set", "a hash:ip set holds at"
          + " most 65536 addresses (ipset: \"Hash is full\"); use type: hash:net for networks");
    } else if (members.contains(network)) {
      error(s.position(), "set member " + network + " is already in the set",
          "ipset would say \"Element cannot be added to the set: it's already added\"");
    } else {
      members.add(network);
    }
  }

  // Warnings on a topology that loads ---------------------------------------------------------

  private void warnAbout(Topology topology) {
    for (NamedNetwork n : topology.names()) {
      SourcePosition at = namePositions.get(n.name());
      int stands = topology.representative(n);
      String address = Ipv4.format(stands);
      Optional<NamedNetwork> inner = topology.nameOf(stands).filter(o -> !o.equals(n));
      Optional<RouteLookup> route = topology.route(stands);
      if (stands >>> 24 == 0 || stands >>> 24 == 127) {
        warning(at, "\"" + n.name() + "\" stands for " + address + ", which is not a usable"
            + " address", "add sample: with an address of the network to use in packets");
      } else if (inner.isPresent()) {
        warning(at, "\"" + n.name() + "\" stands for " + address + ", which is in \""
            + inner.get().name() + "\"", "packets from " + n.name() + " would look like they"
            + " come from " + inner.get().name() + "; choose a sample: outside it");
      } else if (route.isEmpty()) {
        warning(at, "no route to \"" + n.name() + "\" (" + address + ")",
            "packets to it cannot leave the firewall; add a route, such as a default route");
      } else if (!route.get().device().name().equals(n.interfaceName())) {
        warning(at, "\"" + n.name() + "\" is behind " + n.interfaceName() + ", but the route to "
            + address + " leaves through " + route.get().device().name(), "replies to it would"
            + " go out of " + route.get().device().name() + ", and with rp_filter on, packets"
            + " from it arriving on " + n.interfaceName() + " are dropped");
      }
    }
    for (Interface i : topology.interfaces()) {
      if (i.rpFilter().isPresent() && i.rpFilter().get() < sysctls.rpFilter()) {
        warning(rpFilterPositions.get(i.name()), "rp_filter " + i.rpFilter().get() + " on "
            + i.name() + " has no effect", "the kernel uses the higher of"
            + " net.ipv4.conf.all.rp_filter (" + sysctls.rpFilter() + ") and the interface's own"
            + " value");
      }
    }
  }

  // Values -------------------------------------------------------------------------------------

  /** An address with an optional (or required) prefix length, as {address, prefix}. */
  private Optional<int[]> addressAndPrefix(Scalar s, boolean prefixRequired) {
    String text = s.value();
    int slash = text.indexOf('/');
    Optional<Integer> address = Ipv4.parse(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      error(s.position(), "invalid address \"" + text + "\"", ADDRESS_HINT);
      return Optional.empty();
    }
    if (slash < 0) {
      if (prefixRequired) {
        error(s.position(), "address \"" + text + "\" has no prefix length", "write the address"
            + " with the size of its network, like " + text + "/24");
        return Optional.empty();
      }
      return Optional.of(new int[] {address.get(), 32});
    }
    String bits = text.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)
        || Integer.parseInt(bits) > 32) {
      error(s.positionAt(slash + 1), "invalid prefix length \"" + bits + "\"",
          "an IPv4 prefix length is a number from 0 to 32");
      return Optional.empty();
    }
    return Optional.of(new int[] {address.get(), Integer.parseInt(bits)});
  }

  private Optional<Integer> singleAddress(Scalar s) {
    Optional<Integer> address = Ipv4.parse(s.value());
    if (address.isEmpty()) {
      error(s.position(), "invalid address \"" + s.value() + "\"", ADDRESS_HINT);
    }
    return address;
  }

  /** A network whose host part is zero; a plain address is a /32 unless a prefix is required. */
  private Optional<Network> network(Scalar s, boolean prefixRequired, String kernelNote) {
    return addressAndPrefix(s, prefixRequired).flatMap(a -> {
      Network network = Network.of(a[0], a[1]);
      if (network.address() != a[0]) {
        error(s.position(), "\"" + s.value() + "\" is not a network address", "its host part is"
            + " not zero: did you mean " + network + "?" + (kernelNote.isEmpty() ? ""
                : " (" + kernelNote + ")"));
        return Optional.empty();
      }
      return Optional.of(network);
    });
  }

  private Optional<Integer> number(Scalar s, int max, String key, String hint) {
    String v = s.value();
    if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '0' + max) {
      return Optional.of(v.charAt(0) - '0');
    }
    error(s.position(), "invalid value \"" + v + "\" for " + key, hint);
    return Optional.empty();
  }

  private boolean validName(Scalar s, String what) {
    if (!NamedNetwork.validName(s.value())) {
      error(s.position(), "invalid " + what + " \"" + s.value() + "\"", NAME_HINT);
      return false;
    }
    return true;
  }

  // Structure ----------------------------------------------------------------------------------

  private void checkKeys(Mapping m, List<String> known, String where) {
    for (Entry entry : m.entries()) {
      String key = entry.key().value();
      if (known.contains(key)) {
        continue;
      }
      String last = key.substring(key.lastIndexOf('.') + 1);
      Optional<String> suggestion = known.contains(last) ? Optional.of(last)
          : Suggest.closest(key, known);
      error(entry.key().position(), "unknown key \"" + key + "\"", suggestion
          .map(c -> "did you mean " + c + "?")
          .orElse("the keys " + where + " are " + String.join(", ", known)));
    }
  }

  private Optional<Mapping> mapping(YamlNode node, String what, String hint) {
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    error(node.position(), what + " must be a mapping, not " + describe(node), hint);
    return Optional.empty();
  }

  /** The value of {@code key}, reporting it if it is missing (and required) or not a list. */
  private Optional<Sequence> list(Mapping m, String key, boolean required, String hint) {
    Optional<Entry> entry = m.entry(key);
    if (entry.isEmpty()) {
      if (required) {
        error(m.position(), "missing key \"" + key + "\"", hint);
      }
      return Optional.empty();
    }
    YamlNode value = entry.get().value();
    if (value instanceof Sequence s) {
      return Optional.of(s);
    }
    if (value instanceof Scalar s && s.isNull()) {
      return Optional.of(new Sequence(List.of(), s.position()));
    }
    error(value.position(), "\"" + key + "\" must be a list, not " + describe(value),
        "write one item per line, each starting with \"- \", or [a, b] on one line");
    return Optional.empty();
  }

  /** The value of {@code key}, reporting it if it is missing (and required) or not a value. */
  private Optional<Scalar> scalar(Mapping m, String key, boolean required, String hint) {
    Optional<Entry> entry = m.entry(key);
    if (entry.isEmpty()) {
      if (required) {
        error(m.position(), "missing key \"" + key + "\"", hint);
      }
      return Optional.empty();
    }
    YamlNode value = entry.get().value();
    if (value instanceof Scalar s && s.isNull()) {
      error(entry.get().key().position(), "missing value for \"" + key + "\"",
          required ? hint : "write a value after \"" + key + ":\" or remove the line");
      return Optional.empty();
    }
    return scalarItem(value, "\"" + key + "\"", hint);
  }

  private Optional<Scalar> scalarItem(YamlNode node, String what, String hint) {
    if (node instanceof Scalar s && !s.isNull()) {
      return Optional.of(s);
    }
    error(node.position(), what + " must be a single value, not " + describe(node),
        hint.isEmpty() ? "write a single value after the key" : hint);
    return Optional.empty();
  }

  private static String describe(YamlNode node) {
    return node instanceof Scalar s && s.isNull() ? "empty" : node.kind();
  }

  private int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  private void error(SourcePosition at, String message, String hint) {
    diagnostics.add(Diagnostic.error(at, sourceLine(at), message).explained(hint));
  }

  private void warning(SourcePosition at, String message, String hint) {
    diagnostics.add(Diagnostic.warning(at, sourceLine(at), message).explained(hint));
  }

  private String sourceLine(SourcePosition at) {
    return at.line() >= 1 && at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
  }
}

package org.packetpath.engine.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.SourceText;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Services;
import org.packetpath.engine.yaml.YamlFile;
import org.packetpath.engine.yaml.YamlNode;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/**
 * Reads a topology file (YAML; the documented example is {@link #EXAMPLE}). Reports every
 * mistake it finds in one run, each at its line and column: syntax first (the file is read no
 * further when its YAML is broken), then unknown and missing keys, bad values and references.
 * A topology that loads may still get warnings, for settings that work but probably do not do
 * what their writer meant. {@code InterfaceReader} reads the interfaces and routes, {@code
 * NameReader} the hosts, networks and sets; this class the rest, and the warnings.
 */
public final class TopologyParser {
  /** The class-path resource of the documented example topology. */
  public static final String EXAMPLE = "/org/packetpath/engine/topology/example.yaml";

  private static final List<String> TOP_KEYS = List.of(
      "firewall", "interfaces", "routes", "sysctls", "services", "hosts", "networks", "sets");
  private static final List<String> SYSCTLS =
      List.of("ip_forward", "rp_filter", "nf_conntrack_tcp_loose");

  private final YamlFile file;
  private String firewall = "";
  private final InterfaceReader interfaces;
  private Sysctls sysctls = Sysctls.DEFAULTS;
  private final List<Service> services = new ArrayList<>();
  private final Map<Service, Integer> serviceLines = new HashMap<>();
  private Optional<NameReader> names = Optional.empty();

  private TopologyParser(YamlFile file) {
    this.file = file;
    this.interfaces = new InterfaceReader(file);
  }

  /** Reads the topology in {@code text}, naming {@code file} in diagnostics. */
  public static Parsed<Topology> parse(String file, String text) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<Topology> topology = YamlFile.read(file, text, diagnostics)
        .flatMap(yaml -> new TopologyParser(yaml).read());
    diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
        .thenComparingInt(d -> d.position().column()));
    return new Parsed<>(topology, diagnostics);
  }

  /** Reads the topology file at {@code path}; a missing or unreadable file is a diagnostic. */
  public static Parsed<Topology> parse(Path path) {
    SourceText source = SourceText.read(path);
    return source.text()
        .map(text -> parse(source.name(), text))
        .orElseGet(() -> Parsed.failed(source.error().orElseThrow()));
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

  /** The topology, if the file has no error; every diagnostic goes to the file's list. */
  private Optional<Topology> read() {
    file.root("the topology", "a topology needs at least firewall: and interfaces:, see the"
        + " example").ifPresent(this::readTop);
    if (file.errorCount() > 0) {
      return Optional.empty();
    }
    NameReader named = names.orElseThrow();
    Topology built = new Topology(firewall, interfaces.interfaces(), interfaces.routes(),
        sysctls, services, named.names(), named.sets());
    warnAbout(built, named.namePositions());
    return Optional.of(built);
  }

  private void readTop(Mapping top) {
    file.checkKeys(top, TOP_KEYS, "at the top");
    file.value(top, "firewall", true, "name the firewall, like firewall: fw").ifPresent(name -> {
      if (AddressValues.validName(file, name, "firewall name")) {
        firewall = name.value();
      }
    });
    file.list(top, "interfaces", true, "list the firewall's interfaces under interfaces:")
        .ifPresent(list -> {
          list.items().forEach(interfaces::readInterface);
          if (list.items().isEmpty()) {
            file.error(list.position(), "no interfaces",
                "the firewall needs at least one interface besides lo");
          }
        });
    file.list(top, "routes", false, "")
        .ifPresent(list -> list.items().forEach(interfaces::readRoute));
    top.get("sysctls").flatMap(n -> file.mapping(n, "\"sysctls\"", "write one setting per"
        + " line, like ip_forward: 1")).ifPresent(this::readSysctls);
    file.list(top, "services", false, "")
        .ifPresent(list -> list.items().forEach(this::readService));
    NameReader named = new NameReader(file, firewall, interfaces);
    names = Optional.of(named);
    top.get("hosts").flatMap(n -> file.mapping(n, "\"hosts\"", "write one host per line, like"
        + " pc1: {address: 10.0.0.2, interface: lan0}")).ifPresent(m -> named.readNames(m, true));
    top.get("networks").flatMap(n -> file.mapping(n, "\"networks\"", "write one network per"
        + " line, like lan: {network: 10.0.0.0/24, interface: lan0}"))
        .ifPresent(m -> named.readNames(m, false));
    top.get("sets").flatMap(n -> file.mapping(n, "\"sets\"", "write one set per name, like"
        + " blocklist: {type: hash:ip, members: [192.0.2.66]}")).ifPresent(named::readSets);
  }

  // Sysctls and services ----------------------------------------------------------------------

  private void readSysctls(Mapping m) {
    file.checkKeys(m, SYSCTLS, "under sysctls");
    sysctl(m, "ip_forward", 1, "ip_forward is 0 (the firewall routes nothing) or 1 (it forwards"
        + " packets between its interfaces)").ifPresent(v -> sysctls = sysctls.withIpForward(v));
    sysctl(m, "rp_filter", 2, InterfaceReader.RP_FILTER_HINT)
        .ifPresent(v -> sysctls = sysctls.withRpFilter(v));
    sysctl(m, "nf_conntrack_tcp_loose", 1, "nf_conntrack_tcp_loose is 0 (conntrack only tracks"
        + " connections it saw start) or 1 (it picks up connections under way)")
        .ifPresent(v -> sysctls = sysctls.withTcpLoose(v));
  }

  private Optional<Integer> sysctl(Mapping m, String key, int max, String hint) {
    return file.value(m, key, false, "").flatMap(s -> file.integer(s, 0, max,
        "invalid value \"" + s.value() + "\" for " + key, hint));
  }

  private void readService(YamlNode item) {
    String hint = "a service is a port and a protocol, like 22/tcp or 161/udp";
    Optional<Scalar> found = file.value(item, "a service", hint);
    if (found.isEmpty()) {
      return;
    }
    Scalar s = found.get();
    String text = s.value();
    int slash = text.indexOf('/');
    if (slash < 0) {
      file.error(s.position(), "invalid service \"" + text + "\"", hint);
      return;
    }
    String portText = text.substring(0, slash);
    Optional<Integer> port = portText.chars().allMatch(Character::isDigit) && !portText.isEmpty()
        ? Optional.of(portText.length() > 5 ? 0 : Integer.parseInt(portText))
            .filter(p -> p >= 1 && p <= 65535)
        : Services.port(portText);
    if (port.isEmpty()) {
      file.error(s.position(), "invalid port \"" + portText + "\"",
          "a port is a number from 1 to 65535, or a service name like ssh");
    }
    String protocolText = text.substring(slash + 1);
    Optional<Service.Protocol> protocol = protocolText.equals("tcp")
        ? Optional.of(Service.Protocol.TCP)
        : protocolText.equals("udp") ? Optional.of(Service.Protocol.UDP) : Optional.empty();
    if (protocol.isEmpty()) {
      file.error(s.positionAt(slash + 1), "unknown protocol \"" + protocolText + "\"",
          Suggest.closest(protocolText, List.of("tcp", "udp")).map(c -> "did you mean " + c + "? ")
              .orElse("") + "a service's protocol is tcp or udp");
    }
    if (port.isPresent() && protocol.isPresent()) {
      Service service = new Service(port.get(), protocol.get());
      Integer earlier = serviceLines.putIfAbsent(service, s.position().line());
      if (earlier != null) {
        file.error(s.position(), "duplicate service " + service,
            service + " is already listed on line " + earlier);
      } else {
        services.add(service);
      }
    }
  }

  // Warnings on a topology that loads ---------------------------------------------------------

  private void warnAbout(Topology topology, Map<String, SourcePosition> namePositions) {
    for (NamedNetwork n : topology.names()) {
      SourcePosition at = namePositions.get(n.name());
      int stands = topology.representative(n);
      String address = Ipv4.format(stands);
      Optional<NamedNetwork> inner = topology.nameOf(stands).filter(o -> !o.equals(n));
      Optional<RouteLookup> route = topology.route(stands);
      if (stands >>> 24 == 0 || stands >>> 24 == 127) {
        file.warning(at, "\"" + n.name() + "\" stands for " + address + ", which is not a usable"
            + " address", "add sample: with an address of the network to use in packets");
      } else if (inner.isPresent()) {
        file.warning(at, "\"" + n.name() + "\" stands for " + address + ", which is in \""
            + inner.get().name() + "\"", "packets from " + n.name() + " would look like they"
            + " come from " + inner.get().name() + "; choose a sample: outside it");
      } else if (route.isEmpty()) {
        file.warning(at, "no route to \"" + n.name() + "\" (" + address + ")",
            "packets to it cannot leave the firewall; add a route, such as a default route");
      } else if (!route.get().device().name().equals(n.interfaceName())) {
        file.warning(at, "\"" + n.name() + "\" is behind " + n.interfaceName() + ", but the"
            + " route to " + address + " leaves through " + route.get().device().name(),
            "replies to it would go out of " + route.get().device().name() + ", and with"
            + " rp_filter on, packets from it arriving on " + n.interfaceName() + " are dropped");
      }
    }
    for (Interface i : topology.interfaces()) {
      if (i.rpFilter().isPresent() && i.rpFilter().get() < sysctls.rpFilter()) {
        file.warning(interfaces.rpFilterPositions().get(i.name()), "rp_filter "
            + i.rpFilter().get() + " on " + i.name() + " has no effect", "the kernel uses the"
            + " higher of"
            + " net.ipv4.conf.all.rp_filter (" + sysctls.rpFilter() + ") and the interface's own"
            + " value");
      }
    }
  }
}

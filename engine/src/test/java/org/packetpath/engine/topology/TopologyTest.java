package org.packetpath.engine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.topology.Service.Protocol;

/** Loading the example, routing, local addresses, name resolution and the load-time warnings. */
class TopologyTest {
  private static final Topology EXAMPLE =
      TopologyParser.parse("example.yaml", TopologyParser.exampleText()).orThrow();

  private static int ip(String text) {
    return Ipv4.parse(text).orElseThrow();
  }

  private static String ip(int address) {
    return Ipv4.format(address);
  }

  /** How a route lookup reads: "via 203.0.113.254 dev wan0" or "dev lan0" when on-link. */
  private static String route(Topology topology, String destination) {
    return topology.route(ip(destination))
        .map(r -> (r.route().gateway().isPresent() ? "via " + ip(r.nextHop()) + " " : "")
            + "dev " + r.device().name())
        .orElse("unreachable");
  }

  private static String resolve(Topology topology, String name) {
    return topology.resolve(name).map(TopologyTest::ip).orElse("unknown");
  }

  // The example ---------------------------------------------------------------------------------

  @Test
  void exampleLoadsWithoutAnyDiagnostic() {
    Parsed<Topology> result = TopologyParser.parse("example.yaml", TopologyParser.exampleText());
    assertEquals(List.of(), result.diagnostics());
  }

  @Test
  void exampleTellsTheLabsStory() {
    assertEquals("fw", EXAMPLE.firewall());
    assertEquals(List.of("lo 127.0.0.1/8", "wan0 203.0.113.1/24", "lan0 10.0.0.1/24"),
        EXAMPLE.interfaces().stream().map(Interface::toString).toList());
    assertEquals(Optional.of("52:54:00:00:00:01"), EXAMPLE.interfaceNamed("wan0").get().mac());
    assertEquals(List.of("default via 203.0.113.254 dev wan0"),
        EXAMPLE.routes().stream().map(Route::toString).toList());
    assertEquals(new Sysctls(1, 0, 1), EXAMPLE.sysctls());
    assertEquals("[22/tcp, 80/tcp, 443/tcp, 161/udp]", EXAMPLE.services().toString());
    assertEquals(List.of("attacker 192.0.2.66 behind wan0", "pc1 10.0.0.2 behind lan0",
            "office 198.51.100.0/24 behind wan0",
            "internet 0.0.0.0/0 behind wan0, sample 192.0.2.10",
            "lan 10.0.0.0/24 behind lan0, sample 10.0.0.50"),
        EXAMPLE.names().stream().map(NamedNetwork::toString).toList());
    AddressSet blocklist = EXAMPLE.set("blocklist").orElseThrow();
    assertEquals(AddressSet.Type.HASH_IP, blocklist.type());
    assertTrue(blocklist.contains(ip("192.0.2.66")));
    assertFalse(blocklist.contains(ip("192.0.2.10")), "the internet sample is not blocked");
  }

  /** Every key the parser knows appears in the example, with a comment on its line or above. */
  @Test
  void everyFieldOfTheExampleIsExplained() {
    List<String> lines = TopologyParser.exampleText().lines().toList();
    for (String key : List.of("firewall", "interfaces", "name", "address", "mac", "rp_filter",
        "routes", "to", "via", "dev", "sysctls", "ip_forward", "nf_conntrack_tcp_loose",
        "services", "hosts", "interface", "networks", "network", "sample", "sets", "type",
        "members")) {
      boolean explained = false;
      for (int i = 0; i < lines.size(); i++) {
        String code = lines.get(i).replaceFirst("^\\s*(# )?(- )?\\{?", "");
        if (code.startsWith(key + ":")) {
          explained |= lines.get(i).contains("#") || lines.get(i - 1).strip().startsWith("#");
        }
      }
      assertTrue(explained, key + " is shown and explained in the example");
    }
  }

  // Routing -------------------------------------------------------------------------------------

  @Test
  void connectedRoutesComeFromTheInterfaces() {
    assertEquals(List.of("127.0.0.0/8 dev lo", "203.0.113.0/24 dev wan0", "10.0.0.0/24 dev lan0"),
        EXAMPLE.connectedRoutes().stream().map(Route::toString).toList());
    assertEquals(4, EXAMPLE.allRoutes().size());
  }

  @Test
  void onLinkDestinationsAreTheirOwnNextHop() {
    assertEquals("dev lan0", route(EXAMPLE, "10.0.0.2"));
    assertEquals("dev wan0", route(EXAMPLE, "203.0.113.254"));
    assertEquals(ip("10.0.0.2"), EXAMPLE.route(ip("10.0.0.2")).orElseThrow().nextHop());
  }

  @Test
  void everythingElseTakesTheDefaultRoute() {
    assertEquals("via 203.0.113.254 dev wan0", route(EXAMPLE, "198.51.100.7"));
    assertEquals("via 203.0.113.254 dev wan0", route(EXAMPLE, "10.0.1.1"));
    assertTrue(EXAMPLE.route(ip("8.8.8.8")).orElseThrow().route().isDefault());
  }

  @Test
  void longestPrefixWins() {
    Topology t = TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24}
          - {name: lan0, address: 10.0.0.1/24}
          - {name: dmz0, address: 172.16.0.1/24}
        routes:
          - {to: default, via: 203.0.113.254}
          - {to: 10.0.0.0/8, via: 10.0.0.254}
          - {to: 10.20.0.0/16, via: 172.16.0.9}
          - {to: 10.20.30.40, dev: dmz0}
        """).orThrow();
    assertEquals("via 10.0.0.254 dev lan0", route(t, "10.9.9.9"));
    assertEquals("via 172.16.0.9 dev dmz0", route(t, "10.20.0.1"));
    assertEquals("dev dmz0", route(t, "10.20.30.40"));
    assertEquals("dev lan0", route(t, "10.0.0.77"));
    assertEquals("via 203.0.113.254 dev wan0", route(t, "11.0.0.1"));
    assertEquals("10.20.30.40 dev dmz0", t.routes().get(3).toString());
  }

  @Test
  void withoutADefaultRouteFarAddressesAreUnreachable() {
    Topology t = TopologyParser.parse("t.yaml",
        "firewall: fw\ninterfaces:\n  - {name: lan0, address: 10.0.0.1/24}\n").orThrow();
    assertEquals("unreachable", route(t, "8.8.8.8"));
    assertEquals("dev lan0", route(t, "10.0.0.9"));
    assertEquals("dev lo", route(t, "127.0.0.53"));
    assertEquals(Optional.empty(), t.interfaceFor(ip("8.8.8.8")));
  }

  @Test
  void gatewayChoosesTheDeviceWhenDevIsLeftOut() {
    Topology t = TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24}
          - {name: lan0, address: 10.0.0.1/24}
        routes:
          - {to: 192.168.0.0/16, via: 10.0.0.254}
        """).orThrow();
    assertEquals("192.168.0.0/16 via 10.0.0.254 dev lan0", t.routes().get(0).toString());
  }

  // Local addresses and interfaces --------------------------------------------------------------

  @Test
  void localAddresses() {
    assertTrue(EXAMPLE.isLocal(ip("203.0.113.1")));
    assertTrue(EXAMPLE.isLocal(ip("10.0.0.1")));
    assertTrue(EXAMPLE.isLocal(ip("127.0.0.1")));
    assertTrue(EXAMPLE.isLocal(ip("127.1.2.3")), "all of 127.0.0.0/8 is local");
    assertFalse(EXAMPLE.isLocal(ip("10.0.0.2")));
    assertFalse(EXAMPLE.isLocal(ip("203.0.113.254")));
    assertFalse(EXAMPLE.isLocal(ip("10.0.0.255")), "broadcast addresses are not counted");
  }

  @Test
  void ownerOfAnAddress() {
    assertEquals("lan0", EXAMPLE.owner(ip("10.0.0.1")).orElseThrow().name());
    assertEquals("lo", EXAMPLE.owner(ip("127.0.0.9")).orElseThrow().name());
    assertEquals(Optional.empty(), EXAMPLE.owner(ip("10.0.0.2")));
  }

  @Test
  void interfaceAnAddressLiesBehind() {
    assertEquals("wan0", EXAMPLE.interfaceFor(ip("192.0.2.66")).orElseThrow().name());
    assertEquals("lan0", EXAMPLE.interfaceFor(ip("10.0.0.2")).orElseThrow().name());
    assertEquals("wan0", EXAMPLE.interfaceFor(ip("8.8.8.8")).orElseThrow().name());
    assertEquals("lan0", EXAMPLE.interfaceFor(ip("10.0.0.1")).orElseThrow().name());
    assertEquals("lo", EXAMPLE.interfaceFor(ip("127.0.0.1")).orElseThrow().name());
  }

  @Test
  void namedInterfaceWinsOverRouting() {
    Topology t = TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24}
          - {name: lan0, address: 10.0.0.1/24}
        hosts:
          spoofer: {address: 10.9.9.9, interface: lan0}
        """).orThrow();
    assertEquals("lan0", t.interfaceFor(ip("10.9.9.9")).orElseThrow().name());
  }

  @Test
  void effectiveRpFilterIsTheHigherOfAllAndTheInterface() {
    Topology t = TopologyParser.parse("t.yaml", """
        firewall: fw
        interfaces:
          - {name: wan0, address: 203.0.113.1/24, rp_filter: 1}
          - {name: lan0, address: 10.0.0.1/24, rp_filter: 2}
          - {name: dmz0, address: 172.16.0.1/24}
        sysctls:
          rp_filter: 2
        """).orThrow();
    assertEquals(2, t.rpFilter("wan0"));
    assertEquals(2, t.rpFilter("lan0"));
    assertEquals(2, t.rpFilter("dmz0"));
    assertEquals(1, t.withSysctls(t.sysctls().withRpFilter(0)).rpFilter("wan0"));
    assertEquals(0, EXAMPLE.rpFilter("wan0"));
  }

  @Test
  void servicesTheFirewallListensOn() {
    assertTrue(EXAMPLE.listens(22, Protocol.TCP));
    assertTrue(EXAMPLE.listens(161, Protocol.UDP));
    assertFalse(EXAMPLE.listens(161, Protocol.TCP));
    assertFalse(EXAMPLE.listens(25, Protocol.TCP));
  }

  @Test
  void sysctlsDefaultToTheKernels() {
    Topology t = TopologyParser.parse("t.yaml",
        "firewall: fw\ninterfaces: [{name: eth0, address: 10.0.0.1/24}]\n").orThrow();
    assertEquals(new Sysctls(0, 0, 1), t.sysctls());
    assertEquals(Sysctls.DEFAULTS, t.sysctls());
  }

  @Test
  void macAddressesAreStoredInLowerCase() {
    Topology t = TopologyParser.parse("t.yaml",
        "firewall: fw\ninterfaces: [{name: eth0, address: 10.0.0.1/24, mac: 52:54:00:AB:CD:EF}]\n")
        .orThrow();
    assertEquals(Optional.of("52:54:00:ab:cd:ef"), t.interfaceNamed("eth0").get().mac());
  }

  // Name resolution -----------------------------------------------------------------------------

  @Test
  void firewallNameStandsForAnInterfaceAddress() {
    assertEquals("203.0.113.1", resolve(EXAMPLE, "fw"));
    assertEquals("10.0.0.1", ip(EXAMPLE.resolve("fw", "lan0").orElseThrow()));
    assertEquals("203.0.113.1", ip(EXAMPLE.resolve("fw", "nosuch0").orElseThrow()));
    assertEquals("10.0.0.1", resolve(EXAMPLE, "fw.lan0"));
    assertEquals("127.0.0.1", resolve(EXAMPLE, "fw.lo"));
    assertEquals("unknown", resolve(EXAMPLE, "fw.eth9"));
  }

  @Test
  void hostsAndNetworks() {
    assertEquals("192.0.2.66", resolve(EXAMPLE, "attacker"));
    assertEquals("10.0.0.2", resolve(EXAMPLE, "pc1"));
    assertEquals("198.51.100.1", resolve(EXAMPLE, "office"), "first host address");
    assertEquals("192.0.2.10", resolve(EXAMPLE, "internet"), "the sample");
    assertEquals("10.0.0.50", resolve(EXAMPLE, "lan"));
    assertEquals("unknown", resolve(EXAMPLE, "nobody"));
    assertEquals("8.8.8.8", resolve(EXAMPLE, "8.8.8.8"), "addresses stand for themselves");
  }

  @Test
  void networkWithoutSampleSkipsTheFirewallsOwnAddress() {
    Topology t = TopologyParser.parse("t.yaml", """
        firewall: gate
        interfaces: [{name: lan0, address: 10.0.0.1/24}, {name: p2p0, address: 10.9.0.0/31}]
        networks:
          lan: {network: 10.0.0.0/24, interface: lan0}
          link: {network: 10.9.0.0/31, interface: p2p0}
          one: {network: 10.0.0.77/32, interface: lan0}
        """).orThrow();
    assertEquals("10.0.0.2", resolve(t, "lan"));
    assertEquals("10.9.0.1", resolve(t, "link"), "a /31 has no network address to skip");
    assertEquals("10.0.0.77", resolve(t, "one"));
    assertEquals("10.0.0.1", resolve(t, "gate"));
    assertEquals("unknown", resolve(t, "fw"));
  }

  @Test
  void mostSpecificNameOfAnAddress() {
    assertEquals("attacker", EXAMPLE.nameOf(ip("192.0.2.66")).orElseThrow().name());
    assertEquals("internet", EXAMPLE.nameOf(ip("192.0.2.67")).orElseThrow().name());
    assertEquals("office", EXAMPLE.nameOf(ip("198.51.100.9")).orElseThrow().name());
    assertEquals("lan", EXAMPLE.nameOf(ip("10.0.0.50")).orElseThrow().name());
  }

  @Test
  void resolvableNamesForSuggestions() {
    assertEquals(List.of("fw", "fw.lo", "fw.wan0", "fw.lan0", "attacker", "pc1", "office",
        "internet", "lan"), EXAMPLE.resolvableNames());
  }

  // Warnings ------------------------------------------------------------------------------------

  private static List<String> warnings(String text) {
    Parsed<Topology> result = TopologyParser.parse("t.yaml", text);
    assertTrue(result.value().isPresent(), "warnings do not stop loading");
    return result.warnings().stream().map(d -> d.position().line() + ":"
        + d.position().column() + ": " + d.message() + " | " + d.explanation()).toList();
  }

  private static final String TWO_SIDES = """
      firewall: fw
      interfaces:
        - {name: wan0, address: 203.0.113.1/24}
        - {name: lan0, address: 10.0.0.1/24}
      routes:
        - {to: default, via: 203.0.113.254}
      """;

  @Test
  void networkWithoutAUsableRepresentative() {
    assertEquals(List.of("8:3: \"internet\" stands for 0.0.0.1, which is not a usable address"
            + " | add sample: with an address of the network to use in packets"),
        warnings(TWO_SIDES + "networks:\n  internet: {network: 0.0.0.0/0, interface: wan0}\n"));
  }

  @Test
  void sampleInsideAMoreSpecificName() {
    assertEquals(List.of("8:3: \"internet\" stands for 198.51.100.200, which is in \"office\""
            + " | packets from internet would look like they come from office; choose a"
            + " sample: outside it"),
        warnings(TWO_SIDES + "networks:\n  internet: {network: 0.0.0.0/0, interface: wan0,"
            + " sample: 198.51.100.200}\n  office: {network: 198.51.100.0/24, interface: wan0}\n"));
  }

  @Test
  void nameBehindTheWrongInterface() {
    assertEquals(List.of("8:3: \"office\" is behind lan0, but the route to 198.51.100.1 leaves"
            + " through wan0 | replies to it would go out of wan0, and with rp_filter on,"
            + " packets from it arriving on lan0 are dropped"),
        warnings(TWO_SIDES + "networks:\n  office: {network: 198.51.100.0/24, interface: lan0}\n"));
  }

  @Test
  void nameWithoutRoute() {
    assertEquals(List.of("6:3: no route to \"office\" (198.51.100.1) | packets to it cannot"
            + " leave the firewall; add a route, such as a default route"),
        warnings(TWO_SIDES.replace("routes:\n  - {to: default, via: 203.0.113.254}\n", "")
            + "networks:\n  office: {network: 198.51.100.0/24, interface: wan0}\n"));
  }

  @Test
  void interfaceRpFilterBelowTheGlobalOneHasNoEffect() {
    assertEquals(List.of("3:54: rp_filter 0 on wan0 has no effect | the kernel uses the higher"
            + " of net.ipv4.conf.all.rp_filter (1) and the interface's own value"),
        warnings(TWO_SIDES.replace("203.0.113.1/24}", "203.0.113.1/24, rp_filter: 0}")
            + "sysctls: {rp_filter: 1}\n"));
  }

  @Test
  void setMemberWithHostBitsIsStoredAsItsNetwork() {
    assertEquals(List.of("8:36: set member 10.0.0.1/24 is stored as 10.0.0.0/24 | ipset keeps"
            + " only the network; write 10.0.0.0/24 to say what you mean"),
        warnings(TWO_SIDES + "sets:\n  nets: {type: hash:net, members: [10.0.0.1/24]}\n"));
  }

  @Test
  void warningsDoNotHideErrors() {
    Parsed<Topology> result = TopologyParser.parse("t.yaml",
        TWO_SIDES + "sets:\n  nets: {type: hash:net, members: [10.0.0.1/24, x]}\n");
    assertEquals(List.of("set member 10.0.0.1/24 is stored as 10.0.0.0/24",
            "set member \"x\" is not an address"),
        result.diagnostics().stream().map(Diagnostic::message).toList());
    InputException e = assertThrows(InputException.class, result::orThrow);
    assertEquals(1, e.diagnostics().size());
  }

  // The records check themselves ----------------------------------------------------------------

  @Test
  void recordsRefuseWhatTheParserWouldReport() {
    Interface wan = new Interface("wan0", ip("203.0.113.1"), 24, Optional.empty(),
        Optional.empty());
    assertThrows(IllegalArgumentException.class,
        () -> new Interface("sixteen-chars-xx", 1, 24, Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Interface("eth0", 1, 33, Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Interface("eth0", 1, 24, Optional.of("52:54"), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new Network(ip("10.0.0.1"), 24));
    assertThrows(IllegalArgumentException.class, () -> new Service(0, Protocol.TCP));
    assertThrows(IllegalArgumentException.class, () -> new Sysctls(2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new NamedNetwork("lan",
        Network.parse("10.0.0.0/24").orElseThrow(), "lan0", Optional.of(ip("10.1.0.1"))));
    assertThrows(IllegalArgumentException.class, () -> new Topology("fw", List.of(wan),
        List.of(new Route(Network.ANY, Optional.of(ip("203.0.113.254")), "eth9")),
        Sysctls.DEFAULTS, List.of(), List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Topology("fw", List.of(wan, wan),
        List.of(), Sysctls.DEFAULTS, List.of(), List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Topology("fw", List.of(wan),
        List.of(), Sysctls.DEFAULTS, List.of(),
        List.of(NamedNetwork.host("fw", ip("203.0.113.9"), "wan0")), List.of()));
  }

  @Test
  void loopbackIsAddedOnce() {
    Interface wan = new Interface("wan0", ip("203.0.113.1"), 24, Optional.empty(),
        Optional.empty());
    Topology t = new Topology("fw", List.of(wan), List.of(), Sysctls.DEFAULTS, List.of(),
        List.of(), List.of());
    assertEquals(List.of(Interface.LOOPBACK, wan), t.interfaces());
    Topology again = new Topology("fw", t.interfaces(), List.of(), Sysctls.DEFAULTS, List.of(),
        List.of(), List.of());
    assertEquals(t, again);
  }

  @Test
  void networkParsing() {
    assertEquals("10.0.0.0/8", Network.parse("10.0.0.0/8").orElseThrow().toString());
    assertEquals("10.1.2.3/32", Network.parse("10.1.2.3").orElseThrow().toString());
    assertEquals(Optional.empty(), Network.parse("10.0.0.1/8"));
    assertEquals(Optional.empty(), Network.parse("10.0.0.0/33"));
    assertEquals(Optional.empty(), Network.parse("10.0.0/8"));
    assertEquals("10.0.0.255", ip(Network.parse("10.0.0.0/24").orElseThrow().last()));
    assertEquals(256, Network.parse("10.0.0.0/24").orElseThrow().size());
    assertTrue(Network.ANY.contains(Network.parse("10.0.0.0/24").orElseThrow()));
  }
}

package org.packetpath.engine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;

/** Every mistake a topology file can hold: its message, where it is reported, and its hint. */
class TopologyErrorsTest {
  /** Two interfaces and a default route; tests append sections to it. */
  private static final String BASE = """
      firewall: fw
      interfaces:
        - name: wan0
          address: 203.0.113.1/24
        - name: lan0
          address: 10.0.0.1/24
      routes:
        - to: default
          via: 203.0.113.254
      """;

  private static List<Diagnostic> diagnostics(String text) {
    Parsed<Topology> result = TopologyParser.parse("topo.yaml", text);
    assertEquals(result.hasErrors(), result.value().isEmpty(), "a topology only without errors");
    return result.diagnostics();
  }

  private static List<String> errors(String text) {
    return diagnostics(text).stream().filter(Diagnostic::isError).map(d -> line(d)).toList();
  }

  /** The single error of {@code text}. */
  private static Diagnostic only(String text) {
    List<Diagnostic> all = diagnostics(text);
    assertEquals(1, all.size(), () -> "diagnostics: " + all);
    assertTrue(all.get(0).isError(), () -> all.get(0) + " should be an error");
    return all.get(0);
  }

  private static String line(Diagnostic d) {
    return d.position().line() + ":" + d.position().column() + ": " + d.message();
  }

  private static void assertError(String text, String expected, String hint) {
    Diagnostic d = only(text);
    assertEquals(expected, line(d));
    assertEquals(hint, d.explanation());
  }

  @Test
  void baseLoads() {
    assertEquals(List.of(), diagnostics(BASE));
  }

  // Structure -----------------------------------------------------------------------------------

  @Test
  void emptyFile() {
    assertError("# nothing yet\n", "1:1: the topology is empty",
        "a topology needs at least firewall: and interfaces:, see the example");
  }

  @Test
  void topLevelMustBeAMapping() {
    assertEquals(List.of("1:1: the topology must be a mapping, not a list"),
        errors("- firewall: fw\n"));
  }

  @Test
  void unknownTopLevelKeyWithSuggestion() {
    assertError(BASE + "service: [22/tcp]\n", "10:1: unknown key \"service\"",
        "did you mean services?");
  }

  @Test
  void unknownKeyWithoutSuggestionListsTheKnownOnes() {
    assertError(BASE.replace("    address: 10.0.0.1/24\n",
            "    address: 10.0.0.1/24\n    colour: blue\n"),
        "7:5: unknown key \"colour\"",
        "the keys of an interface are name, address, mac, rp_filter");
  }

  @Test
  void misspeltKeyInsideAnInterface() {
    List<Diagnostic> found = diagnostics(BASE.replace("    address: 10.0.0.1/24",
        "    adress: 10.0.0.1/24"));
    assertEquals(List.of("5:5: missing key \"address\"", "6:5: unknown key \"adress\""),
        found.stream().map(TopologyErrorsTest::line).toList());
    assertEquals("did you mean address?", found.get(1).explanation());
  }

  @Test
  void missingFirewallName() {
    assertError(BASE.replace("firewall: fw\n", ""), "1:1: missing key \"firewall\"",
        "name the firewall, like firewall: fw");
  }

  @Test
  void missingInterfaces() {
    assertError("firewall: fw\n", "1:1: missing key \"interfaces\"",
        "list the firewall's interfaces under interfaces:");
  }

  @Test
  void noInterfaces() {
    assertError("firewall: fw\ninterfaces: []\n", "2:13: no interfaces",
        "the firewall needs at least one interface besides lo");
  }

  @Test
  void missingKeyIsReportedAtItsMapping() {
    assertError(BASE.replace("    address: 10.0.0.1/24\n", ""), "5:5: missing key \"address\"",
        "give the interface its address and network size, like address: 10.0.0.1/24");
  }

  @Test
  void missingValueIsReportedAtItsKey() {
    assertError(BASE.replace("address: 10.0.0.1/24", "address:"),
        "6:5: missing value for \"address\"",
        "give the interface its address and network size, like address: 10.0.0.1/24");
  }

  @Test
  void listExpected() {
    assertError("firewall: fw\ninterfaces: wan0\n",
        "2:13: \"interfaces\" must be a list, not a value",
        "write one item per line, each starting with \"- \", or [a, b] on one line");
  }

  @Test
  void mappingExpected() {
    assertEquals(List.of("10:10: \"sysctls\" must be a mapping, not a list"),
        errors(BASE + "sysctls: [ip_forward]\n"));
    assertEquals(List.of("3:5: an interface must be a mapping, not a value"),
        errors(BASE.replace("  - name: wan0\n    address: 203.0.113.1/24\n", "  - wan0\n")));
  }

  @Test
  void singleValueExpected() {
    assertEquals(List.of("6:14: \"address\" must be a single value, not a list"),
        errors(BASE.replace("address: 10.0.0.1/24", "address: [10.0.0.1/24]")));
  }

  @Test
  void yamlErrorsComeFirstAndStopTheReading() {
    assertEquals(List.of("10:1: tab character in indentation"),
        errors(BASE + "\tsysctls: 1\nbogus: 1\n"));
  }

  @Test
  void tabInTheIndentationIsReportedAtTheTabWithAHint() {
    Diagnostic d = only(BASE.replace("    address: 10.0.0.1/24", "  \t  address: 10.0.0.1/24"));
    assertEquals("""
        topo.yaml:6:3: error: tab character in indentation
               address: 10.0.0.1/24
            ^
          YAML indents with spaces only; replace the tab with spaces""", d.render());
  }

  @Test
  void nestingTooDeepIsAnErrorNotACrash() {
    assertEquals(List.of("10:60: nested more than 50 levels deep"),
        errors(BASE + "services: [" + "[".repeat(3_000) + "]".repeat(3_000) + "]\n"));
  }

  // Interfaces ----------------------------------------------------------------------------------

  @Test
  void invalidAddress() {
    assertError(BASE.replace("10.0.0.1/24", "10.0.0.256/24"),
        "6:14: invalid address \"10.0.0.256/24\"",
        "an IPv4 address is four numbers from 0 to 255 separated by dots, like 10.0.0.1");
  }

  @Test
  void addressWithoutPrefix() {
    assertError(BASE.replace("10.0.0.1/24", "10.0.0.1"),
        "6:14: address \"10.0.0.1\" has no prefix length",
        "write the address with the size of its network, like 10.0.0.1/24");
  }

  @Test
  void prefixOutOfRangeIsReportedAtThePrefix() {
    assertError(BASE.replace("10.0.0.1/24", "10.0.0.1/33"), "6:23: invalid prefix length \"33\"",
        "an IPv4 prefix length is a number from 0 to 32");
    assertEquals(List.of("6:24: invalid prefix length \"\""),
        errors(BASE.replace("10.0.0.1/24", "'10.0.0.1/'")));
  }

  @Test
  void interfaceNameTooLong() {
    assertError(BASE.replace("lan0", "lan0-with-16char"),
        "5:11: interface name \"lan0-with-16char\" is too long",
        "Linux interface names have at most 15 characters");
  }

  @Test
  void invalidInterfaceName() {
    assertError(BASE.replace("name: lan0", "name: lan/0"),
        "5:11: invalid interface name \"lan/0\"",
        "Linux interface names have no spaces, / or :");
  }

  @Test
  void loopbackIsBuiltIn() {
    assertError(BASE.replace("name: lan0", "name: lo"), "5:11: interface \"lo\" is built in",
        "lo always exists, with 127.0.0.1/8; remove this entry");
  }

  @Test
  void duplicateInterface() {
    assertError(BASE.replace("name: lan0", "name: wan0").replace("10.0.0.1/24", "10.0.0.1/24"),
        "5:11: duplicate interface \"wan0\"", "wan0 is already declared on line 3");
  }

  @Test
  void sameAddressOnTwoInterfaces() {
    assertError(BASE.replace("10.0.0.1/24", "203.0.113.1/24"),
        "6:14: address 203.0.113.1 is already on wan0",
        "each interface needs an address of its own");
  }

  @Test
  void invalidMac() {
    assertError(BASE.replace("    address: 10.0.0.1/24\n",
            "    address: 10.0.0.1/24\n    mac: 52:54:00:12:34\n"),
        "7:10: invalid MAC address \"52:54:00:12:34\"",
        "a MAC address is six pairs of hex digits separated by colons, like 52:54:00:12:34:56");
  }

  @Test
  void invalidInterfaceRpFilter() {
    assertError(BASE.replace("    address: 10.0.0.1/24\n",
            "    address: 10.0.0.1/24\n    rp_filter: 3\n"),
        "7:16: invalid value \"3\" for rp_filter",
        "rp_filter is 0 (no check), 1 (strict) or 2 (loose)");
  }

  @Test
  void brokenInterfaceDoesNotCauseFollowUpErrors() {
    String text = BASE.replace("10.0.0.1/24", "10.0.0.1/99") + """
        hosts:
          pc1: {address: 10.0.0.2, interface: lan0}
        routes2: x
        """;
    assertEquals(List.of("6:23: invalid prefix length \"99\"", "12:1: unknown key \"routes2\""),
        errors(text));
  }

  // Routes --------------------------------------------------------------------------------------

  @Test
  void gatewayNotOnAConnectedNetwork() {
    assertError(BASE.replace("via: 203.0.113.254", "via: 198.51.100.1"),
        "9:10: gateway 198.51.100.1 is not on a connected network",
        "a gateway must be a neighbour, in the network of an interface (wan0 203.0.113.0/24,"
            + " lan0 10.0.0.0/24); ip route would say \"Nexthop has invalid gateway\"");
  }

  @Test
  void gatewayNotOnTheGivenDevice() {
    assertError(BASE.replace("via: 203.0.113.254", "via: 10.0.0.254\n    dev: wan0"),
        "9:10: gateway 10.0.0.254 is not on the network of wan0",
        "wan0 is on 203.0.113.0/24; ip route would say \"Nexthop has invalid gateway\"");
  }

  @Test
  void gatewayIsTheFirewallItself() {
    assertError(BASE.replace("via: 203.0.113.254", "via: 203.0.113.1"),
        "9:10: gateway 203.0.113.1 is the firewall's own address",
        "the gateway is the next router: a neighbour's address on a connected network");
  }

  @Test
  void gatewayMustBeAnAddress() {
    assertEquals(List.of("9:10: invalid address \"203.0.113.254/24\""),
        errors(BASE.replace("via: 203.0.113.254", "via: 203.0.113.254/24")));
  }

  @Test
  void routeToAnAddressWithHostBits() {
    assertError(BASE + "  - to: 192.168.5.1/24\n    via: 10.0.0.254\n",
        "10:9: \"192.168.5.1/24\" is not a network address",
        "its host part is not zero: did you mean 192.168.5.0/24? (ip route would say \"Invalid"
            + " prefix for given prefix length\")");
  }

  @Test
  void routeNeedsViaOrDev() {
    assertError(BASE + "  - to: 192.168.5.0/24\n", "10:5: a route needs \"via\" or \"dev\"",
        "via: the next router's address; dev: the interface, for a network reached directly");
  }

  @Test
  void routeThroughAnUnknownDevice() {
    assertError(BASE + "  - {to: 192.168.5.0/24, dev: lan1}\n",
        "10:31: unknown interface \"lan1\"", "did you mean lan0?");
    assertError(BASE + "  - {to: 192.168.5.0/24, dev: eth7}\n",
        "10:31: unknown interface \"eth7\"", "the interfaces are wan0, lan0");
  }

  @Test
  void routeWithoutDestination() {
    assertError(BASE + "  - via: 10.0.0.254\n", "10:5: missing key \"to\"",
        "say where the route leads, like to: default or to: 192.168.5.0/24");
  }

  @Test
  void duplicateRoute() {
    assertError(BASE + "  - {to: 0.0.0.0/0, via: 203.0.113.253}\n",
        "10:10: duplicate route to default",
        "the route on line 8 already leads there; ip route would say \"File exists\"");
  }

  @Test
  void routeRepeatingAConnectedRoute() {
    assertError(BASE + "  - {to: 10.0.0.0/24, dev: lan0}\n",
        "10:10: route to 10.0.0.0/24 duplicates the connected route of lan0",
        "lan0's address already makes 10.0.0.0/24 reachable directly; ip route would say"
            + " \"File exists\"");
  }

  // Sysctls and services ------------------------------------------------------------------------

  @Test
  void sysctlValues() {
    assertError(BASE + "sysctls:\n  ip_forward: yes\n",
        "11:15: invalid value \"yes\" for ip_forward",
        "ip_forward is 0 (the firewall routes nothing) or 1 (it forwards packets between its"
            + " interfaces)");
    assertEquals(List.of("11:14: invalid value \"3\" for rp_filter",
            "12:27: invalid value \"2\" for nf_conntrack_tcp_loose"),
        errors(BASE + "sysctls:\n  rp_filter: 3\n  nf_conntrack_tcp_loose: 2\n"));
  }

  @Test
  void fullSysctlNamesSuggestTheShortOnes() {
    assertError(BASE + "sysctls:\n  net.ipv4.ip_forward: 1\n",
        "11:3: unknown key \"net.ipv4.ip_forward\"", "did you mean ip_forward?");
  }

  @Test
  void misspeltProtocolIsReportedAtTheProtocol() {
    Diagnostic d = only(BASE + "services: [22/tcp, 80/tpc]\n");
    assertEquals("10:23: unknown protocol \"tpc\"", line(d));
    assertEquals("did you mean tcp? a service's protocol is tcp or udp", d.explanation());
    assertEquals("""
        topo.yaml:10:23: error: unknown protocol "tpc"
          services: [22/tcp, 80/tpc]
                                ^
          did you mean tcp? a service's protocol is tcp or udp""", d.render());
  }

  @Test
  void serviceWithoutProtocol() {
    assertError(BASE + "services:\n  - 22\n", "11:5: invalid service \"22\"",
        "a service is a port and a protocol, like 22/tcp or 161/udp");
  }

  @Test
  void invalidPorts() {
    assertEquals(List.of("10:12: invalid port \"70000\"", "10:23: invalid port \"0\"",
            "10:30: invalid port \"sshh\""),
        errors(BASE + "services: [70000/tcp, 0/udp, sshh/tcp]\n"));
  }

  @Test
  void duplicateServiceAlsoByName() {
    assertError(BASE + "services:\n  - 22/tcp\n  - ssh/tcp\n", "12:5: duplicate service 22/tcp",
        "22/tcp is already listed on line 11");
  }

  @Test
  void serviceMustBeAValue() {
    assertEquals(List.of("10:12: a service must be a single value, not a mapping"),
        errors(BASE + "services: [{port: 22}]\n"));
  }

  // Hosts and networks --------------------------------------------------------------------------

  @Test
  void hostBehindAnUnknownInterface() {
    assertError(BASE + "hosts:\n  pc1: {address: 10.0.0.2, interface: lan1}\n",
        "11:39: unknown interface \"lan1\"", "did you mean lan0?");
  }

  @Test
  void hostBehindLoopback() {
    assertError(BASE + "hosts:\n  pc1: {address: 10.0.0.2, interface: lo}\n",
        "11:39: nothing lies behind lo",
        "lo is the firewall's loopback: only the firewall itself is there");
  }

  @Test
  void hostWithoutInterface() {
    assertError(BASE + "hosts:\n  pc1: {address: 10.0.0.2}\n", "11:8: missing key \"interface\"",
        "say which interface of the firewall it lies behind, like interface: lan0");
  }

  @Test
  void hostWithAPrefix() {
    assertError(BASE + "hosts:\n  pc1: {address: 10.0.0.0/24, interface: lan0}\n",
        "11:18: invalid host address \"10.0.0.0/24\"",
        "a host is a single address, like 10.0.0.2; put networks under networks:");
  }

  @Test
  void hostAtTheFirewallsOwnAddress() {
    assertError(BASE + "hosts:\n  gw: {address: 10.0.0.1, interface: lan0}\n",
        "11:17: 10.0.0.1 is the firewall's own address", "write fw.lan0 to mean the firewall");
  }

  @Test
  void nameClashingWithTheFirewall() {
    assertError(BASE + "hosts:\n  fw: {address: 10.0.0.2, interface: lan0}\n",
        "11:3: name \"fw\" is the firewall's name",
        "fw already stands for the firewall itself; choose another name");
  }

  @Test
  void nameClashingBetweenHostsAndNetworks() {
    assertError(BASE + "hosts:\n  lan: {address: 10.0.0.2, interface: lan0}\n"
            + "networks:\n  lan: {network: 10.0.0.0/24, interface: lan0}\n",
        "13:3: name \"lan\" is already used on line 11",
        "hosts and networks share one set of names");
  }

  @Test
  void invalidName() {
    assertError(BASE + "hosts:\n  10net: {address: 10.0.0.2, interface: lan0}\n",
        "11:3: invalid name \"10net\"",
        "a name starts with a letter and holds only letters, digits, - and _");
  }

  @Test
  void networkWithHostBits() {
    assertError(BASE + "networks:\n  lan: {network: 10.0.0.1/24, interface: lan0}\n",
        "11:18: \"10.0.0.1/24\" is not a network address",
        "its host part is not zero: did you mean 10.0.0.0/24?");
  }

  @Test
  void networkWithoutPrefix() {
    assertEquals(List.of("11:18: address \"10.0.0.0\" has no prefix length"),
        errors(BASE + "networks:\n  lan: {network: 10.0.0.0, interface: lan0}\n"));
  }

  @Test
  void sampleOutsideItsNetwork() {
    assertError(BASE + "networks:\n  lan: {network: 10.0.0.0/24, interface: lan0,"
            + " sample: 10.0.1.5}\n",
        "11:56: sample 10.0.1.5 is not in 10.0.0.0/24",
        "the sample stands for the network in packets, so it must lie in it");
  }

  @Test
  void hostsMustBeAMappingOfNames() {
    assertEquals(List.of("11:3: \"hosts\" must be a mapping, not a list"),
        errors(BASE + "hosts:\n  - pc1\n"));
    assertEquals(List.of("11:8: a host must be a mapping, not a value"),
        errors(BASE + "hosts:\n  pc1: 10.0.0.2\n"));
  }

  // Sets ----------------------------------------------------------------------------------------

  @Test
  void unknownSetType() {
    assertError(BASE + "sets:\n  blocklist: {type: hash:ipp}\n",
        "11:21: unknown set type \"hash:ipp\"",
        "did you mean hash:ip? the types are hash:ip (addresses) and hash:net (networks)");
  }

  @Test
  void setMemberNotAnAddress() {
    Diagnostic d = only(BASE + "hosts:\n  pc1: {address: 10.0.0.2, interface: lan0}\n"
        + "sets:\n  trusted: {type: hash:ip, members: [pc1]}\n");
    assertEquals("13:38: set member \"pc1\" is not an address", line(d));
    assertEquals("write pc1's address, 10.0.0.2", d.explanation());
    assertError(BASE + "sets:\n  s: {type: hash:net, members: [intranet]}\n",
        "11:33: set member \"intranet\" is not an address",
        "an IPv4 address is four numbers from 0 to 255 separated by dots, like 10.0.0.1");
  }

  @Test
  void duplicateSetMember() {
    assertError(BASE + "sets:\n  s:\n    type: hash:ip\n    members:\n      - 192.0.2.66\n"
            + "      - 192.0.2.66\n",
        "15:9: set member 192.0.2.66/32 is already in the set",
        "ipset would say \"Element cannot be added to the set: it's already added\"");
  }

  @Test
  void whatIpsetRefuses() {
    assertEquals(List.of("11:33: hash:net cannot hold 0.0.0.0/0",
            "12:32: hash:ip cannot hold 0.0.0.0",
            "13:45: too many addresses for a hash:ip set"),
        errors(BASE + "sets:\n  a: {type: hash:net, members: [0.0.0.0/0]}\n"
            + "  b: {type: hash:ip, members: [0.0.0.0]}\n"
            + "  c: {type: hash:ip, members: [10.0.0.0/16, 10.1.0.0/32]}\n"));
  }

  @Test
  void setNameTooLong() {
    assertError(BASE + "sets:\n  a-very-long-set-name-over-31-chars: {type: hash:ip}\n",
        "11:3: set name \"a-very-long-set-name-over-31-chars\" is too long",
        "ipset names have at most 31 characters");
  }

  @Test
  void setWithoutType() {
    assertError(BASE + "sets:\n  s: {members: [192.0.2.1]}\n", "11:6: missing key \"type\"",
        "give the set's type, hash:ip or hash:net");
  }

  // All at once ---------------------------------------------------------------------------------

  @Test
  void everyMistakeIsReportedInOneRun() {
    String text = """
        firewall: fw
        interfaces:
          - name: wan0
            address: 203.0.113.1/24
            mac: zz:54:00:00:00:01
          - name: lan0
            address: 10.0.0.1/24
            rp_filer: 1
        routes:
          - to: default
            via: 198.51.100.1
        sysctls:
          ip_forward: 2
        services: [22/tpc, 80/tcp, 80/tcp]
        hosts:
          pc1: {address: 10.0.0.2, interface: lan9}
          fw: {address: 10.0.0.3, interface: lan0}
        networks:
          office: {network: 198.51.100.7/24, interface: wan0}
        sets:
          blocklist: {type: hash:ip, members: [attacker]}
        """;
    assertEquals(List.of(
        "5:10: invalid MAC address \"zz:54:00:00:00:01\"",
        "8:5: unknown key \"rp_filer\"",
        "11:10: gateway 198.51.100.1 is not on a connected network",
        "13:15: invalid value \"2\" for ip_forward",
        "14:15: unknown protocol \"tpc\"",
        "14:28: duplicate service 80/tcp",
        "16:39: unknown interface \"lan9\"",
        "17:3: name \"fw\" is the firewall's name",
        "19:21: \"198.51.100.7/24\" is not a network address",
        "21:40: set member \"attacker\" is not an address"), errors(text));
  }
}

package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.topology.Service;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;

/** How the example topology is laid out in namespaces, before any kernel is involved. */
class LabPlanTest {
  private static final Topology TOPOLOGY =
      TopologyParser.parse("example.yaml", TopologyParser.exampleText()).orThrow();
  private final LabPlan plan = LabPlan.of(TOPOLOGY, "pp42-1");

  @Test
  void oneNamespaceForTheFirewallAndOnePeerPerInterfaceButLo() {
    assertEquals(List.of("pp42-1-fw", "pp42-1-wan0", "pp42-1-lan0"), plan.namespaces());
    assertEquals("link add name wan0 address 52:54:00:00:00:01 netns pp42-1-fw type veth peer"
        + " name wan0 address 02:70:70:01:00:01 netns pp42-1-wan0\n", plan.addLinks().lines()
        .findFirst().orElseThrow() + "\n");
  }

  @Test
  void theFirewallGetsItsAddressesRoutesAndNoArp() {
    String commands = plan.configureFirewall();
    assertTrue(commands.contains("link set dev wan0 arp off\n"), commands);
    assertTrue(commands.contains("addr add 203.0.113.1/24 brd + dev wan0\n"), commands);
    assertTrue(commands.contains("addr add 10.0.0.1/24 brd + dev lan0\n"), commands);
    assertTrue(commands.endsWith("route add default via 203.0.113.254 dev wan0\n"), commands);
  }

  @Test
  void sysctlsFollowTheTopologyAndPinWhatWouldVary() {
    List<String> sysctls = plan.firewallSysctls().stream()
        .map(s -> s.key() + "=" + s.value()).toList();
    assertTrue(sysctls.contains("net/ipv4/ip_forward=1"), sysctls.toString());
    assertTrue(sysctls.contains("net/ipv4/conf/all/rp_filter=0"), sysctls.toString());
    assertTrue(sysctls.contains("net/ipv4/conf/lan0/rp_filter=0"), sysctls.toString());
    assertTrue(sysctls.contains("net/netfilter/nf_conntrack_tcp_loose=1"), sysctls.toString());
    assertTrue(sysctls.contains("net/netfilter/nf_conntrack_checksum=0"), sysctls.toString());
    assertTrue(sysctls.contains("net/ipv4/icmp_ratelimit=0"), sysctls.toString());
  }

  @Test
  void setsBecomeIpsets() {
    assertEquals("create blocklist hash:ip family inet\nadd blocklist 192.0.2.66\n"
        + "add blocklist 192.0.2.99\n", plan.ipsets());
  }

  @Test
  void servicesAreListenedOn() {
    assertEquals(List.of(22, 80, 443), plan.services(Service.Protocol.TCP));
    assertEquals(List.of(161), plan.services(Service.Protocol.UDP));
  }
}

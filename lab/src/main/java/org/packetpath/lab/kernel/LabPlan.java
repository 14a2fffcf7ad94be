package org.packetpath.lab.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.topology.AddressSet;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.Network;
import org.packetpath.engine.topology.Route;
import org.packetpath.engine.topology.Service;
import org.packetpath.engine.topology.Topology;

/**
 * How a topology becomes namespaces: their names, the veth pairs and their MAC addresses, the
 * {@code ip} commands, the sysctls and the ipsets. Pure data, so it can be read and tested
 * without a kernel.
 */
final class LabPlan {
  /** One link of the firewall: its interface, and the peer namespace at the other end. */
  record Link(Interface device, String peerNamespace, String firewallMac, String peerMac) {
    /**
     * Where a frame to {@code destination} is sent on this link: the firewall's MAC; all ones
     * for a broadcast; the IP multicast MAC for a multicast.
     */
    byte[] destinationMac(int destination) {
      boolean broadcast = destination == -1
          || device.prefix() <= 30 && destination == device.network().last();
      if (broadcast) {
        return new byte[] {-1, -1, -1, -1, -1, -1};
      }
      if ((destination & 0xf0000000) == 0xe0000000) {
        return new byte[] {0x01, 0x00, 0x5e, (byte) ((destination >> 16) & 0x7f),
            (byte) (destination >> 8), (byte) destination};
      }
      return Wire.mac(firewallMac);
    }
  }

  /** A sysctl, as its path under /proc/sys, and the value to write. */
  record Sysctl(String key, String value) {}

  private final Topology topology;
  private final String firewallNamespace;
  private final List<Link> links;

  private LabPlan(Topology topology, String prefix) {
    this.topology = topology;
    this.firewallNamespace = prefix + "-fw";
    Set<String> given = new HashSet<>();
    topology.interfaces().forEach(i -> i.mac().ifPresent(given::add));
    List<Link> all = new ArrayList<>();
    int index = 0;
    for (Interface device : topology.interfaces()) {
      if (device.isLoopback()) {
        continue;
      }
      index++;
      String own = device.mac().orElse(freeMac(0, index, given));
      String peer = freeMac(1, index, given);
      all.add(new Link(device, prefix + "-" + device.name(), own, peer));
    }
    this.links = List.copyOf(all);
  }

  static LabPlan of(Topology topology, String prefix) {
    return new LabPlan(topology, prefix);
  }

  /** A locally administered MAC address no interface of the topology has. */
  private static String freeMac(int side, int index, Set<String> taken) {
    for (int salt = 0; ; salt++) {
      String mac = String.format("02:70:70:%02x:%02x:%02x", side, salt & 0xff, index & 0xff);
      if (taken.add(mac)) {
        return mac;
      }
    }
  }

  String firewallNamespace() {
    return firewallNamespace;
  }

  List<Link> links() {
    return links;
  }

  /** Every namespace, the firewall's first. */
  List<String> namespaces() {
    List<String> all = new ArrayList<>();
    all.add(firewallNamespace);
    links.forEach(l -> all.add(l.peerNamespace()));
    return all;
  }

  /** {@code ip -batch} input creating the namespaces. */
  String addNamespaces() {
    StringBuilder out = new StringBuilder();
    namespaces().forEach(n -> out.append("netns add ").append(n).append('\n'));
    return out.toString();
  }

  /**
   * {@code ip -batch} input creating each veth pair straight in its two namespaces, both ends
   * named as the firewall's interface.
   */
  String addLinks() {
    StringBuilder out = new StringBuilder();
    for (Link l : links) {
      String name = l.device().name();
      out.append("link add name ").append(name).append(" address ").append(l.firewallMac())
          .append(" netns ").append(firewallNamespace).append(" type veth peer name ")
          .append(name).append(" address ").append(l.peerMac()).append(" netns ")
          .append(l.peerNamespace()).append('\n');
    }
    return out.toString();
  }

  /**
   * {@code ip -n FW -batch} input: loopback up; each interface without ARP (the kernel then
   * sends every frame to the interface's own MAC address, so any next hop "resolves" and the
   * peer's stack ignores the frames as meant for another host), with its address and
   * broadcast, up; then the routes in the topology's order.
   */
  String configureFirewall() {
    StringBuilder out = new StringBuilder("link set dev lo up\n");
    for (Link l : links) {
      Interface d = l.device();
      out.append("link set dev ").append(d.name()).append(" arp off\n");
      out.append("addr add ").append(Ipv4.format(d.address())).append('/').append(d.prefix())
          .append(d.prefix() <= 30 ? " brd +" : "").append(" dev ").append(d.name())
          .append('\n');
      out.append("link set dev ").append(d.name()).append(" up\n");
    }
    for (Route r : topology.routes()) {
      out.append("route add ").append(destination(r.destination()));
      r.gateway().ifPresent(g -> out.append(" via ").append(Ipv4.format(g)));
      out.append(" dev ").append(r.device()).append('\n');
    }
    return out.toString();
  }

  private static String destination(Network network) {
    return network.prefix() == 0 ? "default"
        : Ipv4.format(network.address()) + "/" + network.prefix();
  }

  /** Before any link exists: no IPv6 anywhere, so no neighbour discovery or MLD frames. */
  static List<Sysctl> quiet() {
    return List.of(new Sysctl("net/ipv6/conf/all/disable_ipv6", "1"),
        new Sysctl("net/ipv6/conf/default/disable_ipv6", "1"));
  }

  /**
   * The firewall's sysctls: the topology's (ip_forward; rp_filter for all, and each interface's
   * own, 0 when it has none; nf_conntrack_tcp_loose), and what the lab pins so that every run
   * gives the same answer: conntrack does not check checksums, ICMP errors are not rate limited
   * (the kernel sends at most about one a second to a host otherwise), and no ICMP redirects
   * (their rate limit remembers earlier packets).
   */
  List<Sysctl> firewallSysctls() {
    List<Sysctl> all = new ArrayList<>();
    all.add(new Sysctl("net/ipv4/ip_forward", String.valueOf(topology.sysctls().ipForward())));
    all.add(new Sysctl("net/ipv4/conf/all/rp_filter",
        String.valueOf(topology.sysctls().rpFilter())));
    all.add(new Sysctl("net/ipv4/conf/default/rp_filter", "0"));
    all.add(new Sysctl("net/ipv4/conf/all/send_redirects", "0"));
    all.add(new Sysctl("net/ipv4/conf/default/send_redirects", "0"));
    for (Interface d : topology.interfaces()) {
      all.add(new Sysctl("net/ipv4/conf/" + d.name() + "/rp_filter",
          String.valueOf(d.rpFilter().orElse(0))));
      all.add(new Sysctl("net/ipv4/conf/" + d.name() + "/send_redirects", "0"));
    }
    all.add(new Sysctl("net/netfilter/nf_conntrack_tcp_loose",
        String.valueOf(topology.sysctls().tcpLoose())));
    all.add(new Sysctl("net/netfilter/nf_conntrack_checksum", "0"));
    all.add(new Sysctl("net/ipv4/icmp_ratelimit", "0"));
    all.add(new Sysctl("net/ipv4/icmp_msgs_per_sec", "1000000"));
    all.add(new Sysctl("net/ipv4/icmp_msgs_burst", "1000000"));
    return all;
  }

  /** A peer namespace routes nothing. */
  static List<Sysctl> peerSysctls() {
    return List.of(new Sysctl("net/ipv4/ip_forward", "0"));
  }

  /** {@code ipset restore} input creating the topology's sets; empty without sets. */
  String ipsets() {
    StringBuilder out = new StringBuilder();
    for (AddressSet set : topology.sets()) {
      out.append("create ").append(set.name()).append(' ').append(set.type().label())
          .append(" family inet\n");
      for (Network member : set.members()) {
        out.append("add ").append(set.name()).append(' ')
            .append(member.prefix() == 32 ? Ipv4.format(member.address()) : member.toString())
            .append('\n');
      }
    }
    return out.toString();
  }

  List<Integer> services(Service.Protocol protocol) {
    return topology.services().stream().filter(s -> s.protocol() == protocol)
        .map(Service::port).toList();
  }
}

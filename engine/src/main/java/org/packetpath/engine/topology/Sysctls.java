package org.packetpath.engine.topology;

/**
 * The kernel settings that change a packet's journey, with the kernel's own defaults:
 *
 * <ul>
 *   <li>{@code ipForward} — {@code net.ipv4.ip_forward}: 1 lets the firewall route packets
 *       between its interfaces; 0 (the default) drops packets not addressed to it.
 *   <li>{@code rpFilter} — {@code net.ipv4.conf.all.rp_filter}: reverse path filtering, 0 (the
 *       default) off, 1 strict, 2 loose. An interface's own setting can only raise it: the
 *       kernel uses the higher of the two.
 *   <li>{@code tcpLoose} — {@code net.netfilter.nf_conntrack_tcp_loose}: 1 (the default) lets
 *       conntrack pick up TCP connections already under way, so a mid-stream packet is NEW
 *       rather than INVALID.
 * </ul>
 */
public record Sysctls(int ipForward, int rpFilter, int tcpLoose) {
  /** What a freshly booted kernel has. */
  public static final Sysctls DEFAULTS = new Sysctls(0, 0, 1);

  public Sysctls {
    check("ip_forward", ipForward, 1);
    check("rp_filter", rpFilter, 2);
    check("nf_conntrack_tcp_loose", tcpLoose, 1);
  }

  private static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " must be 0.." + max + ": " + value);
    }
  }

  public Sysctls withIpForward(int value) {
    return new Sysctls(value, rpFilter, tcpLoose);
  }

  public Sysctls withRpFilter(int value) {
    return new Sysctls(ipForward, value, tcpLoose);
  }

  public Sysctls withTcpLoose(int value) {
    return new Sysctls(ipForward, rpFilter, value);
  }
}

/**
 * The simulated firewall and its surroundings: its {@link
 * org.packetpath.engine.topology.Interface interfaces}, {@link
 * org.packetpath.engine.topology.Route routes}, {@link org.packetpath.engine.topology.Sysctls
 * sysctls} and listening {@link org.packetpath.engine.topology.Service services}, the named
 * {@link org.packetpath.engine.topology.NamedNetwork hosts and networks} around it, and the
 * {@link org.packetpath.engine.topology.AddressSet ipsets} its rules may use. {@link
 * org.packetpath.engine.topology.TopologyParser} reads them from a YAML file; {@link
 * org.packetpath.engine.topology.Topology} answers the routing questions a packet's journey
 * asks: is this address mine, which route and interface lead to it, what does a name stand for.
 *
 * <p>Addresses are IPv4 {@code int}s as in {@link org.packetpath.engine.net.Ipv4}. All types
 * are immutable values and check themselves when built.
 */
package org.packetpath.engine.topology;

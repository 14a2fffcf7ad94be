/**
 * The real Linux kernel as the oracle the simulator is checked against: {@link
 * org.packetpath.lab.kernel.KernelLab} builds a topology in network namespaces, loads rulesets
 * with iptables-restore, sends packets and reports counters, the frames that left and the
 * conntrack table. Needs root; {@link org.packetpath.lab.kernel.KernelLab#unavailable()} says
 * why it cannot run elsewhere.
 */
package org.packetpath.lab.kernel;

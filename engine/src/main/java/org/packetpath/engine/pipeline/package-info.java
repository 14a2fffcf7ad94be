/**
 * The netfilter pipeline as one data structure: the hooks, the tables at each hook in priority
 * order, and the kernel's own steps between them (connection tracking, NAT manipulation,
 * routing decisions). The simulator walks it, traces name its stages, and diagrams draw it.
 */
package org.packetpath.engine.pipeline;

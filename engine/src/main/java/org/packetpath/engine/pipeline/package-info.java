/**
 * The netfilter pipeline as one data structure: the places a packet can be (the hooks, the
 * routing decisions, the local process, the ways in and out), the labelled paths between them,
 * and at each hook the tables and the kernel's own steps in priority order. The simulator walks
 * it, traces list the places they entered, and views lay it out.
 */
package org.packetpath.engine.pipeline;

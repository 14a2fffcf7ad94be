/**
 * The packet-flow simulator: it walks packets through the {@link
 * org.packetpath.engine.pipeline.Pipeline}, evaluating rules, tracking connections, applying NAT
 * and routing, and records every decision in a trace.
 */
package org.packetpath.engine.sim;

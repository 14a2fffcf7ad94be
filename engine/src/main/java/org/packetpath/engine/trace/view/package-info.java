/**
 * The views of a trace: {@link org.packetpath.engine.trace.view.TraceJson} for tools and
 * scripts, {@link org.packetpath.engine.trace.view.TraceText} for reading the steps in a
 * terminal, and {@link org.packetpath.engine.trace.view.FlowDiagram} for seeing the packet's way
 * through the netfilter hooks. Views only read traces; they never change what happened.
 */
package org.packetpath.engine.trace.view;

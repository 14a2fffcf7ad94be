/**
 * The views of a trace: {@link org.packetpath.engine.trace.view.TraceText} for reading the steps,
 * and {@link org.packetpath.engine.trace.view.FlowDiagram} for seeing the packet's way through
 * the netfilter hooks, both layouts of the {@link org.packetpath.engine.pipeline.Pipeline}'s
 * graph. Views produce {@link org.packetpath.engine.trace.view.StyledText}: words and roles, no
 * terminal codes; whoever shows them decides how a role looks. Views only read traces; they never
 * change what happened.
 */
package org.packetpath.engine.trace.view;

/**
 * Traces: what happened to one simulated packet, step by step, as data. Views (terminal text,
 * JSON, diagrams) are computed from traces and never the other way round.
 */
package org.packetpath.engine.trace;

package org.packetpath.engine.pipeline;

import org.packetpath.engine.input.Checks;

/**
 * A path between two places of the {@link Pipeline}: a packet at {@code from} that leaves it
 * {@code way} comes to {@code to}. The label says when, in a word or two, for diagrams:
 * {@code local}, {@code forward}, {@code no route, rp_filter, ...}.
 */
public record Edge(Place from, Way way, Place to, String label) {
  public Edge {
    Checks.nonNull("from", from, "way", way, "to", to, "label", label);
    if (from == to) {
      throw new IllegalArgumentException("an edge joins two places, not " + from + " to itself");
    }
  }
}

package org.packetpath.lab;

import java.util.List;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.SourcePosition;

/**
 * One goal of an exercise, checked by sending packets through the learner's firewall: a goal in
 * the learner's words, the points it is worth, the packets (one, or a sequence sharing one
 * connection-tracking table) and what must happen to the last of them.
 *
 * @param id a short name, unique in the exercise: {@code office-ssh}
 * @param position where the exercise file defines the check
 */
public record Check(String id, String goal, int points, List<Probe> packets,
    Expectation expect, SourcePosition position) {

  public Check {
    Checks.nonNull("id", id, "goal", goal);
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1 but was " + points);
    }
    packets = List.copyOf(packets);
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("a check sends at least one packet");
    }
    Checks.nonNull("expect", expect, "position", position);
  }

  /** The packet whose fate is checked: the last one sent. */
  public Probe last() {
    return packets.get(packets.size() - 1);
  }
}

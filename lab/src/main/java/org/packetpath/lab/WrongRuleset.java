package org.packetpath.lab;

import java.util.List;
import java.util.Objects;
import org.packetpath.engine.input.SourcePosition;

/**
 * A known-wrong ruleset that proves an exercise's checks: it must fail exactly the checks
 * listed in {@code fails}.
 *
 * @param fails the ids of the checks it fails, in the exercise's check order
 * @param position where the exercise file lists it
 */
public record WrongRuleset(RulesFile file, List<String> fails, SourcePosition position) {
  public WrongRuleset {
    Objects.requireNonNull(file, "file");
    fails = List.copyOf(fails);
    Objects.requireNonNull(position, "position");
  }
}

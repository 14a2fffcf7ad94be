package org.packetpath.lab.check;

import java.util.List;
import org.packetpath.engine.input.Checks;

/**
 * What {@link ExerciseVerifier} proved about each exercise: a list of claims, each holding or
 * not, with the evidence in words.
 */
public record Verification(List<Verification.Exercise> exercises) {
  public Verification {
    exercises = List.copyOf(exercises);
  }

  /** One exercise's claims. */
  public record Exercise(String id, String title, int number, List<Claim> claims) {
    public Exercise {
      Checks.nonNull("id", id, "title", title);
      claims = List.copyOf(claims);
    }

    public boolean holds() {
      return claims.stream().allMatch(Claim::holds);
    }
  }

  /**
   * One claim about an exercise: {@code start.rules fails at least one check}.
   *
   * @param subject the ruleset the claim is about, or the exercise's checks
   * @param text what was found, in words
   */
  public record Claim(String subject, boolean holds, String text) {
    public Claim {
      Checks.nonNull("subject", subject, "text", text);
    }
  }

  /** Whether every claim about every exercise holds. */
  public boolean holds() {
    return exercises.stream().allMatch(Exercise::holds);
  }

  /** The claims that do not hold. */
  public List<Claim> broken() {
    return exercises.stream().flatMap(e -> e.claims().stream()).filter(c -> !c.holds())
        .toList();
  }
}

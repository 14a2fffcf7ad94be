package org.packetpath.lab;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.topology.Topology;

/**
 * One exercise of the lab, as its folder describes it: {@code exercise.yaml} (metadata, checks,
 * hints, known-wrong rulesets), {@code README.md} (the instructions), {@code start.rules} (the
 * broken ruleset the learner repairs) and {@code solution.rules} (a reference solution).
 *
 * @param number its place in the lab, from 1, as the index orders it
 * @param folder its folder's name: {@code 01-misplaced-rules}
 * @param id its short name: {@code misplaced-rules}
 * @param concepts what it teaches, one phrase each
 * @param topologyName the topology as the exercise file names it: {@code example} for the
 *     built-in one, else a file's path relative to the exercise's folder
 * @param topology the simulated firewall and its world
 * @param hints the hint ladder, gentle to explicit, in Markdown
 * @param instructions the instructions, in Markdown
 */
public record Exercise(
    int number,
    String folder,
    String id,
    String title,
    List<String> concepts,
    String topologyName,
    Topology topology,
    List<Check> checks,
    List<String> hints,
    String instructions,
    RulesFile start,
    RulesFile solution,
    List<WrongRuleset> wrong) {

  /** The file name of the instructions in an exercise folder. */
  public static final String INSTRUCTIONS = "README.md";
  /** The file name of the starting ruleset in an exercise folder. */
  public static final String START = "start.rules";
  /** The file name of the reference solution in an exercise folder. */
  public static final String SOLUTION = "solution.rules";

  public Exercise {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1 but was " + number);
    }
    Checks.nonNull("folder", folder, "id", id, "title", title, "topologyName", topologyName,
        "topology", topology, "instructions", instructions, "start", start, "solution", solution);
    concepts = List.copyOf(concepts);
    checks = List.copyOf(checks);
    hints = List.copyOf(hints);
    wrong = List.copyOf(wrong);
  }

  /** The check called {@code checkId}, if the exercise has one. */
  public Optional<Check> check(String checkId) {
    return checks.stream().filter(c -> c.id().equals(checkId)).findFirst();
  }

  /** The points of all checks together. */
  public int points() {
    return checks.stream().mapToInt(Check::points).sum();
  }

  /**
   * The exercise's rules file at {@code path} ({@code start.rules}, {@code solution.rules} or
   * one of the known-wrong rulesets), if it has one.
   */
  public Optional<RulesFile> rules(String path) {
    if (path.equals(start.path())) {
      return Optional.of(start);
    }
    if (path.equals(solution.path())) {
      return Optional.of(solution);
    }
    return wrong.stream().map(WrongRuleset::file).filter(f -> f.path().equals(path)).findFirst();
  }
}

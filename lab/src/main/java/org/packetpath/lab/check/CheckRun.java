package org.packetpath.lab.check;

import java.util.List;
import org.packetpath.engine.input.Diagnostic;

/**
 * The outcome of running an exercise's checks: a result per check in the exercise's order, and
 * the problems that kept checks from running (the rules have errors, there is no such
 * exercise), each a located diagnostic, plus warnings about the rules.
 */
public record CheckRun(List<CheckResult> results, List<Diagnostic> problems,
    List<String> warnings) {

  public CheckRun {
    results = List.copyOf(results);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** Whether every check ran and passed. */
  public boolean allPassed() {
    return problems.isEmpty() && !results.isEmpty() && results.stream()
        .allMatch(CheckResult::passed);
  }

  /** The checks that ran and failed. */
  public List<CheckResult> failed() {
    return results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).toList();
  }

  /** The points earned. */
  public int earned() {
    return results.stream().mapToInt(CheckResult::earned).sum();
  }

  /** The points there are. */
  public int points() {
    return results.stream().mapToInt(CheckResult::points).sum();
  }
}

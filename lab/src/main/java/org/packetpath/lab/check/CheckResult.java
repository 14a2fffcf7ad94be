package org.packetpath.lab.check;

import java.util.List;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.trace.Trace;

/**
 * How one check of an exercise went: data for every view (the terminal, a grader's JSON, a
 * site), which render it as they like ({@link CheckText} for the terminal).
 *
 * @param exercise the exercise's id
 * @param check the check's id, unique in the exercise
 * @param goal the goal in the learner's words
 * @param points what the check is worth; {@link #earned()} is what it earned
 * @param expected what had to happen to the last packet, in words
 * @param problems empty when the check passed; when it failed, what went otherwise, one
 *     sentence each; when it did not run, why not
 * @param traces the trace of every packet sent, in order, when the check failed here; empty
 *     when it passed or did not run
 */
public record CheckResult(
    String exercise,
    String check,
    String goal,
    int points,
    Status status,
    String expected,
    List<String> problems,
    List<Trace> traces) {

  /** Whether a check passed, failed, or could not run. */
  public enum Status {
    PASSED,
    FAILED,
    NOT_RUN
  }

  public CheckResult {
    Checks.nonNull("exercise", exercise, "check", check, "goal", goal, "status", status,
        "expected", expected);
    problems = List.copyOf(problems);
    traces = List.copyOf(traces);
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  /** The points earned: all of them when the check passed, else none. */
  public int earned() {
    return passed() ? points : 0;
  }
}

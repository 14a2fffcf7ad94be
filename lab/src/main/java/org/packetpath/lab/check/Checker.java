package org.packetpath.lab.check;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.Trace;
import org.packetpath.lab.Check;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.Probe;

/**
 * Runs one check: a fresh firewall with the exercise's topology and the given ruleset, the
 * check's packets sent one after another, and the last one's trace held against the check's
 * expectation.
 */
final class Checker {
  private Checker() {}

  static CheckResult run(Exercise exercise, Check check, Ruleset rules) {
    Simulator fw = Simulator.of(exercise.topology(), rules);
    List<Trace> traces = new ArrayList<>();
    for (Probe probe : check.packets()) {
      traces.add(fw.send(probe.spec()));
    }
    List<String> problems = Explain.problems(check.expect(), traces.get(traces.size() - 1));
    boolean passed = problems.isEmpty();
    return new CheckResult(exercise.id(), check.id(), check.goal(), check.points(),
        passed ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
        Explain.expected(check.expect()), problems, passed ? List.of() : traces);
  }

  /** A check that could not run, and why. */
  static CheckResult notRun(Exercise exercise, Check check, String why) {
    return new CheckResult(exercise.id(), check.id(), check.goal(), check.points(),
        CheckResult.Status.NOT_RUN, Explain.expected(check.expect()), List.of(why), List.of());
  }
}

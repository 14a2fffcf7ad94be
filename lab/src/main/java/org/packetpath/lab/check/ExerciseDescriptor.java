package org.packetpath.lab.check;

import java.util.List;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.lab.Content;
import org.packetpath.lab.Exercise;

/** An exercise as a test container: it loads the ruleset once and runs its checks in order. */
final class ExerciseDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "exercise";

  private final Exercise exercise;
  private final RulesSpec rules;

  ExerciseDescriptor(UniqueId engine, Exercise exercise, Content content, RulesSpec rules) {
    super(engine.append(SEGMENT, exercise.id()),
        "Exercise " + exercise.number() + ": " + exercise.title(),
        Sources.of(content, exercise.folder() + "/exercise.yaml", 1));
    this.exercise = exercise;
    this.rules = rules;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  void execute(EngineExecutionListener listener) {
    listener.executionStarted(this);
    Parsed<Ruleset> parsed = rules.load(exercise);
    for (Diagnostic d : parsed.warnings()) {
      listener.reportingEntryPublished(this, ReportEntry.from("warning", d.render()));
    }
    if (parsed.value().isEmpty()) {
      List<Diagnostic> errors = parsed.errors();
      for (TestDescriptor check : getChildren()) {
        listener.executionSkipped(check, "the rules have errors");
      }
      listener.executionFinished(this, TestExecutionResult.failed(
          new CheckProblem("the rules have errors", errors)));
      return;
    }
    Ruleset ruleset = parsed.value().get();
    for (TestDescriptor child : getChildren()) {
      CheckDescriptor check = (CheckDescriptor) child;
      listener.executionStarted(check);
      listener.reportingEntryPublished(check, ReportEntry.from(CheckDescriptor.EXPECTED,
          check.expected()));
      TestExecutionResult result;
      try {
        CheckResult r = Checker.run(exercise, check.check(), ruleset);
        result = r.passed() ? TestExecutionResult.successful()
            : TestExecutionResult.failed(new CheckFailed(r));
      } catch (RuntimeException e) {
        result = TestExecutionResult.failed(e);
      }
      listener.executionFinished(check, result);
    }
    listener.executionFinished(this, TestExecutionResult.successful());
  }
}

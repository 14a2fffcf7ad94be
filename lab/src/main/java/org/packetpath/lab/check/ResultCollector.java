package org.packetpath.lab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;

/**
 * Turns the events of a launcher run of {@link CheckEngine} into {@link CheckResult}s. It reads
 * only what any JUnit client sees (unique ids, display names, tags, report entries, failures),
 * and the whole result from a {@link CheckFailed} thrown in this process. Not thread-safe.
 */
final class ResultCollector implements TestExecutionListener {
  private final List<CheckResult> results = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> expected = new HashMap<>();

  CheckRun run() {
    return new CheckRun(results, problems, warnings);
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    entry.getKeyValuePairs().forEach((key, value) -> {
      if (key.equals(CheckDescriptor.EXPECTED)) {
        expected.put(id.getUniqueId(), value);
      } else if (key.equals("warning")) {
        warnings.add(value);
      }
    });
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    segment(id, CheckDescriptor.SEGMENT).ifPresent(check -> results.add(result(id, check,
        CheckResult.Status.NOT_RUN, List.of(reason))));
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult outcome) {
    Optional<Throwable> thrown = outcome.getThrowable();
    Optional<String> check = segment(id, CheckDescriptor.SEGMENT);
    if (check.isPresent()) {
      if (thrown.isPresent() && thrown.get() instanceof CheckFailed f && f.result() != null) {
        results.add(f.result());
      } else if (outcome.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        results.add(result(id, check.get(), CheckResult.Status.PASSED, List.of()));
      } else {
        results.add(result(id, check.get(), outcome.getStatus()
            == TestExecutionResult.Status.ABORTED ? CheckResult.Status.NOT_RUN
            : CheckResult.Status.FAILED, List.of(thrown.map(ResultCollector::describe)
                .orElse("it failed"))));
      }
    } else if (thrown.isPresent()) {
      if (thrown.get() instanceof CheckProblem p && p.diagnostics() != null) {
        problems.addAll(p.diagnostics());
      } else {
        problems.add(Diagnostic.error(new SourcePosition(id.getDisplayName(), 0, 0), "",
            describe(thrown.get())));
      }
    }
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private CheckResult result(TestIdentifier id, String check, CheckResult.Status status,
      List<String> problems) {
    String exercise = segment(id, ExerciseDescriptor.SEGMENT).orElse("");
    int points = id.getTags().stream().map(t -> t.getName())
        .filter(t -> t.startsWith(CheckDescriptor.POINTS))
        .map(t -> Integer.parseInt(t.substring(CheckDescriptor.POINTS.length())))
        .findFirst().orElse(0);
    return new CheckResult(exercise, check, id.getDisplayName(), points, status,
        expected.getOrDefault(id.getUniqueId(), ""), problems, List.of());
  }

  private static Optional<String> segment(TestIdentifier id, String type) {
    return id.getUniqueIdObject().getSegments().stream()
        .filter(s -> s.getType().equals(type)).map(UniqueId.Segment::getValue).findFirst();
  }
}

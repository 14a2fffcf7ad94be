package org.packetpath.lab.check;

import java.util.List;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.packetpath.engine.input.Diagnostic;

/**
 * A test that fails at once, telling why no checks could be found: so that a run that was asked
 * for an exercise never passes silently with nothing checked.
 */
final class ProblemDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "problem";

  private final List<Diagnostic> diagnostics;

  ProblemDescriptor(UniqueId engine, String summary, List<Diagnostic> diagnostics) {
    super(engine.append(SEGMENT, "setup"), summary);
    this.diagnostics = List.copyOf(diagnostics);
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  void execute(EngineExecutionListener listener) {
    listener.executionStarted(this);
    listener.executionFinished(this, TestExecutionResult.failed(
        new CheckProblem(getDisplayName(), diagnostics)));
  }
}

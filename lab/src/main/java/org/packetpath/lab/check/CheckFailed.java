package org.packetpath.lab.check;

import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.packetpath.lab.term.Colour;

/**
 * A check's failure as JUnit reports it: the message says in words what was expected, what
 * happened instead, and shows the packet's path; an in-process listener finds the whole {@link
 * CheckResult} in {@link #result()}.
 */
final class CheckFailed extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  private final transient CheckResult result;

  CheckFailed(CheckResult result) {
    super(CheckText.explanation(result, Colour.PLAIN), result.expected(),
        String.join("; ", result.problems()));
    this.result = Objects.requireNonNull(result, "result");
  }

  /** The result, when the failure was thrown in this process; else {@code null}. */
  CheckResult result() {
    return result;
  }
}

package org.packetpath.lab.repl;

/**
 * Thrown by a {@link LabSession} helper after it has printed why it cannot do what was asked
 * (a bad packet, a bad rule): the learner has read the located diagnostic, so the shell shows
 * nothing more, no exception and no stack trace.
 */
final class Reported extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Reported() {
    super("the problem was shown above", null, false, false);
  }
}

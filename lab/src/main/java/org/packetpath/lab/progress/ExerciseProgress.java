package org.packetpath.lab.progress;

/**
 * Where a learner stands in one exercise they have started.
 *
 * @param done whether all its checks passed on the working copy once
 * @param hints how many of its hints the learner has seen, from the first
 */
public record ExerciseProgress(boolean done, int hints) {
  /** A started exercise: not done, no hint seen. */
  public static final ExerciseProgress STARTED = new ExerciseProgress(false, 0);

  public ExerciseProgress {
    if (hints < 0) {
      throw new IllegalArgumentException("hints must not be negative but was " + hints);
    }
  }

  /** The same, marked done. */
  public ExerciseProgress asDone() {
    return new ExerciseProgress(true, hints);
  }

  /** The same, with {@code count} hints seen. */
  public ExerciseProgress withHints(int count) {
    return new ExerciseProgress(done, count);
  }
}

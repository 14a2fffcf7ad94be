package org.packetpath.lab.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's progress through the lab: the current exercise and, for each exercise started,
 * whether it is done and how many hints were shown. Immutable; every change returns a new one.
 *
 * @param current the exercise guided mode opens, by id; empty before the first start
 * @param exercises the exercises started, by id, in the order they were started
 */
public record Progress(Optional<String> current, Map<String, ExerciseProgress> exercises) {
  /** No exercise started yet. */
  public static final Progress NONE = new Progress(Optional.empty(), Map.of());

  public Progress {
    Objects.requireNonNull(current, "current");
    exercises = Collections.unmodifiableMap(new LinkedHashMap<>(exercises));
  }

  /** Where the learner stands in exercise {@code id}, if they started it. */
  public Optional<ExerciseProgress> of(String id) {
    return Optional.ofNullable(exercises.get(id));
  }

  /** Whether exercise {@code id} is done. */
  public boolean isDone(String id) {
    return of(id).map(ExerciseProgress::done).orElse(false);
  }

  /** How many hints of exercise {@code id} the learner has seen. */
  public int hints(String id) {
    return of(id).map(ExerciseProgress::hints).orElse(0);
  }

  /** Exercise {@code id} started (if it was not) and made current. */
  public Progress start(String id) {
    return new Progress(Optional.of(id), with(id, of(id).orElse(ExerciseProgress.STARTED)));
  }

  /** Exercise {@code id} marked done; the current exercise does not change. */
  public Progress done(String id) {
    return new Progress(current,
        with(id, of(id).orElse(ExerciseProgress.STARTED).asDone()));
  }

  /** Exercise {@code id} with {@code count} hints seen; the current one does not change. */
  public Progress hintsShown(String id, int count) {
    return new Progress(current,
        with(id, of(id).orElse(ExerciseProgress.STARTED).withHints(count)));
  }

  private Map<String, ExerciseProgress> with(String id, ExerciseProgress state) {
    Map<String, ExerciseProgress> copy = new LinkedHashMap<>(exercises);
    copy.put(id, state);
    return copy;
  }
}

package org.packetpath.lab.cli;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.progress.ExerciseProgress;
import org.packetpath.lab.progress.Progress;

/**
 * The exercises with the learner's progress, one line each:
 *
 * <pre>
 *   ✓ 1  misplaced-rules         The misplaced rules
 *   ▸ 2  dont-lock-yourself-out  Don't lock yourself out   current, 1 of 4 hints seen
 *     3  stop-the-bot            Stop the bot
 * </pre>
 */
final class ExerciseList {
  private ExerciseList() {}

  static List<String> lines(Workbench bench, Progress progress) {
    List<Exercise> exercises = bench.exercises();
    Styles styles = bench.styles();
    Exercise current = bench.current(progress);
    int idWidth = exercises.stream().mapToInt(e -> e.id().length()).max().orElse(0);
    int titleWidth = exercises.stream().mapToInt(e -> e.title().length()).max().orElse(0);
    int numberWidth = String.valueOf(exercises.size()).length();
    List<String> lines = new ArrayList<>();
    for (Exercise e : exercises) {
      boolean done = progress.isDone(e.id());
      boolean isCurrent = e.id().equals(current.id());
      String mark = done ? styles.ok("✓") : isCurrent ? styles.bold("▸") : " ";
      String number = " ".repeat(numberWidth - String.valueOf(e.number()).length())
          + e.number();
      String text = number + "  " + pad(e.id(), idWidth) + "  " + pad(e.title(), titleWidth);
      String state = state(e, progress, isCurrent);
      String line = "  " + mark + " " + (isCurrent ? styles.bold(text) : text)
          + (state.isEmpty() ? "" : "  " + styles.dim(state));
      lines.add(line.stripTrailing());
    }
    return lines;
  }

  /** {@code current, 1 of 4 hints seen}, or less. */
  private static String state(Exercise e, Progress progress, boolean current) {
    List<String> parts = new ArrayList<>();
    if (current) {
      parts.add("current");
    }
    int hints = progress.of(e.id()).map(ExerciseProgress::hints).orElse(0);
    if (hints > 0) {
      parts.add(hints + " of " + e.hints().size() + " hints seen");
    }
    return String.join(", ", parts);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}

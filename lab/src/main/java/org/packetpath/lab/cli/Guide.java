package org.packetpath.lab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.packetpath.lab.Exercise;

/** The sentences the learner-facing commands and guided mode share. */
final class Guide {
  /** The width of running text: hints, next steps. */
  static final int WIDTH = 90;

  private Guide() {}

  /** {@code Exercise 1 of 3: The misplaced rules}. */
  static String title(Workbench bench, Exercise e) {
    return "Exercise " + e.number() + " of " + bench.exercises().size() + ": " + e.title();
  }

  /** Where the working copy is, and whether it was just created. */
  static String workingCopy(Path file, boolean created, Styles styles) {
    return "Your working copy of the rules: " + styles.bold(Workbench.show(file)) + " "
        + styles.dim(created ? "(just created from the starting rules)"
            : "(yours, as you left it)");
  }

  /** Hint {@code k} (from 1) of exercise {@code e}: a heading and the text, indented. */
  static List<String> hint(Exercise e, int k, Styles styles) {
    List<String> lines = new ArrayList<>();
    lines.add(styles.bold("Hint " + k + " of " + e.hints().size()) + " for exercise "
        + e.number() + ", " + e.title() + ":");
    lines.add("");
    for (String line : e.hints().get(k - 1).strip().split("\n", -1)) {
      if (line.isBlank()) {
        lines.add("");
      } else if (line.startsWith(" ")) {
        lines.add("  " + line.stripTrailing());
      } else {
        wrap(line, WIDTH - 2).forEach(l -> lines.add("  " + l));
      }
    }
    return lines;
  }

  /**
   * {@code text} in lines of at most {@code width} columns, broken between words; a word
   * longer than that gets a line of its own. Colour codes count as they are, so wrap plain
   * text.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}

package org.packetpath.engine.trace.view;

import java.util.Arrays;
import org.packetpath.engine.trace.view.StyledText.Role;

/**
 * A grid of characters, each with a role, that drawings are composed on and then written out as
 * styled lines. Drawing outside the grid is an error, so a drawing that would not fit fails
 * loudly instead of being cut.
 */
final class Canvas {
  private final int width;
  private final char[][] cells;
  private final Role[][] roles;

  Canvas(int width, int height) {
    this.width = width;
    this.cells = new char[height][width];
    this.roles = new Role[height][width];
    for (int y = 0; y < height; y++) {
      Arrays.fill(cells[y], ' ');
      Arrays.fill(roles[y], Role.PLAIN);
    }
  }

  int width() {
    return width;
  }

  int height() {
    return cells.length;
  }

  /** Writes {@code text} from column {@code x} of row {@code y}. */
  Canvas text(int x, int y, String text, Role role) {
    if (x < 0 || x + text.length() > width || y < 0 || y >= cells.length) {
      throw new IllegalArgumentException(
          "'" + text + "' at " + x + "," + y + " does not fit " + width + "x" + cells.length);
    }
    for (int i = 0; i < text.length(); i++) {
      cells[y][x + i] = text.charAt(i);
      roles[y][x + i] = role;
    }
    return this;
  }

  /** One character. */
  Canvas put(int x, int y, char c, Role role) {
    return text(x, y, String.valueOf(c), role);
  }

  /**
   * The grid as lines without trailing blanks, a span for each run of one role; blank runs are
   * plain, since there is nothing in them to style.
   */
  StyledText styled() {
    StyledText.Builder out = new StyledText.Builder();
    for (int y = 0; y < cells.length; y++) {
      int end = width;
      while (end > 0 && cells[y][end - 1] == ' ') {
        end--;
      }
      int x = 0;
      while (x < end) {
        int run = x;
        while (run < end && roles[y][run] == roles[y][x]) {
          run++;
        }
        String text = new String(cells[y], x, run - x);
        out.add(text, text.isBlank() ? Role.PLAIN : roles[y][x]);
        x = run;
      }
      out.newline();
    }
    return out.build();
  }
}

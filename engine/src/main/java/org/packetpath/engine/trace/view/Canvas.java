package org.packetpath.engine.trace.view;

import java.util.Arrays;

/**
 * A grid of characters, each with an ink, that drawings are composed on and then written out as
 * lines: plain, or with the inks as ANSI codes. Drawing outside the grid is an error, so a
 * drawing that would not fit fails loudly instead of being cut.
 */
final class Canvas {
  /** How a character is painted on a terminal. */
  enum Ink {
    NORMAL(""),
    DIM("2"),
    PATH("1;36"),
    STRONG("1"),
    GOOD("1;32"),
    BAD("1;31"),
    NAT("33");

    private final String sgr;

    Ink(String sgr) {
      this.sgr = sgr;
    }
  }

  private final int width;
  private final char[][] cells;
  private final Ink[][] inks;

  Canvas(int width, int height) {
    this.width = width;
    this.cells = new char[height][width];
    this.inks = new Ink[height][width];
    for (int y = 0; y < height; y++) {
      Arrays.fill(cells[y], ' ');
      Arrays.fill(inks[y], Ink.NORMAL);
    }
  }

  int width() {
    return width;
  }

  int height() {
    return cells.length;
  }

  /** Writes {@code text} from column {@code x} of row {@code y}. */
  Canvas text(int x, int y, String text, Ink ink) {
    if (x < 0 || x + text.length() > width || y < 0 || y >= cells.length) {
      throw new IllegalArgumentException(
          "'" + text + "' at " + x + "," + y + " does not fit " + width + "x" + cells.length);
    }
    for (int i = 0; i < text.length(); i++) {
      cells[y][x + i] = text.charAt(i);
      inks[y][x + i] = ink;
    }
    return this;
  }

  /** One character. */
  Canvas put(int x, int y, char c, Ink ink) {
    return text(x, y, String.valueOf(c), ink);
  }

  /** The grid as lines without trailing blanks, each ending in a newline. */
  String render(Colour colour) {
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < cells.length; y++) {
      int end = width;
      while (end > 0 && cells[y][end - 1] == ' ') {
        end--;
      }
      int x = 0;
      while (x < end) {
        int run = x;
        while (run < end && inks[y][run] == inks[y][x]) {
          run++;
        }
        String text = new String(cells[y], x, run - x);
        out.append(text.isBlank() ? text : colour.paint(inks[y][x].sgr, text));
        x = run;
      }
      out.append('\n');
    }
    return out.toString();
  }
}

package org.packetpath.engine.input;

import java.util.Objects;

/**
 * Where something came from: a file name, a 1-based line and a 1-based column. Column 0 means
 * the whole line; line 0 means the whole file.
 */
public record SourcePosition(String file, int line, int column) {
  public static final SourcePosition NONE = new SourcePosition("", 0, 0);

  public SourcePosition {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
  }

  /** The same file and line at another column. */
  public SourcePosition atColumn(int newColumn) {
    return new SourcePosition(file, line, newColumn);
  }

  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}

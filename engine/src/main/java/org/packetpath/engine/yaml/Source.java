package org.packetpath.engine.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.SourcePosition;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The lines of one YAML file, and the positions in them that snakeyaml's marks stand for. A
 * byte order mark at the start is dropped; columns count UTF-16 characters, as the caret of a
 * {@link org.packetpath.engine.input.Diagnostic} does, where snakeyaml's count code points.
 */
final class Source {
  private final String file;
  private final List<String> lines;

  Source(String file, String text) {
    this(file, (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList());
  }

  private Source(String file, List<String> lines) {
    this.file = file;
    this.lines = List.copyOf(lines);
  }

  String file() {
    return file;
  }

  /** The text to read: the lines joined with line feeds, so that lines and columns stay. */
  String text() {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Line {@code line} (from 1) without its line break, or empty past the end. */
  String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  /** The column (from 1) of the first character of line {@code line} that is not a space. */
  int firstColumn(int line) {
    String text = line(line);
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i + 1;
  }

  SourcePosition at(int line, int column) {
    return new SourcePosition(file, Math.max(line, 1), Math.max(column, 1));
  }

  /** Where {@code mark} points; the start of the file when there is no mark. */
  SourcePosition at(Optional<Mark> mark) {
    return mark.map(m -> at(m.getLine() + 1, chars(m.getLine() + 1, m.getColumn()) + 1))
        .orElse(at(1, 1));
  }

  /** Where the code point at {@code index} from the start of the text is. */
  SourcePosition atCodePoint(int index) {
    int left = index;
    for (int line = 1; line <= lines.size(); line++) {
      int length = lines.get(line - 1).codePointCount(0, lines.get(line - 1).length());
      if (left <= length) {
        return at(line, chars(line, left) + 1);
      }
      left -= length + 1;
    }
    return at(lines.size() + 1, 1);
  }

  /** A copy in which lines {@code from} to {@code to} (from 1, inclusive) are empty. */
  Source blanked(int from, int to) {
    List<String> copy = new ArrayList<>(lines);
    for (int line = Math.max(from, 1); line <= Math.min(to, lines.size()); line++) {
      copy.set(line - 1, "");
    }
    return new Source(file, copy);
  }

  /** The number of UTF-16 characters in the first {@code codePoints} code points of a line. */
  private int chars(int line, int codePoints) {
    String text = line(line);
    int count = Math.min(codePoints, text.codePointCount(0, text.length()));
    return text.offsetByCodePoints(0, count) + (codePoints - count);
  }

  int lineCount() {
    return lines.size();
  }
}

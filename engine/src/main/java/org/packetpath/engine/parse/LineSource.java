package org.packetpath.engine.parse;

import java.util.List;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;

/**
 * One command's text: usually one line of a file, or several lines joined by backslash
 * continuations. Positions in the joined text map back to the physical line and column, so
 * diagnostics point where the user wrote the word.
 *
 * @param segments where each physical line starts in {@code text}, in order
 */
record LineSource(String file, int number, String text, List<Segment> segments) {
  /** A physical line: its offset in the joined text, its 1-based number and its text. */
  record Segment(int offset, int number, String text) {}

  LineSource(String file, int number, String text) {
    this(file, number, text, List.of(new Segment(0, number, text)));
  }

  LineSource {
    segments = List.copyOf(segments);
  }

  private Segment segment(int column) {
    Segment found = segments.get(0);
    for (Segment s : segments) {
      if (column > s.offset()) {
        found = s;
      }
    }
    return found;
  }

  SourcePosition at(int column) {
    if (column <= 0) {
      return new SourcePosition(file, number, 0);
    }
    Segment s = segment(column);
    return new SourcePosition(file, s.number(), column - s.offset());
  }

  SourcePosition at(Token token) {
    return at(token.column());
  }

  private String textAt(int column) {
    return column <= 0 ? segments.get(0).text() : segment(column).text();
  }

  Diagnostic error(Token token, String message) {
    return error(token.column(), message);
  }

  Diagnostic error(int column, String message) {
    return Diagnostic.error(at(column), textAt(column), message);
  }

  Diagnostic warning(Token token, String message) {
    return Diagnostic.warning(at(token), textAt(token.column()), message);
  }
}

package org.packetpath.engine.parse;

import org.packetpath.engine.rules.SourcePosition;

/** One line of input: file name, 1-based line number and text. Makes located diagnostics. */
record LineSource(String file, int number, String text) {
  SourcePosition at(int column) {
    return new SourcePosition(file, number, column);
  }

  SourcePosition at(Token token) {
    return at(token.column());
  }

  Diagnostic error(Token token, String message) {
    return Diagnostic.error(at(token), text, message);
  }

  Diagnostic error(int column, String message) {
    return Diagnostic.error(at(column), text, message);
  }

  Diagnostic warning(Token token, String message) {
    return Diagnostic.warning(at(token), text, message);
  }
}

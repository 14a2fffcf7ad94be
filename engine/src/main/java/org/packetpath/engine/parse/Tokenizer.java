package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule line into words the way iptables-restore's {@code add_param_to_argv} does:
 * spaces and tabs separate words, double quotes group them and are removed, and inside quotes a
 * backslash escapes the next character. Single quotes are ordinary characters.
 */
final class Tokenizer {
  private Tokenizer() {}

  /** An unterminated quote; {@code column} is where the quote opened. */
  static final class UnterminatedQuote extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    UnterminatedQuote(int column) {
      super("unterminated quoted string", null, false, false);
      this.column = column;
    }
  }

  static List<Token> split(String line) throws UnterminatedQuote {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int start = -1;
    boolean quoted = false;
    int quoteStart = 0;
    boolean hadQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (start >= 0) {
          tokens.add(new Token(word.toString(), start + 1));
          word.setLength(0);
          start = -1;
          hadQuotes = false;
        }
      } else {
        if (start < 0) {
          start = i;
        }
        if (c == '"') {
          quoted = true;
          quoteStart = i;
          hadQuotes = true;
        } else {
          word.append(c);
        }
      }
    }
    if (quoted) {
      throw new UnterminatedQuote(quoteStart + 1);
    }
    if (start >= 0 || hadQuotes) {
      tokens.add(new Token(word.toString(), start + 1));
    }
    return tokens;
  }
}

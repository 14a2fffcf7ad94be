package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits a shell command line into words: single quotes, double quotes and backslashes. */
final class ShellWords {
  private ShellWords() {}

  static List<Token> split(LineSource line) throws LineError {
    String text = line.text();
    List<Token> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        if (start >= 0) {
          words.add(new Token(word.toString(), start + 1));
          word.setLength(0);
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        if (c == '#') {
          break;
        }
        start = i;
      }
      switch (c) {
        case '\'' -> {
          int end = text.indexOf('\'', i + 1);
          if (end < 0) {
            throw new LineError(line.error(i + 1, "unterminated quoted string")
                .explained("every ' must be closed on the same line"));
          }
          word.append(text, i + 1, end);
          i = end;
        }
        case '"' -> {
          int j = i + 1;
          while (j < text.length() && text.charAt(j) != '"') {
            char d = text.charAt(j);
            if (d == '$' || d == '`') {
              throw unsupported(line, j, d);
            }
            if (d == '\\' && j + 1 < text.length() && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
              j++;
            }
            word.append(text.charAt(j));
            j++;
          }
          if (j >= text.length()) {
            throw new LineError(line.error(i + 1, "unterminated quoted string")
                .explained("every \" must be closed on the same line"));
          }
          i = j;
        }
        case '\\' -> {
          if (i + 1 < text.length()) {
            word.append(text.charAt(++i));
          }
        }
        case '$', '`', '|', ';', '&', '>', '<', '(', ')' -> throw unsupported(line, i, c);
        default -> word.append(c);
      }
    }
    if (start >= 0) {
      words.add(new Token(word.toString(), start + 1));
    }
    return words;
  }

  private static LineError unsupported(LineSource line, int index, char c) {
    return new LineError(line.error(index + 1, "shell syntax `" + c + "' is not supported here")
        .explained("rules scripts are read, not run: write each iptables command out in full,"
            + " without variables, pipes or redirections"));
  }
}

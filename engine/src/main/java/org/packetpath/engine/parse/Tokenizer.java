package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule line into words the way iptables-restore's {@code add_param_to_argv} does:
 * spaces and tabs separate words, double quotes group them and are removed (the closing quote
 * ends the word), and inside quotes a backslash escapes the next character. Single quotes are
 * ordinary characters, and so is a carriage return: a line ending in {@code \r\n} has a {@code
 * \r} at the end of its last word.
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
    List<Token> tokens = new ArrayList<>(24);
    int n = line.length();
    int i = 0;
    while (true) {
      while (i < n && isBlank(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return tokens;
      }
      int start = i;
      while (i < n && !isBlank(line.charAt(i)) && line.charAt(i) != '"') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder word = new StringBuilder().append(line, start, i);
        i = quotedRest(line, i, word);
        tokens.add(new Token(word.toString(), start + 1));
      } else {
        tokens.add(new Token(line.substring(start, i), start + 1));
      }
    }
  }

  /**
   * Reads the rest of a word from the quote at {@code i} into {@code word}; returns the index
   * after the word. The closing quote ends the word, as in iptables-restore: {@code "a"b} is two
   * words.
   */
  private static int quotedRest(String line, int i, StringBuilder word) throws UnterminatedQuote {
    int quoteStart = i;
    for (i++; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '"') {
        return i + 1;
      } else {
        word.append(c);
      }
    }
    throw new UnterminatedQuote(quoteStart + 1);
  }

  /** Words separated by blanks, quotes left alone, as iptables-restore reads chain lines. */
  static List<Token> splitOnBlanks(String line) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      if (isBlank(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < line.length() && !isBlank(line.charAt(i))) {
        i++;
      }
      tokens.add(new Token(line.substring(start, i), start + 1));
    }
    return tokens;
  }

  /** {@code line} without the blanks before and after it; a carriage return is kept. */
  static String strip(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && isBlank(line.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n';
  }
}

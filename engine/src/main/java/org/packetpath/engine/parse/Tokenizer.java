package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Splits a rule line into words the way iptables-restore's {@code add_param_to_argv} does:
 * spaces and tabs separate words, a double quote opens a quoted part anywhere in a word ({@code
 * a"b c"} is {@code ab c}) and its closing quote ends the word ({@code "a"b} is two words), the
 * quotes are removed, and inside quotes a backslash escapes the next character; outside quotes a
 * backslash is an ordinary character. Single quotes are ordinary characters, and so is a
 * carriage return: a line ending in {@code \r\n} has a {@code \r} at the end of its last word.
 *
 * <p>A quote left open is no error: iptables-restore reads the rest of the line into the word,
 * with the newline that ends the line ({@code --comment "abc} is the comment {@code abc} and a
 * newline; a backslash before the newline escapes it, which gives the same word).
 */
final class Tokenizer {
  private Tokenizer() {}

  /** The words of {@code line}; an open quote is reported to {@code unterminated}. */
  static List<Token> split(String line) {
    return split(line, column -> {});
  }

  /**
   * The words of {@code line}, a rule line, which iptables-restore reads with its newline;
   * a quote left open is reported to {@code unterminated} with the column it opened at.
   */
  static List<Token> split(String line, IntConsumer unterminated) {
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
        i = quotedRest(line, i, word, unterminated);
        tokens.add(new Token(word.toString(), start + 1));
      } else {
        tokens.add(new Token(CommonWords.of(line, start, i), start + 1));
      }
    }
  }

  /**
   * Reads the rest of a word from the quote at {@code i} into {@code word}; returns the index
   * after the word. The closing quote ends the word, as in iptables-restore: {@code "a"b} is two
   * words. An open quote takes the rest of the line and its newline.
   */
  private static int quotedRest(String line, int i, StringBuilder word, IntConsumer unterminated) {
    int quoteStart = i;
    for (i++; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '\\') {
        break;
      } else if (c == '"') {
        return i + 1;
      } else {
        word.append(c);
      }
    }
    unterminated.accept(quoteStart + 1);
    word.append('\n');
    return line.length();
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
      tokens.add(new Token(CommonWords.of(line, start, i), start + 1));
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

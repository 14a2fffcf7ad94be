package org.packetpath.engine.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.ext.ArgException;

/**
 * The words of one command, read left to right as iptables' getopt loop reads its argv, with
 * the {@code !} seen before the option being read. Errors point at a word of the line. Not
 * thread-safe.
 */
final class Words {
  private final LineSource line;
  private final List<Token> tokens;
  private int pos;
  /** The {@code !} waiting for the option it negates, or null. */
  private Token invert;

  Words(LineSource line, List<Token> tokens) {
    this.line = line;
    this.tokens = tokens;
  }

  LineSource line() {
    return line;
  }

  boolean hasNext() {
    return pos < tokens.size();
  }

  Token next() {
    return tokens.get(pos++);
  }

  /** The next word, not taken; call only when {@link #hasNext}. */
  Token peek() {
    return tokens.get(pos);
  }

  /** The first word of the line, or an empty word at column 1 when there is none. */
  Token first() {
    return tokens.isEmpty() ? new Token("", 1) : tokens.get(0);
  }

  /** Remembers a {@code !}; fails if one is already waiting. */
  void invert(Token token) throws LineError {
    if (invert != null) {
      throw error(token, "multiple consecutive ! not allowed");
    }
    invert = token;
  }

  /** The {@code !} waiting for an option, or null. */
  Token pendingInvert() {
    return invert;
  }

  /**
   * Whether a {@code !} precedes the option being read, consuming it; fails with {@code message}
   * at the {@code !} when the option cannot be negated.
   */
  boolean takeInvert(boolean allowed, Supplier<String> message) throws LineError {
    if (invert == null) {
      return false;
    }
    if (!allowed) {
      throw error(invert, message.get());
    }
    invert = null;
    return true;
  }

  /** Fails when a {@code !} precedes {@code token}, an option that cannot be negated. */
  void noInvert(Token token) throws LineError {
    if (invert != null) {
      throw error(invert, "unexpected ! flag before " + token.text());
    }
  }

  /** The {@code arity} words after option {@code token}, called {@code name} in messages. */
  List<String> takeArgs(Token token, int arity, String name) throws LineError {
    if (arity == 1) {
      return List.of(takeArg(token, name));
    }
    List<String> values = new ArrayList<>(arity);
    for (int i = 0; i < arity; i++) {
      if (pos >= tokens.size()) {
        if (arity == 2 && i == 1) {
          // libxt_sctp says it without the full stop libxt_tcp and libxt_set end it with
          throw error(token, name + " requires two args" + (name.equals("--chunk-types") ? ""
              : "."));
        }
        throw error(token, "option \"" + name + "\" requires an argument");
      }
      values.add(tokens.get(pos++).text());
    }
    return values;
  }

  /** The one word after option {@code token}, called {@code name} in messages. */
  String takeArg(Token token, String name) throws LineError {
    if (pos >= tokens.size()) {
      throw error(token, "option \"" + name + "\" requires an argument");
    }
    return tokens.get(pos++).text();
  }

  /** The word holding argument {@code index} of option {@code optionToken}. */
  Token argToken(Token optionToken, int index) {
    int i = indexOf(optionToken) + 1 + Math.max(index, 0);
    return i < tokens.size() ? tokens.get(i) : optionToken;
  }

  private int indexOf(Token token) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) == token) {
        return i;
      }
    }
    return tokens.indexOf(token);
  }

  LineError error(Token token, String message) {
    return new LineError(line.error(token, message));
  }

  /** A bad argument of option {@code optionToken}, at the argument it names. */
  LineError argError(Token optionToken, ArgException e) {
    Token at = e.argIndex() >= 0 ? argToken(optionToken, e.argIndex()) : optionToken;
    LineError error = error(at, e.getMessage());
    return e.explanation().isEmpty() ? error : error.explain(e.explanation());
  }

  /**
   * The warning that the kernel keeps only the start {@code kept} of the text {@code given} to
   * option {@code name}.
   */
  Diagnostic cut(Token at, String name, String given, String kept) {
    byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
    int length = kept.getBytes(StandardCharsets.UTF_8).length;
    String why = "of the " + bytes.length + " bytes given, the kernel keeps only the start,"
        + " silently, and iptables-save prints what it kept";
    if ((bytes[length] & 0x80) != 0) {
      String next = new String(Character.toChars(given.codePointAt(kept.length())));
      why += "; it counts bytes, not characters: where it cuts one in two, as it may '" + next
          + "' here, iptables-save prints the first bytes as they are (not valid UTF-8), and"
          + " PacketPath leaves the character out";
    }
    return line().warning(at, name + " is cut to its first " + length + " bytes")
        .explained(why);
  }

  /** Whether C's {@code isspace} holds for a character of {@code text}. */
  static boolean hasCSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isCSpace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether C's {@code isspace} holds for {@code c}. */
  static boolean isCSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** The warning that iptables-save prints the match at {@code at} with another meaning. */
  Diagnostic savedOtherwise(Token at, Backend backend) {
    String why = backend == Backend.NFT
        ? "iptables-nft keeps every test of the rule's tcp or udp matches, but iptables-nft-save"
            + " prints them as one match, each option once (the last given, negated if any"
            + " was), and leaves out a port range 0:65535 or a --tcp-flags with an empty mask"
            + " even where the kernel tests it; give each test once, in one match"
        : "iptables-legacy-save leaves out a negated port range 0:65535 and a --tcp-flags with"
            + " an empty mask, which the kernel still tests (the rule never matches)";
    return line().warning(at, SAVED_OTHERWISE + "; what it prints means something else")
        .explained(why);
  }

  /** How the warning that iptables-save prints a rule with another meaning begins. */
  static final String SAVED_OTHERWISE = "iptables-save does not print this match as the kernel"
      + " tests it";
}

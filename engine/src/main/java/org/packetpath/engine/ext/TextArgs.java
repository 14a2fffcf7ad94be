package org.packetpath.engine.ext;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Readers of free-text and word-list arguments the extensions share. */
final class TextArgs {
  private TextArgs() {}

  /** {@code text} cut to its first {@code max} characters, as iptables copies it to the kernel. */
  static String truncated(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }

  /**
   * A text of which iptables keeps the first {@code max} characters; an empty one is refused
   * with {@code message} and {@code explanation}.
   */
  static String nonEmpty(String text, int max, String message, String explanation)
      throws ArgException {
    if (text.isEmpty()) {
      throw new ArgException(message).explained(explanation);
    }
    return truncated(text, max);
  }

  /** The {@code given} words, comma-separated in the order of {@code known}. */
  static String inOrder(List<String> known, Set<String> given) {
    return known.stream().filter(given::contains).collect(Collectors.joining(","));
  }
}

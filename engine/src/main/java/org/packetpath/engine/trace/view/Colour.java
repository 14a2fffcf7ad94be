package org.packetpath.engine.trace.view;

/**
 * Whether a view paints with ANSI escape codes, for a terminal that shows colours, or writes
 * plain text, for files, pipes and terminals without colour. Colour only adds emphasis: the
 * plain text carries every marker and word, so nothing is lost without it.
 */
public enum Colour {
  /** Plain text, no escape codes. */
  PLAIN,
  /** Text with ANSI SGR escape codes (bold, dim, colours). */
  ANSI;

  /** {@code text} wrapped in the SGR codes {@code sgr} ("1;31"), or as it is when plain. */
  String paint(String sgr, String text) {
    if (this == PLAIN || sgr.isEmpty() || text.isEmpty()) {
      return text;
    }
    return "\u001b[" + sgr + "m" + text + "\u001b[0m";
  }
}

package org.packetpath.lab.term;

import org.packetpath.engine.trace.view.StyledText;
import org.packetpath.engine.trace.view.StyledText.Role;

/**
 * Whether the lab paints its text with ANSI escape codes, for a terminal that shows colours, or
 * writes it plain, for files, pipes and terminals without colour (the commands choose, with
 * picocli's detection of the terminal); and how each role of the engine's styled text looks
 * there. Colour only adds emphasis: the plain text carries every
 * marker and word.
 */
public enum Colour {
  /** Plain text, no escape codes. */
  PLAIN,
  /** Text with ANSI SGR escape codes (bold, dim, colours). */
  ANSI;

  /** {@code text}, every line followed by a newline, each span painted for its role. */
  public String render(StyledText text) {
    StringBuilder out = new StringBuilder();
    for (StyledText.Line line : text.lines()) {
      line.spans().forEach(s -> out.append(paint(s.role(), s.text())));
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code text} painted as {@code role} looks, or as it is when plain. */
  public String paint(Role role, String text) {
    String sgr = sgr(role);
    if (this == PLAIN || sgr.isEmpty() || text.isEmpty()) {
      return text;
    }
    return "\u001b[" + sgr + "m" + text + "\u001b[0m";
  }

  /** The SGR parameters of {@code role}: bold, faint, and the colours of a 16-colour terminal. */
  private static String sgr(Role role) {
    return switch (role) {
      case PLAIN -> "";
      case STRONG, HOOK, MATCH -> "1";
      case MISS, DIM -> "2";
      case CHAIN -> "36";
      case NAT -> "33";
      case ROUTE -> "35";
      case PATH -> "1;36";
      case ACCEPT -> "1;32";
      case DROP -> "1;31";
    };
  }
}

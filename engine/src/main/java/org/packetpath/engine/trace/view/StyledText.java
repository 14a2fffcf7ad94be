package org.packetpath.engine.trace.view;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.input.Checks;

/**
 * Text as the views produce it: lines of spans, each span tagged with the role it plays (a rule
 * that matched, the packet's way, a drop). It says nothing about how a role looks; a terminal
 * maps roles to colours, a web page to CSS classes, and {@link #plain()} drops them. Immutable.
 */
public final class StyledText {
  /** What a span of text is, for whoever decides how it looks. */
  public enum Role {
    /** Nothing special. */
    PLAIN,
    /** Emphasis: a heading, the packet, what the packet went through. */
    STRONG,
    /** The name of a hook. */
    HOOK,
    /** The name of a chain. */
    CHAIN,
    /** A rule that matched, or the policy that decided. */
    MATCH,
    /** A rule that did not match, and other detail. */
    MISS,
    /** What the packet did not go through. */
    DIM,
    /** Network address translation. */
    NAT,
    /** A routing decision. */
    ROUTE,
    /** The packet's way. */
    PATH,
    /** A journey that went on: delivered, forwarded, sent. */
    ACCEPT,
    /** A journey that ended in a drop or a reject. */
    DROP
  }

  /** Some text in one role; never a line break. */
  public record Span(String text, Role role) {
    public Span {
      Checks.nonNull("text", text, "role", role);
      if (text.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a span is part of one line: " + text);
      }
    }
  }

  /** One line: its spans, in order; no spans for an empty line. */
  public record Line(List<Span> spans) {
    public Line {
      spans = List.copyOf(spans);
    }

    /** The line's text without roles. */
    public String plain() {
      StringBuilder out = new StringBuilder();
      spans.forEach(s -> out.append(s.text()));
      return out.toString();
    }
  }

  private final List<Line> lines;

  private StyledText(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The lines, in order. */
  public List<Line> lines() {
    return lines;
  }

  /** The text without roles: every line followed by a newline. */
  public String plain() {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.plain()).append('\n'));
    return out.toString();
  }

  /** {@code parts} one after another, an empty line between two. */
  public static StyledText joined(List<StyledText> parts) {
    List<Line> all = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        all.add(new Line(List.of()));
      }
      all.addAll(parts.get(i).lines);
    }
    return new StyledText(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StyledText t && t.lines.equals(lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  @Override
  public String toString() {
    return plain();
  }

  /** Builds styled text line by line. Not thread-safe. */
  static final class Builder {
    private final List<Line> lines = new ArrayList<>();
    private final List<Span> current = new ArrayList<>();

    /** Adds {@code text} in {@code role} to the current line; empty text adds nothing. */
    Builder add(String text, Role role) {
      if (!text.isEmpty()) {
        current.add(new Span(text, role));
      }
      return this;
    }

    /** Ends the current line. */
    Builder newline() {
      lines.add(new Line(current));
      current.clear();
      return this;
    }

    /** The lines ended so far. */
    StyledText build() {
      return new StyledText(lines);
    }
  }
}

package org.packetpath.engine.input;

import java.util.Optional;

/**
 * A problem found in user input. {@code message} uses iptables' own wording where iptables has
 * one; {@code explanation} adds a plain-English hint for learners, or is empty. {@code
 * sourceLine} is the text of the offending line, for the caret display.
 */
public record Diagnostic(
    Severity severity,
    SourcePosition position,
    String message,
    String explanation,
    String sourceLine) {

  public Diagnostic {
    Checks.nonNull("severity", severity, "position", position, "message", message,
        "explanation", explanation, "sourceLine", sourceLine);
  }

  public static Diagnostic error(SourcePosition position, String sourceLine, String message) {
    return new Diagnostic(Severity.ERROR, position, message, "", sourceLine);
  }

  public static Diagnostic warning(SourcePosition position, String sourceLine, String message) {
    return new Diagnostic(Severity.WARNING, position, message, "", sourceLine);
  }

  public Diagnostic explained(String text) {
    return new Diagnostic(severity, position, message, text, sourceLine);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Optional<String> explanationText() {
    return explanation.isEmpty() ? Optional.empty() : Optional.of(explanation);
  }

  /**
   * The diagnostic as a learner sees it:
   *
   * <pre>
   * rules.v4:6:25: error: unknown option "--dprot"
   *   -A INPUT -p tcp -m tcp --dprot 22 -j DROP
   *                          ^
   *   hint: ...
   * </pre>
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(position).append(": ").append(severity.label()).append(": ").append(message);
    if (!sourceLine.isEmpty()) {
      out.append('\n').append("  ").append(sourceLine.replace('\t', ' '));
      if (position.column() > 0) {
        out.append('\n').append("  ").append(" ".repeat(position.column() - 1)).append('^');
      }
    }
    if (!explanation.isEmpty()) {
      out.append('\n').append("  ").append(explanation);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return position + ": " + severity.label() + ": " + message;
  }
}

package org.packetpath.lab.cli;

import org.packetpath.engine.input.Diagnostic;
import picocli.CommandLine.Help.Ansi;

/** Terminal colours, on only when writing to a terminal that supports them. */
final class Styles {
  private final Ansi ansi;

  private Styles(Ansi ansi) {
    this.ansi = ansi;
  }

  static Styles auto() {
    return new Styles(Ansi.AUTO);
  }

  static Styles plain() {
    return new Styles(Ansi.OFF);
  }

  /** Whether colours are on. */
  boolean colour() {
    return ansi.enabled();
  }

  String error(String text) {
    return ansi.string("@|bold,red " + escape(text) + "|@");
  }

  String ok(String text) {
    return ansi.string("@|bold,green " + escape(text) + "|@");
  }

  String warning(String text) {
    return ansi.string("@|yellow " + escape(text) + "|@");
  }

  String dim(String text) {
    return ansi.string("@|faint " + escape(text) + "|@");
  }

  String bold(String text) {
    return ansi.string("@|bold " + escape(text) + "|@");
  }

  /** A diagnostic with its severity label coloured. */
  String diagnostic(Diagnostic d) {
    String rendered = d.render();
    if (!ansi.enabled()) {
      return rendered;
    }
    String label = d.severity().label() + ":";
    String colored = d.isError() ? error(label) : ansi.string("@|bold,yellow " + label + "|@");
    return rendered.replaceFirst(java.util.regex.Pattern.quote(label),
        java.util.regex.Matcher.quoteReplacement(colored));
  }

  private static String escape(String text) {
    return text.replace("@|", "@@|");
  }
}

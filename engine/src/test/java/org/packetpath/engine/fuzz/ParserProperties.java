package org.packetpath.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.TableRules;

/**
 * What must hold for every text given to {@link RulesParser}, whatever it holds: no exception
 * escapes; the result is a ruleset or at least one error; every diagnostic points into the text
 * (at one of its lines, and at a column of that line, one past its end, or 0 for the whole
 * line); and a ruleset, printed by {@link SavePrinter} and read back, is the same ruleset and
 * prints the same again.
 */
final class ParserProperties {
  static final String FILE = "fuzz.rules";
  static final String PRINTED = "printed.rules";

  private ParserProperties() {}

  /** Reads {@code text} in both forms and in the detected form, checking every property. */
  static void check(String text) {
    for (RulesParser.Format format : RulesParser.Format.values()) {
      check(text, format);
    }
    RulesParser.Format detected = RulesParser.detect(text);
    assertEquals(RulesParser.parse(FILE, text, detected), RulesParser.parse(FILE, text),
        "parse(file, text) must read the text in the detected form " + detected);
  }

  /** Reads {@code text} in {@code format}, checking every property. */
  static void check(String text, RulesParser.Format format) {
    Parsed<Ruleset> result = RulesParser.parse(FILE, text, format);
    Supplier<String> context = () -> format + " input " + quote(text);
    assertEquals(result.value().isEmpty(), result.hasErrors(), () ->
        "a ruleset exactly when there is no error: " + context.get() + " -> "
            + result.diagnostics());
    // Lines as the parser splits them, at \n only: a carriage return belongs to its line.
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    for (Diagnostic d : result.diagnostics()) {
      checkPosition(d, lines, format, context);
    }
    result.value().ifPresent(r -> checkRoundTrip(r, context));
  }

  private static void checkPosition(
      Diagnostic d, List<String> lines, RulesParser.Format format, Supplier<String> context) {
    SourcePosition at = d.position();
    assertEquals(FILE, at.file(), () -> "diagnostic names the file: " + d + " for "
        + context.get());
    if (at.line() < 1 || at.line() > lines.size()) {
      fail("diagnostic line " + at.line() + " outside 1.." + lines.size() + ": " + d
          + " for " + context.get());
    }
    String line = lines.get(at.line() - 1);
    // One past the last character is where something missing would go ("*" without a name).
    if (at.column() > line.length() + 1) {
      fail("diagnostic column " + at.column() + " past the end of line " + at.line()
          + " (" + line.length() + " characters " + quote(line) + "): " + d + " for "
          + context.get());
    }
    assertFalse(d.message().isBlank(), () -> "diagnostic has a message: " + d + " for "
        + context.get());
  }

  /**
   * Printing and reading back gives the same ruleset, except that every built-in chain is now
   * declared: iptables-save prints the built-in chains of a table whether or not they were
   * declared, and iptables-restore then creates them. From then on, the round trip is exact.
   */
  static void checkRoundTrip(Ruleset ruleset, Supplier<String> context) {
    if (unreadableWhenPrinted(ruleset)) {
      return;
    }
    String printed = SavePrinter.print(ruleset, true);
    Ruleset again = reread(printed, context);
    assertEquals(declared(ruleset), again, () ->
        "printed with counters and read back, the ruleset changed: " + context.get()
            + "\nprinted:\n" + printed + "reprinted:\n" + SavePrinter.print(again, true));
    assertEquals(printed, SavePrinter.print(again, true), () ->
        "printing is not idempotent: " + context.get());
    assertEquals(again, reread(printed, context), () ->
        "second round trip differs: " + context.get());

    String bare = SavePrinter.print(ruleset, false);
    Ruleset bareAgain = reread(bare, context);
    assertEquals(bare, SavePrinter.print(bareAgain, false), () ->
        "printing without counters is not idempotent: " + context.get());
    assertEquals(ruleset.ruleCount(), bareAgain.ruleCount(), () ->
        "rules lost printing without counters: " + context.get());
  }

  /**
   * Whether the ruleset holds a name that iptables-save prints bare although it cannot be read
   * back as one word. iptables itself accepts interface names with blanks or double quotes and
   * chain names with double quotes, and its save output then fails to restore, so the round trip
   * cannot hold. So it is with an option argument holding a newline (from a quote left open),
   * which iptables-save prints as it is, ending the line inside the quotes.
   */
  static boolean unreadableWhenPrinted(Ruleset ruleset) {
    for (TableRules table : ruleset.tables()) {
      for (Chain chain : table.chains()) {
        if (chain.name().contains("\"")) {
          return true;
        }
        for (Rule rule : chain.rules()) {
          if (rule.matches().stream().anyMatch(m -> hasNewline(m.options()))
              || rule.target().filter(t -> hasNewline(t.options())).isPresent()) {
            return true;
          }
          for (Option option : rule.base()) {
            boolean iface = option.name().equals("-i") || option.name().equals("-o");
            if (iface && option.args().stream().anyMatch(
                a -> a.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\n'))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean hasNewline(List<Option> options) {
    return options.stream().anyMatch(o -> o.args().stream().anyMatch(a -> a.contains("\n")));
  }

  private static Ruleset reread(String printed, Supplier<String> context) {
    Parsed<Ruleset> result = RulesParser.parse(PRINTED, printed, RulesParser.Format.SAVE);
    assertTrue(result.errors().isEmpty(), () -> "the printed ruleset does not read back: "
        + context.get() + "\nprinted:\n" + printed + "errors: " + render(result.errors()));
    return result.orThrow();
  }

  /** The ruleset with every built-in chain marked as declared. */
  static Ruleset declared(Ruleset ruleset) {
    List<TableRules> tables = new ArrayList<>();
    for (TableRules table : ruleset.tables()) {
      List<Chain> chains = new ArrayList<>();
      for (Chain c : table.chains()) {
        chains.add(c.isBuiltin() && !c.declared()
            ? new Chain(c.name(), c.policy(), c.counters(), c.rules(), true, c.origin())
            : c);
      }
      tables.add(new TableRules(table.table(), chains));
    }
    return new Ruleset(tables);
  }

  private static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(d -> out.append('\n').append(d.render()));
    return out.toString();
  }

  /** {@code text} as a Java string literal, so control characters show. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    String shown = text.length() > 2000 ? text.substring(0, 2000) : text;
    for (char c : shown.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(shown.length() < text.length() ? "\"..." : "\"").toString();
  }
}

package org.packetpath.lab.repl;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/**
 * One rule appended to a ruleset the way {@code iptables-restore} would read it: the ruleset in
 * its canonical {@code iptables-save} form with the line {@code -A CHAIN RULE} added at the end
 * of the table's block, read by the rules parser, so that the new rule gets exactly the checks
 * and canonical form of a rule in a file. Diagnostics about the new line are reported against
 * {@code append:1:COLUMN}, the line as the learner wrote it.
 *
 * @param text the ruleset in save form with the new line
 * @param line the new line's number in {@code text}, from 1
 */
record Appending(String text, int line) {
  /** How diagnostics name the appended line. */
  static final SourcePosition POSITION = new SourcePosition("append", 1, 0);

  /**
   * {@code rules} with {@code -A chain rule} added to the block of {@code table}; {@code chain}
   * and {@code rule} hold no line break.
   */
  static Appending of(Ruleset rules, Table table, String chain, String rule) {
    String added = ("-A " + chain.strip() + " " + rule.strip()).strip();
    List<String> lines = new ArrayList<>(SavePrinter.print(rules, false).lines().toList());
    int block = lines.indexOf("*" + table.label());
    if (block < 0) {
      lines.add("*" + table.label());
      lines.add("COMMIT");
      block = lines.size() - 2;
    }
    int commit = lines.subList(block, lines.size()).indexOf("COMMIT") + block;
    lines.add(commit, added);
    return new Appending(String.join("\n", lines) + "\n", commit + 1);
  }

  /** The ruleset with the new rule, or the diagnostics. */
  Parsed<Ruleset> parse() {
    return RulesParser.parse(POSITION.file(), text, RulesParser.Format.SAVE);
  }

  /**
   * The diagnostics worth showing the learner: those about the new line, located in it, and
   * errors elsewhere (a rule that became part of a loop). Warnings about the other rules were
   * shown when they were read.
   */
  List<Diagnostic> located(List<Diagnostic> diagnostics) {
    List<Diagnostic> shown = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.position().line() == line) {
        shown.add(new Diagnostic(d.severity(), POSITION.atColumn(d.position().column()),
            d.message(), d.explanation(), d.sourceLine()));
      } else if (d.isError()) {
        shown.add(d);
      }
    }
    return shown;
  }
}

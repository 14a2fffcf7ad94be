package org.packetpath.lab;

import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Ruleset;

/**
 * A rules file that comes with an exercise (the start, the solution, a known-wrong ruleset),
 * in either form a learner may write: {@code iptables-save} output or a script of {@code
 * iptables} commands.
 *
 * @param path the file's path in the exercise folder: {@code wrong/drop-first.rules}
 * @param name how diagnostics name the file
 */
public record RulesFile(String path, String name, String text) {
  public RulesFile {
    Checks.nonNull("path", path, "name", name, "text", text);
  }

  /** The file read as a ruleset, with every diagnostic located in it. */
  public Parsed<Ruleset> parse() {
    return RulesParser.parse(name, text);
  }
}

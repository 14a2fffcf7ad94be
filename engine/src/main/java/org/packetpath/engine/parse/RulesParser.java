package org.packetpath.engine.parse;

import java.nio.file.Path;
import java.util.List;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourceText;
import org.packetpath.engine.rules.Ruleset;

/**
 * The front door for reading rulesets. Accepts both forms learners write: an {@code
 * iptables-save} file and a script of {@code iptables} commands; the form is recognised from
 * the first command line. Every problem, with its position, is in the result; nothing throws for
 * bad input (see {@link Parsed} for how to use the result).
 */
public final class RulesParser {
  private RulesParser() {}

  /** The two input forms. */
  public enum Format {
    /** {@code *filter}, {@code :INPUT ACCEPT [0:0]}, {@code -A …}, {@code COMMIT}. */
    SAVE,
    /** {@code iptables -A INPUT …}, one command per line. */
    SCRIPT
  }

  /** Reads {@code text}, naming it {@code file} in diagnostics. */
  public static Parsed<Ruleset> parse(String file, String text) {
    return parse(file, text, detect(text));
  }

  /** Reads {@code text} in the given form. */
  public static Parsed<Ruleset> parse(String file, String text, Format format) {
    return parse(file, text, format, ReadAhead.MIN_LINES);
  }

  /** Reads {@code text}, reading its rule lines ahead from {@code readAheadFrom} lines on. */
  static Parsed<Ruleset> parse(String file, String text, Format format, int readAheadFrom) {
    List<String> lines = text.lines().toList();
    RulesetBuilder builder = new RulesetBuilder();
    Diagnostics diagnostics = new Diagnostics();
    switch (format) {
      case SAVE -> new SaveFileParser(file, lines, builder, diagnostics,
          ReadAhead.of(file, lines, readAheadFrom)).parse();
      case SCRIPT -> ScriptParser.parse(file, lines, builder, diagnostics);
    }
    Ruleset ruleset = builder.build();
    if (!diagnostics.hasErrors()) {
      Validator.validate(ruleset, lines, diagnostics);
    }
    return Parsed.of(ruleset, diagnostics.sorted());
  }

  /** Reads the file at {@code path}; a missing or unreadable file is an error diagnostic. */
  public static Parsed<Ruleset> parse(Path path) {
    SourceText source = SourceText.read(path);
    return source.text()
        .map(text -> parse(source.name(), text))
        .orElseGet(() -> Parsed.failed(source.error().orElseThrow()));
  }

  /** Recognises the form of {@code text} from its first line that is not blank or a comment. */
  public static Format detect(String text) {
    return text.lines()
        .map(String::strip)
        .filter(t -> !t.isEmpty() && !t.startsWith("#"))
        .findFirst()
        .map(RulesParser::formatOf)
        .orElse(Format.SAVE);
  }

  private static Format formatOf(String firstLine) {
    String first = firstLine.split("[ \t]", 2)[0];
    first = first.substring(first.lastIndexOf('/') + 1);
    boolean script = first.equals("iptables") || first.equals("iptables-nft")
        || first.equals("iptables-legacy") || first.equals("sudo") || first.equals("set");
    return script ? Format.SCRIPT : Format.SAVE;
  }
}

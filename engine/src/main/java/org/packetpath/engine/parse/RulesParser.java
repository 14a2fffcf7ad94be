package org.packetpath.engine.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourceText;
import org.packetpath.engine.pipeline.Backend;
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

  /** Reads {@code text}, naming it {@code file} in diagnostics, as iptables-nft would. */
  public static Parsed<Ruleset> parse(String file, String text) {
    return parse(file, text, detect(text));
  }

  /** Reads {@code text} as {@code backend} would: the two refuse different rulesets. */
  public static Parsed<Ruleset> parse(String file, String text, Backend backend) {
    return parse(file, text, detect(text), backend);
  }

  /** Reads {@code text} in the given form, as iptables-nft would. */
  public static Parsed<Ruleset> parse(String file, String text, Format format) {
    return parse(file, text, format, Backend.NFT);
  }

  /** Reads {@code text} in the given form, as {@code backend} would. */
  public static Parsed<Ruleset> parse(String file, String text, Format format, Backend backend) {
    return parse(file, text, format, backend, ReadAhead.MIN_LINES);
  }

  /** Reads {@code text}, reading its rule lines ahead from {@code readAheadFrom} lines on. */
  static Parsed<Ruleset> parse(String file, String text, Format format, int readAheadFrom) {
    return parse(file, text, format, Backend.NFT, readAheadFrom);
  }

  private static Parsed<Ruleset> parse(String file, String text, Format format, Backend backend,
      int readAheadFrom) {
    List<String> lines = lines(text);
    RulesetBuilder builder = new RulesetBuilder(backend);
    Diagnostics diagnostics = new Diagnostics();
    switch (format) {
      case SAVE -> new SaveFileParser(file, lines, text.endsWith("\n"), builder, diagnostics,
          backend, ReadAhead.of(file, lines, backend, readAheadFrom)).parse();
      case SCRIPT -> ScriptParser.parse(file, lines, builder, diagnostics, backend);
    }
    Ruleset ruleset = builder.build();
    if (!diagnostics.hasErrors()) {
      Validator.validate(ruleset, lines, diagnostics, backend);
    }
    return Parsed.of(ruleset, diagnostics.sorted());
  }

  /**
   * The lines of {@code text}, split at {@code \n} only, as iptables-restore reads them: a
   * carriage return stays in its line.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    lines.remove(lines.size() - 1); // the text after the last \n, empty or not ended
    if (!text.endsWith("\n") && !text.isEmpty()) {
      lines.add(text.substring(text.lastIndexOf('\n') + 1));
    }
    return lines;
  }


  /**
   * Reads the file at {@code path} as iptables-nft would; a missing or unreadable file is an
   * error diagnostic.
   */
  public static Parsed<Ruleset> parse(Path path) {
    return parse(path, Backend.NFT);
  }

  /** Reads the file at {@code path} as {@code backend} would. */
  public static Parsed<Ruleset> parse(Path path, Backend backend) {
    SourceText source = SourceText.read(path);
    return source.text()
        .map(text -> parse(source.name(), text, backend))
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

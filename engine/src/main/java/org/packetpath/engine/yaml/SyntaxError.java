package org.packetpath.engine.yaml;

import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * A YAML syntax error snakeyaml reported, as a learner reads it: where the mistake is (often
 * the start of the construct snakeyaml was reading, rather than where it gave up), what it is in
 * plain words, and a hint. snakeyaml's errors are told apart by their wording, which is fixed
 * for the pinned version; any error not recognised keeps snakeyaml's own message.
 */
record SyntaxError(Source source, String context, String problem, SourcePosition contextAt,
    SourcePosition problemAt) {
  // The mistakes TreeBuilder reports too, worded once.
  static final String SAME_COLUMN =
      "the keys of one mapping, and the items of one list, start in the same column";
  static final String QUOTE_HINT = "put the value in quotes if this character belongs to it";
  static final String ANCHORS = "anchors and aliases (& and *) are not supported";
  static final String IN_FULL = "write the value out in full wherever it is needed";
  static final String TAGS = "tags (!) are not supported";
  static final String BLOCK_HEADER = "unsupported block header";
  static final String BLOCK_HEADER_HINT =
      "write |, |-, |+, >, >- or >+ alone, with the text on the lines below, indented";
  static final String NO_KEY = "missing key before \":\"";
  static final String NO_KEY_HINT = "write the key's name before the colon";
  static final String UNTERMINATED = "unterminated quoted value";
  static final String BAD_INDENTATION = "bad indentation";
  static final String COMMAS = "separate the items with commas";
  /** The message for a file over the length limit, which no blanked line makes shorter. */
  static final String TOO_LONG = "the file is too long";
  private static final String NO_FIT = "this line does not fit the structure above it; check its"
      + " indentation";

  /** The error {@code e} reported, with empty text for a missing context or problem. */
  private static SyntaxError from(Source source, MarkedYamlEngineException e) {
    SourcePosition problemAt = source.at(e.getProblemMark().or(e::getContextMark));
    return new SyntaxError(source, Objects.requireNonNullElse(e.getContext(), ""),
        Objects.requireNonNullElse(e.getProblem(), ""),
        e.getContextMark().isPresent() ? source.at(e.getContextMark()) : problemAt, problemAt);
  }

  /**
   * {@code e} as a diagnostic; {@code last} is where the last event read started, for the
   * errors snakeyaml gives no position, and {@code codePointLimit} the longest text read.
   */
  static Diagnostic of(YamlEngineException e, Source source, Optional<Mark> last,
      int codePointLimit) {
    if (e instanceof MarkedYamlEngineException marked) {
      return from(source, marked).diagnostic(marked);
    }
    SourcePosition at = source.at(last);
    if (e instanceof ReaderException reader) {
      return error(source, source.atCodePoint(reader.getPosition()), String.format(
          "special character U+%04X is not allowed", reader.getCodePoint()), "YAML files hold"
          + " printable text: remove it, or write it as an escape like \\t in double quotes");
    }
    if (e instanceof YamlVersionException) {
      return error(source, at, "unsupported YAML version", "remove the %YAML line: the file is"
          + " read as YAML 1.2");
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("The incoming YAML document exceeds the limit")) {
      return error(source, source.atCodePoint(codePointLimit), TOO_LONG,
          "a YAML file of PacketPath holds at most " + codePointLimit + " characters");
    }
    if (message.startsWith("Number of aliases")) {
      return error(source, at, ANCHORS, IN_FULL);
    }
    return error(source, at, message, "check the YAML syntax here");
  }

  private Diagnostic diagnostic(MarkedYamlEngineException e) {
    if (e instanceof LimitedParser.TooDeep) {
      return error(problemAt, problem, "a topology or an exercise needs only a few levels of"
          + " lists and mappings; check for brackets opened and never closed");
    }
    if (problem.contains("(TAB)")) {
      return tab();
    }
    if (problem.startsWith("found character '")) {
      String c = problem.substring("found character '".length(), problem.indexOf("' that"));
      return error(problemAt, "a value cannot start with \"" + c + "\"", QUOTE_HINT);
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return colon();
    }
    if (problem.startsWith("sequence entries are not allowed")) {
      return atLineStart(problemAt)
          ? error(problemAt, BAD_INDENTATION, SAME_COLUMN)
          : error(problemAt, "a list cannot start on the same line as its key",
              "start the list on the next line, indented under the key");
    }
    if (problem.startsWith("could not find expected ':'")) {
      return notAnEntry();
    }
    if (context.contains("quoted scalar") && !problem.contains("escape")) {
      return error(contextAt, UNTERMINATED, closeQuote(charAt(contextAt)));
    }
    if (problem.contains("escape")) {
      return escape();
    }
    if (context.startsWith("while scanning a block scalar")) {
      return error(problemAt, BLOCK_HEADER, BLOCK_HEADER_HINT);
    }
    if (context.startsWith("while scanning an anchor") || context.startsWith("while scanning an"
        + " alias") || problem.startsWith("found undefined alias")) {
      return error(context.isEmpty() ? problemAt : contextAt, ANCHORS, IN_FULL);
    }
    if (context.startsWith("while scanning a tag")) {
      return error(contextAt, TAGS, QUOTE_HINT);
    }
    if (context.startsWith("expected a single document")) {
      return error(problemAt, "several documents in one file are not supported",
          "a file holds one document: remove this line and everything after it");
    }
    if (problem.startsWith("expected <block end>") || problem.startsWith("expected '<document"
        + " start>'")) {
      return blockEnd();
    }
    if (context.startsWith("while parsing a flow") && problem.startsWith("expected ','")) {
      return flowEnd();
    }
    if (problem.startsWith("expected the node content, but found ','")
        && context.contains("flow")) {
      return error(problemAt, "unexpected \",\"", "there is nothing between these commas;"
          + " remove one");
    }
    if (problem.matches("expected the node content, but found '.'")) {
      return error(problemAt, "a value cannot start with \"" + charAt(problemAt) + "\"",
          QUOTE_HINT);
    }
    return error(problemAt, problem.isEmpty() ? e.getMessage() : problem, context.isEmpty()
        ? "check the YAML syntax here"
        : context + " that starts at line " + contextAt.line() + ", column "
            + contextAt.column());
  }

  /** A tab, reported at the first tab of the line's indentation if there is one. */
  private Diagnostic tab() {
    String line = source.line(problemAt.line());
    int indent = line.length() - line.stripLeading().length();
    int tab = line.substring(0, indent).indexOf('\t');
    return error(tab < 0 ? problemAt : problemAt.atColumn(tab + 1),
        "tab character in indentation", "YAML indents with spaces only; replace the tab with"
            + " spaces");
  }

  /** A ":" where no key may start: a key line indented too deep, or a colon in a value. */
  private Diagnostic colon() {
    String line = source.line(problemAt.line());
    int first = line.indexOf(": ");
    boolean firstColon = first < 0 || first + 1 >= problemAt.column();
    if (firstColon) {
      SourcePosition start = problemAt.atColumn(source.firstColumn(problemAt.line()));
      return error(start, BAD_INDENTATION, SAME_COLUMN);
    }
    return error(problemAt, "unexpected \":\" in a value", "a value cannot hold another \"key:"
        + " value\" on the same line; put it on the next line, indented, or quote the whole"
        + " value");
  }

  /** A line that should be "key: value" (or "- item") but has no ": ". */
  private Diagnostic notAnEntry() {
    String line = source.line(contextAt.line()).substring(contextAt.column() - 1);
    String hint;
    if (line.startsWith("-")) {
      hint = "a list item is \"- value\", with a space after the dash";
    } else if (line.contains(":")) {
      hint = "put a space after the colon: \"key: value\"";
    } else {
      hint = "each line of a mapping is \"key: value\"";
    }
    return error(contextAt, "expected \"key: value\"", hint);
  }

  private Diagnostic escape() {
    String line = source.line(problemAt.line());
    int backslash = line.lastIndexOf('\\', Math.max(problemAt.column() - 2, 0));
    if (backslash < 0) {
      backslash = problemAt.column() - 1;
    }
    int length = "xuU".indexOf(backslash + 1 < line.length() ? line.charAt(backslash + 1) : ' ');
    int end = Math.min(line.length(), backslash + 2 + (length < 0 ? 0 : 2 << length));
    return error(problemAt.atColumn(backslash + 1), "invalid escape \""
        + line.substring(Math.min(backslash, end), end) + "\"", "write \\\\ for a backslash,"
        + " or use single quotes, where \\ is an ordinary character");
  }

  /** Something where a block mapping or list (or the document) should have ended. */
  private Diagnostic blockEnd() {
    if (problem.endsWith("'-'") && context.contains("mapping")) {
      return error(problemAt, "expected \"key: value\"", "a list item cannot stand among the"
          + " keys of a mapping; check its indentation");
    }
    if (problem.endsWith("':'")) {
      return error(problemAt, NO_KEY, NO_KEY_HINT);
    }
    if (!atLineStart(problemAt)) {
      return error(problemAt, "unexpected text after the value",
          "only a comment (# ...) may follow a value on the same line");
    }
    return contextAt.column() < problemAt.column()
        ? error(problemAt, BAD_INDENTATION, SAME_COLUMN)
        : error(problemAt, "unexpected content", NO_FIT);
  }

  /** A flow collection that goes on where it should have ended. */
  private Diagnostic flowEnd() {
    boolean list = context.contains("sequence");
    char close = list ? ']' : '}';
    boolean unterminated = problem.contains("<stream end>")
        || problemAt.line() > contextAt.line()
            && source.firstColumn(problemAt.line()) <= source.firstColumn(contextAt.line());
    if (unterminated) {
      return error(contextAt, "unterminated " + (list ? "flow list" : "flow mapping"),
          "add the closing " + close);
    }
    return error(problemAt, expectedComma(close), COMMAS);
  }

  /** The message for an item not followed by a comma, in a flow collection {@code close} ends. */
  static String expectedComma(char close) {
    return "expected \",\" or \"" + close + "\"";
  }

  /** The hint for a quoted value whose closing {@code quote} is missing. */
  static String closeQuote(char quote) {
    return "add the closing " + quote + "; a quoted value ends on the line where it starts";
  }

  private boolean atLineStart(SourcePosition at) {
    return at.column() == source.firstColumn(at.line());
  }

  private char charAt(SourcePosition at) {
    String line = source.line(at.line());
    return at.column() <= line.length() ? line.charAt(at.column() - 1) : ' ';
  }

  private Diagnostic error(SourcePosition at, String message, String hint) {
    return error(source, at, message, hint);
  }

  private static Diagnostic error(Source source, SourcePosition at, String message,
      String hint) {
    return Diagnostic.error(at, source.line(at.line()), message).explained(hint);
  }
}

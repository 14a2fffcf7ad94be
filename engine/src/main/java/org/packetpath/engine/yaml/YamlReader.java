package org.packetpath.engine.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.yaml.YamlNode.Entry;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar.Style;
import org.packetpath.engine.yaml.YamlNode.Scalar;
import org.packetpath.engine.yaml.YamlNode.Sequence;

/**
 * The reader behind {@link Yaml}: block structure line by line from the indentation, values and
 * flow collections character by character. Reports at most one error per line, and after an
 * error skips the lines indented under it, so that one mistake gives one message.
 *
 * <p>It is long because it recovers from errors line by line, so one slip gives one located
 * message, not a cascade.
 */
final class YamlReader {
  private static final String SAME_COLUMN =
      "the keys of one mapping, and the items of one list, start in the same column";

  /** Thrown inside a flow collection after its error is reported: the rest of it is skipped. */
  private static final class Abandon extends RuntimeException {
    Abandon() {
      super(null, null, false, false);
    }
  }

  private final String file;
  private final List<String> lines = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<Integer> rowsWithErrors = new HashSet<>();
  private int row;
  private int col;
  /** Lines continuing a flow collection must be indented deeper than this, or close it. */
  private int flowParent;

  YamlReader(String file, String text) {
    this.file = file;
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String line : body.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
  }

  YamlResult read() {
    skipBlank();
    boolean inline = false;
    if (isMarker(row, "---")) {
      col = 3;
      skipSpaces();
      inline = !restIsEmpty();
      if (!inline) {
        row++;
        skipBlank();
      }
    }
    YamlNode root =
        !inline && atEnd() ? new Scalar("", Style.PLAIN, pos(0, 0)) : parseBlock(col, -1);
    skipBlank();
    if (isMarker(row, "...")) {
      row++;
      skipBlank();
    }
    if (isMarker(row, "---") || isMarker(row, "...")) {
      error(row, 0, "several documents in one file are not supported",
          "a file holds one document: remove this line and everything after it");
    } else if (row < lines.size()) {
      error(row, indentOf(row), "unexpected content",
          "this line does not fit the structure above it; check its indentation");
    }
    return new YamlResult(
        diagnostics.isEmpty() ? Optional.of(root) : Optional.empty(), diagnostics);
  }

  // Block structure -------------------------------------------------------------------------

  /** A node starting at {@code (row, indent)}; {@code parent} is the enclosing indentation. */
  private YamlNode parseBlock(int indent, int parent) {
    col = indent;
    if (isDash(row, indent)) {
      return parseSequence(indent);
    }
    if (keyColon(row, indent) >= 0) {
      return parseMapping(indent);
    }
    return parseInline(parent);
  }

  private Sequence parseSequence(int indent) {
    SourcePosition start = pos(row, indent);
    List<YamlNode> items = new ArrayList<>();
    boolean first = true;
    boolean recovering = false;
    while (first || nextAt(indent, recovering)) {
      if (!first && !isDash(row, indent)) {
        break;
      }
      first = false;
      int errors = diagnostics.size();
      int dashRow = row;
      col = indent + 1;
      skipSpaces();
      if (restIsEmpty()) {
        row++;
        skipBlank();
        boolean deeper = !atEnd() && indentOf(row) > indent;
        items.add(deeper ? parseBlock(indentOf(row), indent) : empty(dashRow, indent + 1));
      } else {
        items.add(parseBlock(col, indent));
      }
      recovering = diagnostics.size() > errors;
    }
    return new Sequence(items, start);
  }

  private Mapping parseMapping(int indent) {
    SourcePosition start = pos(row, indent);
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean first = true;
    boolean recovering = false;
    while (first || nextAt(indent, recovering)) {
      first = false;
      int errors = diagnostics.size();
      col = indent;
      int colon = keyColon(row, indent);
      if (colon < 0) {
        notAnEntry();
        recovering = true;
        continue;
      }
      Scalar key = readKey(colon);
      YamlNode value = readValue(indent);
      addEntry(entries, seen, key, value);
      recovering = diagnostics.size() > errors;
    }
    return new Mapping(entries, start);
  }

  /** The value after {@code key:}, on the same line or indented on the next ones. */
  private YamlNode readValue(int indent) {
    skipSpaces();
    if (!restIsEmpty()) {
      return parseInline(indent);
    }
    Scalar missing = empty(row, col);
    row++;
    skipBlank();
    if (atEnd()) {
      return missing;
    }
    if (indentOf(row) > indent) {
      return parseBlock(indentOf(row), indent);
    }
    return indentOf(row) == indent && isDash(row, indent) ? parseSequence(indent) : missing;
  }

  /**
   * Moves to the next line of a collection at {@code indent}: true if there is one, reporting
   * (unless {@code recovering}) and skipping lines indented deeper.
   */
  private boolean nextAt(int indent, boolean recovering) {
    skipBlank();
    if (!atEnd() && indentOf(row) > indent && !recovering) {
      error(row, indentOf(row), "bad indentation", SAME_COLUMN);
    }
    while (!atEnd() && indentOf(row) > indent) {
      row++;
      skipBlank();
    }
    return !atEnd() && indentOf(row) == indent;
  }

  private void notAnEntry() {
    String line = lines.get(row);
    String hint;
    if (isDash(row, col)) {
      hint = "a list item cannot stand among the keys of a mapping; check its indentation";
    } else if (line.indexOf(':', col) >= 0) {
      hint = "put a space after the colon: \"key: value\"";
    } else {
      hint = "each line of a mapping is \"key: value\"";
    }
    error(row, col, "expected \"key: value\"", hint);
    row++;
  }

  private Scalar readKey(int colon) {
    Scalar key;
    char c = lines.get(row).charAt(col);
    if (c == '"' || c == '\'') {
      key = readQuoted();
    } else {
      rejectIndicator(c);
      key = new Scalar(lines.get(row).substring(col, colon).strip(), Style.PLAIN, pos(row, col));
      if (key.value().isEmpty()) {
        error(row, col, "missing key before \":\"", "write the key's name before the colon");
      }
    }
    col = colon + 1;
    return key;
  }

  /**
   * The column of the colon ending a {@code key:} that starts at {@code start}, or -1 if the
   * line has no such key there.
   */
  private int keyColon(int r, int start) {
    String line = lines.get(r);
    int i = start;
    if (isDash(r, start)) {
      return -1;
    }
    if (i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
      i = closingQuote(line, i);
      if (i < 0) {
        return -1;
      }
      i++;
      while (i < line.length() && isSpace(line.charAt(i))) {
        i++;
      }
      return i < line.length() && line.charAt(i) == ':' && separated(line, i + 1) ? i : -1;
    }
    if (i < line.length() && "[{".indexOf(line.charAt(i)) >= 0) {
      return -1;
    }
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && (i == start || isSpace(line.charAt(i - 1)))) {
        return -1;
      }
      if (c == ':' && separated(line, i + 1)) {
        return i;
      }
    }
    return -1;
  }

  // Values on one line ------------------------------------------------------------------------

  /** A value at {@code (row, col)}: scalar, flow collection or block scalar; ends the line. */
  private YamlNode parseInline(int parent) {
    String line = lines.get(row);
    char c = line.charAt(col);
    if (c == '|' || c == '>') {
      return readBlockScalar(parent);
    }
    YamlNode node;
    if (c == '[' || c == '{' || c == '"' || c == '\'') {
      int startRow = row;
      int startCol = col;
      try {
        flowParent = parent;
        node = c == '[' || c == '{' ? readFlow() : readQuoted();
      } catch (Abandon abandon) {
        node = empty(startRow, startCol);
        col = lines.get(row).length();
      }
    } else if (c == '-' && separated(line, col + 1)) {
      error(row, col, "a list cannot start on the same line as its key",
          "start the list on the next line, indented under the key");
      col = line.length();
      node = empty(row, col);
    } else if (c == '?' && separated(line, col + 1)) {
      error(row, col, "complex keys (\"? \") are not supported", "write a plain key");
      col = line.length();
      node = empty(row, col);
    } else {
      rejectIndicator(c);
      node = readPlain(line);
    }
    endOfLine();
    return node;
  }

  private Scalar readPlain(String line) {
    int start = col;
    int end = line.length();
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && i > start && isSpace(line.charAt(i - 1))) {
        end = i;
        break;
      }
      if (c == ':' && separated(line, i + 1)) {
        error(row, i, "unexpected \":\" in a value",
            "a value cannot hold another \"key: value\" on the same line; put it on the next"
                + " line, indented, or quote the whole value");
      }
    }
    col = end;
    return new Scalar(line.substring(start, end).strip(), Style.PLAIN, pos(row, start));
  }

  /** Reports a value starting with a character YAML reserves; returns whether it did. */
  private boolean rejectIndicator(char c) {
    String message = switch (c) {
      case '&', '*' -> "anchors and aliases (& and *) are not supported";
      case '!' -> "tags (!) are not supported";
      case '@', '`', '%', ',', ']', '}' -> "a value cannot start with \"" + c + "\"";
      default -> "";
    };
    if (!message.isEmpty()) {
      error(row, col, message, c == '&' || c == '*'
          ? "write the value out in full wherever it is needed"
          : "put the value in quotes if this character belongs to it");
    }
    return !message.isEmpty();
  }

  /** A single- or double-quoted value on one line; {@code col} moves past the closing quote. */
  private Scalar readQuoted() {
    String line = lines.get(row);
    char quote = line.charAt(col);
    int start = col;
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (true) {
      if (i >= line.length()) {
        error(row, start, "unterminated quoted value",
            "add the closing " + quote + "; a quoted value ends on the line where it starts");
        col = line.length();
        throw new Abandon();
      }
      char c = line.charAt(i);
      if (c == quote && quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
        text.append('\'');
        i += 2;
      } else if (c == quote) {
        break;
      } else if (c == '\\' && quote == '"') {
        i = escape(line, i, text);
      } else {
        text.append(c);
        i++;
      }
    }
    col = i + 1;
    return new Scalar(text.toString(),
        quote == '"' ? Style.DOUBLE_QUOTED : Style.SINGLE_QUOTED, pos(row, start));
  }

  /** Appends the escape at {@code line[i] == '\\'}; returns the index after it. */
  private int escape(String line, int i, StringBuilder text) {
    char e = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
    int simple = "0abtnvfre \"/\\\t".indexOf(e);
    if (i + 1 < line.length() && simple >= 0) {
      text.append("\0\u0007\b\t\n\u000b\f\r\u001b \"/\\\t".charAt(simple));
      return i + 2;
    }
    int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    String hex = i + 2 + digits <= line.length() ? line.substring(i + 2, i + 2 + digits) : "";
    if (digits > 0 && hex.length() == digits && hex.chars().allMatch(YamlReader::isHex)) {
      long code = Long.parseLong(hex, 16);
      if (Character.isValidCodePoint((int) code) && code <= Character.MAX_CODE_POINT) {
        text.appendCodePoint((int) code);
        return i + 2 + digits;
      }
    }
    error(row, i, "invalid escape \"" + line.substring(i, Math.min(line.length(), i + 2 + digits))
        + "\"", "write \\\\ for a backslash, or use single quotes, where \\ is an ordinary"
        + " character");
    return i + 1;
  }

  /** A {@code |} or {@code >} block of text in the lines indented under it. */
  private Scalar readBlockScalar(int parent) {
    int headerRow = row;
    int headerCol = col;
    boolean literal = lines.get(row).charAt(col) == '|';
    char chomp = ' ';
    col++;
    if (col < lines.get(row).length() && "+-".indexOf(lines.get(row).charAt(col)) >= 0) {
      chomp = lines.get(row).charAt(col++);
    }
    if (!restIsEmpty() && !isSpace(lines.get(row).charAt(col))) {
      error(row, col, "unsupported block header",
          "write |, |-, |+, >, >- or >+ alone, with the text on the lines below, indented");
    }
    endOfLine();
    List<String> text = new ArrayList<>();
    int indent = -1;
    for (; row < lines.size() && !isMarker(row, "---") && !isMarker(row, "..."); row++) {
      String line = lines.get(row);
      if (line.isBlank()) {
        text.add(indent >= 0 && line.length() > indent ? line.substring(indent) : "");
        continue;
      }
      if (indent < 0) {
        indent = indentOf(row);
      }
      if (indentOf(row) < indent || indent <= parent) {
        break;
      }
      text.add(line.substring(indent));
    }
    int trailing = 0;
    while (trailing < text.size() && text.get(text.size() - 1 - trailing).isEmpty()) {
      trailing++;
    }
    List<String> body = text.subList(0, text.size() - trailing);
    String value = literal ? String.join("\n", body) : fold(body);
    if (!body.isEmpty() && chomp != '-') {
      value += "\n" + (chomp == '+' ? "\n".repeat(trailing) : "");
    }
    return new Scalar(value, literal ? Style.LITERAL : Style.FOLDED, pos(headerRow, headerCol));
  }

  private static String fold(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        boolean prevText = !lines.get(i - 1).isEmpty() && !isSpace(lines.get(i - 1).charAt(0));
        boolean curText = !lines.get(i).isEmpty() && !isSpace(lines.get(i).charAt(0));
        out.append(prevText && curText ? " " : prevText && lines.get(i).isEmpty() ? "" : "\n");
      }
      out.append(lines.get(i));
    }
    return out.toString();
  }

  // Flow collections: may span lines ----------------------------------------------------------

  private YamlNode readFlow() {
    char c = lines.get(row).charAt(col);
    if (c == '[' || c == '{') {
      return readFlowCollection(c);
    }
    if (c == '"' || c == '\'') {
      return readQuoted();
    }
    if (rejectIndicator(c)) {
      throw new Abandon();
    }
    return readFlowPlain();
  }

  private YamlNode readFlowCollection(char open) {
    char close = open == '[' ? ']' : '}';
    int openRow = row;
    int openCol = col;
    col++;
    List<YamlNode> items = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    while (true) {
      flowSkip(openRow, openCol, close);
      char c = lines.get(row).charAt(col);
      if (c == close) {
        col++;
        SourcePosition at = pos(openRow, openCol);
        return open == '[' ? new Sequence(items, at) : new Mapping(entries, at);
      }
      if (c == ',') {
        flowError("unexpected \",\"", "there is nothing between these commas; remove one");
      }
      if (open == '[') {
        items.add(readFlow());
      } else {
        readFlowEntry(entries, seen, close, openRow, openCol);
      }
      flowSkip(openRow, openCol, close);
      c = lines.get(row).charAt(col);
      if (c == ',') {
        col++;
      } else if (c != close) {
        flowError("expected \",\" or \"" + close + "\"", "separate the items with commas");
      }
    }
  }

  private void readFlowEntry(List<Entry> entries, Map<String, Integer> seen, char close,
      int openRow, int openCol) {
    char c = lines.get(row).charAt(col);
    if (c == '[' || c == '{') {
      flowError("a key must be a single value", "use a plain or quoted word as the key");
    }
    Scalar key = c == '"' || c == '\'' ? readQuoted() : (Scalar) readFlow();
    flowSkip(openRow, openCol, close);
    YamlNode value = empty(row, col);
    if (lines.get(row).charAt(col) == ':') {
      col++;
      flowSkip(openRow, openCol, close);
      char v = lines.get(row).charAt(col);
      value = v == ',' || v == close ? empty(row, col) : readFlow();
    }
    addEntry(entries, seen, key, value);
  }

  /** Adds the entry unless its key is already in {@code seen} (key to line), which is reported. */
  private void addEntry(
      List<Entry> entries, Map<String, Integer> seen, Scalar key, YamlNode value) {
    Integer earlier = seen.putIfAbsent(key.value(), key.position().line());
    if (earlier == null) {
      entries.add(new Entry(key, value));
    } else {
      error(key.position().line() - 1, key.position().column() - 1,
          "duplicate key \"" + key.value() + "\"", "\"" + key.value()
              + "\" is already given on line " + earlier + "; a key may appear once in a mapping");
    }
  }

  private Scalar readFlowPlain() {
    String line = lines.get(row);
    int start = col;
    int i = col;
    while (i < line.length()) {
      char c = line.charAt(i);
      boolean colon = c == ':'
          && (i + 1 == line.length() || " \t,[]{}".indexOf(line.charAt(i + 1)) >= 0);
      boolean comment = c == '#' && i > start && isSpace(line.charAt(i - 1));
      if (",[]{}".indexOf(c) >= 0 || colon || comment) {
        break;
      }
      i++;
    }
    col = i;
    String value = line.substring(start, i).strip();
    if (value.isEmpty()) {
      flowError("expected a value", "write a value here, or remove the extra punctuation");
    }
    return new Scalar(value, Style.PLAIN, pos(row, start));
  }

  /** Skips spaces, comments and line ends inside a flow collection. */
  private void flowSkip(int openRow, int openCol, char close) {
    while (true) {
      skipSpaces();
      if (!restIsEmpty()) {
        return;
      }
      row++;
      col = 0;
      if (row >= lines.size() || isMarker(row, "---") || isMarker(row, "...")
          || indentOf(row) <= flowParent && "]}".indexOf(firstChar(row)) < 0) {
        row = openRow;
        col = openCol;
        flowError("unterminated " + (close == ']' ? "flow list" : "flow mapping"),
            "add the closing " + close);
      }
    }
  }

  private void flowError(String message, String hint) {
    error(row, col, message, hint);
    throw new Abandon();
  }

  // Lines and positions -----------------------------------------------------------------------

  /** Moves past blank and comment lines; reports and skips lines indented with tabs. */
  private void skipBlank() {
    while (row < lines.size()) {
      String line = lines.get(row);
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        int indent = indentOf(row);
        if (line.charAt(indent) != '\t') {
          col = indent;
          return;
        }
        error(row, indent, "tab character in indentation",
            "YAML indents with spaces only; replace the tab with spaces");
      }
      row++;
    }
  }

  private void endOfLine() {
    skipSpaces();
    if (!restIsEmpty()) {
      error(row, col, "unexpected text after the value",
          "only a comment (# ...) may follow a value on the same line");
    }
    row++;
  }

  private void skipSpaces() {
    String line = lines.get(row);
    while (col < line.length() && isSpace(line.charAt(col))) {
      col++;
    }
  }

  /** Whether only spaces or a comment remain from {@code col}. */
  private boolean restIsEmpty() {
    String rest = lines.get(row).substring(Math.min(col, lines.get(row).length())).strip();
    return rest.isEmpty() || rest.startsWith("#");
  }

  private boolean atEnd() {
    return row >= lines.size() || isMarker(row, "---") || isMarker(row, "...");
  }

  private boolean isMarker(int r, String marker) {
    return r < lines.size() && lines.get(r).startsWith(marker) && separated(lines.get(r), 3);
  }

  private boolean isDash(int r, int c) {
    String line = lines.get(r);
    return c < line.length() && line.charAt(c) == '-' && separated(line, c + 1);
  }

  private char firstChar(int r) {
    String line = lines.get(r).strip();
    return line.isEmpty() ? ' ' : line.charAt(0);
  }

  private int indentOf(int r) {
    String line = lines.get(r);
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int closingQuote(String line, int open) {
    char quote = line.charAt(open);
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == '\'' && quote == '\'' && line.startsWith("''", i)) {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code line[i]} is the end of the line or a space: what makes ":" and "-" special. */
  private static boolean separated(String line, int i) {
    return i >= line.length() || isSpace(line.charAt(i));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0;
  }

  private Scalar empty(int r, int c) {
    return new Scalar("", Style.PLAIN, pos(r, c));
  }

  private SourcePosition pos(int r, int c) {
    return new SourcePosition(file, r + 1, c + 1);
  }

  private void error(int r, int c, String message, String hint) {
    if (rowsWithErrors.add(r)) {
      diagnostics.add(Diagnostic.error(pos(r, c), lines.get(r), message).explained(hint));
    }
  }
}

package org.packetpath.engine.parse;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Table;

/**
 * Reads the iptables-save / iptables-restore format: {@code *table} blocks of {@code :CHAIN
 * POLICY [p:b]} declarations and commands, each block ended by {@code COMMIT}. Each block
 * flushes its table, as iptables-restore does without {@code --noflush}. Reports one problem per
 * line and goes on with the next line. The rule lines of a large file are read on every core
 * ({@link ReadAhead}) and applied in order. Not thread-safe.
 */
final class SaveFileParser {
  private final String file;
  private final List<String> lines;
  private final RulesetBuilder builder;
  private final Diagnostics diagnostics;
  private final Backend backend;
  /** Whether the last line ends with a newline: iptables-legacy needs one after COMMIT. */
  private final boolean lastLineEnded;

  private Table table;
  private int tableLine;
  /** Inside the block of a table that does not exist: its lines are skipped up to COMMIT. */
  private boolean skipping;
  private final ReadAhead readAhead;

  SaveFileParser(String file, List<String> lines, boolean lastLineEnded, RulesetBuilder builder,
      Diagnostics diagnostics, Backend backend, ReadAhead readAhead) {
    this.lastLineEnded = lastLineEnded;
    this.backend = backend;
    this.file = file;
    this.readAhead = readAhead;
    this.lines = lines;
    this.builder = builder;
    this.diagnostics = diagnostics;
  }

  void parse() {
    for (int i = 0; i < lines.size() && !diagnostics.full(); i++) {
      LineSource line = new LineSource(file, i + 1, lines.get(i));
      int before = diagnostics.list().size();
      try {
        line(line);
      } catch (LineError e) {
        diagnostics.add(e.diagnostic);
      }
      if (line.text().endsWith("\r") && !line.text().startsWith("#")) {
        windowsLineEnding(line, before);
      }
    }
    if (table != null) {
      int last = lines.size() + 1;
      diagnostics.add(Diagnostic.error(
              new org.packetpath.engine.input.SourcePosition(file, lines.size(), 0), "",
              "COMMIT expected at line " + last)
          .explained("the *" + table.label() + " block that starts on line " + tableLine
              + " must end with a line holding just COMMIT"));
    }
  }

  /**
   * Explains the diagnostics of {@code line}, which ends in a carriage return, from index {@code
   * from} on by the Windows line ending; warns when the line had none.
   */
  private void windowsLineEnding(LineSource line, int from) {
    List<Diagnostic> list = diagnostics.list();
    String hint = "this line ends with a carriage return (\\r), which iptables-restore reads as"
        + " part of the last word: the file has Windows line endings; convert it with dos2unix";
    if (list.size() == from) {
      list.add(line.warning(new Token("\r", line.text().length()),
          "line ends with a carriage return (Windows line endings)").explained(hint));
    }
    for (int i = from; i < list.size(); i++) {
      list.set(i, list.get(i).explained(hint));
    }
  }

  /**
   * One line, told apart as iptables-restore does: by its first byte, so blanks before {@code
   * *table}, {@code :CHAIN} or {@code COMMIT} make it a rule line, and {@code COMMIT} must be
   * alone on its line. A line holding only blanks is an empty rule line. Only {@code \n} ends a
   * line: a carriage return is an ordinary character, part of the last word.
   */
  private void line(LineSource line) throws LineError {
    String text = line.text();
    if (text.isEmpty() || text.startsWith("#")) {
      return;
    }
    String trimmed = Tokenizer.strip(text);
    int indent = trimmed.isEmpty() ? 1 : text.indexOf(trimmed.charAt(0)) + 1;
    if (trimmed.startsWith("*")) {
      startTable(line, trimmed, indent);
    } else if (skipping) {
      skipping = !isCommit(trimmed);
    } else if (text.equals("COMMIT") && table != null) {
      table = null;
      if (backend == Backend.LEGACY && line.number() == lines.size() && !lastLineEnded) {
        throw new LineError(line.error(1, "Bad argument `COMMIT'")
            .explained("iptables-legacy-restore reads COMMIT only with a newline after it: end"
                + " the file with one"));
      }
    } else if (table == null) {
      throw new LineError(line.error(indent, "iptables-restore: line " + line.number() + " failed")
          .explained(trimmed.equals("COMMIT")
              ? "COMMIT ends a block that starts with a line like *filter"
              : "rules and chains belong inside a table block: start it with a line like"
              + " *filter and end it with COMMIT"));
    } else if (isCommit(trimmed)) {
      table = null;
      throw new LineError(line.error(indent, "Bad argument `"
          + Tokenizer.splitOnBlanks(trimmed).get(0).text() + "'")
          .explained("COMMIT must be alone on its line, with no blank before or after it"));
    } else if (text.startsWith(":")) {
      chain(line);
    } else {
      rule(line);
    }
  }

  /**
   * Whether {@code trimmed}, a line without the blanks around it, is meant as COMMIT: it is, or
   * it ends in a carriage return. Only a line holding exactly COMMIT ends a block, but the block
   * is taken as ended by the others too, so that one error is reported for them, not one for
   * each line after.
   */
  static boolean isCommit(String trimmed) {
    return trimmed.equals("COMMIT") || trimmed.equals("COMMIT\r");
  }

  /**
   * The name on a {@code *table} line: its first word, as iptables-restore reads it; empty when
   * there is none.
   */
  static String tableName(String text) {
    List<Token> words = Tokenizer.splitOnBlanks(text.substring(1));
    return words.isEmpty() ? "" : words.get(0).text();
  }

  private void startTable(LineSource line, String trimmed, int column) throws LineError {
    LineError unclosed = null;
    if (table != null) {
      unclosed = new LineError(line.error(column, "Bad argument `" + trimmed.split("[ \t]", 2)[0]
          + "'")
          .explained("the *" + table.label() + " block that starts on line " + tableLine
              + " must end with COMMIT before " + trimmed + " begins"));
      table = null;
    } else if (column > 1) {
      unclosed = new LineError(line.error(column, "iptables-restore: line " + line.number()
          + " failed")
          .explained("*" + tableName(trimmed) + " must start at the beginning of the line,"
              + " with no blank before it"));
    }
    String name = tableName(trimmed);
    Optional<Table> parsed = Table.byLabel(name);
    skipping = parsed.isEmpty();
    if (parsed.isPresent()) {
      table = parsed.get();
      tableLine = line.number();
      builder.flushTable(table);
    }
    if (unclosed != null) {
      throw unclosed;
    }
    if (name.isEmpty()) {
      throw new LineError(line.error(column, "iptables-restore: line " + line.number()
          + " table name invalid")
          .explained("name the table after the *, as in *filter"));
    }
    if (parsed.isEmpty()) {
      LineError e = new LineError(line.error(column + 1,
          "table name '" + name + "' invalid"));
      List<String> names = java.util.Arrays.stream(Table.values()).map(Table::label).toList();
      throw Suggest.closest(name, names)
          .map(s -> e.explain("did you mean *" + s + "?"))
          .orElse(e.explain("the tables are raw, mangle, nat, filter and security"));
    }
    List<Token> words = Tokenizer.splitOnBlanks(trimmed.substring(1));
    if (words.size() > 1) {
      diagnostics.add(line.warning(new Token(words.get(1).text(), words.get(1).column() + column),
          "`" + words.get(1).text() + "' and what follows are ignored")
          .explained("a table line is *NAME alone"));
    }
  }

  private void chain(LineSource line) throws LineError {
    List<Token> tokens = Tokenizer.splitOnBlanks(line.text());
    Token first = tokens.get(0);
    Token name = new Token(first.text().substring(1), first.column() + 1);
    if (name.text().isEmpty()) {
      throw new LineError(line.error(first, "iptables-restore: line " + line.number() + " failed")
          .explained("a chain declaration looks like :INPUT ACCEPT [0:0] or :MYCHAIN - [0:0]"));
    }
    if (tokens.size() < 2) {
      throw new LineError(line.error(first, "iptables-restore: line " + line.number()
          + " policy invalid")
          .explained("write :" + name.text() + " ACCEPT [0:0] for a built-in chain or :"
              + name.text() + " - [0:0] for a user-defined one"));
    }
    Counters counters = Counters.ZERO;
    if (tokens.size() >= 3) {
      Token c = tokens.get(2);
      Optional<Counters> parsed = counters(c.text());
      if (parsed.isPresent()) {
        counters = parsed.get();
      } else {
        diagnostics.add(line.warning(c, "invalid policy counters for chain '" + name.text()
            + "' are ignored")
            .explained("counters look like [packets:bytes], for example [0:0]; iptables-restore"
                + " only reads them with -c"));
      }
    }
    if (tokens.size() > 3) {
      diagnostics.add(line.warning(tokens.get(3), "`" + tokens.get(3).text()
          + "' and what follows are ignored")
          .explained("a chain declaration is :NAME POLICY [packets:bytes]"));
    }
    builder.declare(table, line, name, tokens.get(1), counters, diagnostics.list());
  }

  private void rule(LineSource line) throws LineError {
    Optional<ReadAhead.Read> read = readAhead.get(line.number(), table);
    Command command = read.isPresent()
        ? read.get().replay(diagnostics.list())
        : readRule(line, table, backend, diagnostics.list());
    builder.apply(table, command, diagnostics.list());
  }

  /**
   * The command on rule line {@code line} of a block of {@code table}, loaded by {@code
   * backend}.
   */
  static Command readRule(LineSource line, Table table, Backend backend,
      List<Diagnostic> warnings) throws LineError {
    List<Token> tokens = tokens(line, warnings);
    Counters counters = null;
    if (!tokens.isEmpty() && tokens.get(0).text().startsWith("[")) {
      Token c = tokens.get(0);
      counters = counters(c.text()).orElseThrow(() -> new LineError(line.error(c,
          "Bad counter format `" + c.text() + "'")
          .explained("counters look like [packets:bytes], for example [0:0]")));
      tokens = tokens.subList(1, tokens.size());
    }
    Command command = new CommandParser(line, tokens, true, table, warnings, backend).parse();
    if (counters != null) {
      Counters given = counters;
      command = new Command(command.kind(), command.table(), command.args(), command.ruleNumber(),
          command.rules().stream().map(r -> r.withCounters(given)).toList(), command.at(),
          command.targetAt(), command.line());
    }
    return command;
  }

  /** The words of rule line {@code line}; a quote left open is warned about in {@code warnings}. */
  static List<Token> tokens(LineSource line, List<Diagnostic> warnings) {
    return Tokenizer.split(line.text(), column -> warnings.add(line.warning(new Token("\"", column),
            "the quote opened here is not closed: the word runs to the end of the line")
        .explained("iptables-restore reads the rest of the line, and the newline after it, into"
            + " this word; close the quote on the same line")));
  }

  /** A decimal number 0..2^64-1, as an unsigned {@code long}. */
  static Optional<Long> unsigned64(String text) {
    if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Counters> counters(String text) {
    if (!text.startsWith("[") || !text.endsWith("]")) {
      return Optional.empty();
    }
    String[] parts = text.substring(1, text.length() - 1).split(":", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    Optional<Long> packets = unsigned64(parts[0]);
    Optional<Long> bytes = unsigned64(parts[1]);
    if (packets.isEmpty() || bytes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Counters(packets.get(), bytes.get()));
  }
}

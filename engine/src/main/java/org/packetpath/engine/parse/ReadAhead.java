package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Table;

/**
 * The rule lines of a large iptables-save file, read ahead on every core, so that {@link
 * SaveFileParser} only has to apply them in order. Reading a rule line ({@link
 * SaveFileParser#readRule}) depends on nothing but the line and the table of its block, which a
 * quick scan of the {@code *table} and {@code COMMIT} lines predicts. The parser takes a line
 * read ahead only when it is in the predicted table, and reads the line itself otherwise, so
 * the outcome is the same as reading every line in order. Immutable once made.
 */
final class ReadAhead {
  /**
   * Below this many lines a file is read in order: sharing the work would cost more. On a
   * single core nothing is read ahead.
   */
  static final int MIN_LINES =
      Runtime.getRuntime().availableProcessors() < 2 ? Integer.MAX_VALUE : 2000;

  private static final ReadAhead NONE = new ReadAhead(new Table[0], new Read[0]);

  /** What reading one rule line gave: the warnings, then the command or the error. */
  static final class Read {
    private final List<Diagnostic> warnings = new ArrayList<>(0);
    private Command command;
    private LineError error;

    /** Adds the line's warnings to {@code to}; returns the command, or throws the error. */
    Command replay(List<Diagnostic> to) throws LineError {
      to.addAll(warnings);
      if (error != null) {
        throw error;
      }
      return command;
    }
  }

  /** The predicted table of each line, by index; null where no rule is expected. */
  private final Table[] tables;
  private final Read[] reads;

  private ReadAhead(Table[] tables, Read[] reads) {
    this.tables = tables;
    this.reads = reads;
  }

  /**
   * Reads the rule lines of {@code lines}, to be loaded by {@code backend}, ahead, or nothing
   * below {@code minLines} lines.
   */
  static ReadAhead of(String file, List<String> lines, Backend backend, int minLines) {
    if (lines.size() < minLines) {
      return NONE;
    }
    Table[] tables = predictTables(lines);
    Read[] reads = new Read[lines.size()];
    IntStream.range(0, lines.size()).parallel().forEach(i -> {
      if (tables[i] != null) {
        reads[i] = read(new LineSource(file, i + 1, lines.get(i)), tables[i], backend);
      }
    });
    return new ReadAhead(tables, reads);
  }

  private static Read read(LineSource line, Table table, Backend backend) {
    Read read = new Read();
    try {
      read.command = SaveFileParser.readRule(line, table, backend, read.warnings);
    } catch (LineError e) {
      read.error = e;
    }
    return read;
  }

  /**
   * The table each line would be read in if it is a rule: the last {@code *table} line above
   * it, unless a {@code COMMIT} came in between.
   */
  private static Table[] predictTables(List<String> lines) {
    Table[] tables = new Table[lines.size()];
    Table table = null;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      String trimmed = Tokenizer.strip(text);
      if (trimmed.startsWith("*")) {
        table = Table.byLabel(SaveFileParser.tableName(trimmed)).orElse(null);
      } else if (SaveFileParser.isCommit(trimmed)) {
        table = null;
      } else if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith(":")) {
        tables[i] = table;
      }
    }
    return tables;
  }

  /** The line numbered {@code number} as read ahead, if it was read in {@code table}. */
  Optional<Read> get(int number, Table table) {
    int i = number - 1;
    return i < reads.length && tables[i] == table && reads[i] != null
        ? Optional.of(reads[i]) : Optional.empty();
  }
}

package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Table;

/**
 * Reads a shell script of {@code iptables} commands, one per line ({@code iptables -t nat -A
 * POSTROUTING -o wan0 -j MASQUERADE}), and applies them in order. Understands comments, blank
 * lines, a {@code #!} line, backslash line continuations, and shell quoting with single and
 * double quotes. Anything else a shell would do (variables, pipes) is reported, not run.
 */
final class ScriptParser {
  private ScriptParser() {}

  /**
   * Reads the script {@code lines} of {@code file}, run by {@code backend}, into {@code
   * builder}.
   */
  static void parse(String file, List<String> lines, RulesetBuilder builder,
      Diagnostics diagnostics, Backend backend) {
    for (int i = 0; i < lines.size() && !diagnostics.full(); i++) {
      int first = i;
      StringBuilder text = new StringBuilder(lines.get(i));
      List<LineSource.Segment> segments = new ArrayList<>();
      segments.add(new LineSource.Segment(0, i + 1, lines.get(i)));
      while (endsWithContinuation(text) && i + 1 < lines.size()) {
        text.setLength(text.length() - 1);
        text.append(' ');
        segments.add(new LineSource.Segment(text.length(), i + 2, lines.get(++i)));
        text.append(lines.get(i));
      }
      if (endsWithContinuation(text)) {
        text.setLength(text.length() - 1); // bash drops a continuation at the end of the file
      }
      LineSource line = new LineSource(file, first + 1, text.toString(), segments);
      try {
        line(line, builder, diagnostics, backend);
      } catch (LineError e) {
        diagnostics.add(e.diagnostic);
      }
    }
  }

  private static boolean endsWithContinuation(CharSequence text) {
    return text.length() > 0 && text.charAt(text.length() - 1) == '\\';
  }

  private static void line(LineSource line, RulesetBuilder builder, Diagnostics diagnostics,
      Backend backend) throws LineError {
    String trimmed = line.text().strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("set -e")
        || trimmed.equals("set -eu") || trimmed.equals("set -x")) {
      return;
    }
    List<Token> tokens = ShellWords.split(line);
    Token program = tokens.get(0);
    int start = 1;
    if (program.text().equals("sudo") && tokens.size() > 1) {
      program = tokens.get(1);
      start = 2;
    }
    String name = program.text().substring(program.text().lastIndexOf('/') + 1);
    if (!name.equals("iptables") && !name.equals("iptables-nft")
        && !name.equals("iptables-legacy")) {
      throw new LineError(line.error(program, "expected an iptables command, found `"
          + program.text() + "'")
          .explained("a rules script holds one iptables command per line, such as"
              + " iptables -A INPUT -p tcp --dport 22 -j ACCEPT"));
    }
    List<Token> argv = new ArrayList<>(tokens.subList(start, tokens.size()));
    Command command =
        new CommandParser(line, argv, false, Table.FILTER, diagnostics.list(), backend).parse();
    Table table = command.table().orElse(Table.FILTER);
    builder.apply(table, command, diagnostics.list());
  }
}

package org.packetpath.engine.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads one YAML document with snakeyaml-engine's composer into a {@link YamlNode} tree. The
 * limits, for files people write by hand:
 *
 * <ul>
 *   <li>at most {@value #MAX_DEPTH} lists and mappings nested in one another;
 *   <li>at most {@value #MAX_CODE_POINTS} characters;
 *   <li>no alias of a list or a mapping, so a "billion laughs" document, whose aliases would
 *       multiply, is stopped at its first one (aliases are not supported at all: {@link
 *       TreeBuilder} reports every anchor);
 *   <li>no key twice in one mapping, reported by {@link TreeBuilder} at the second one.
 * </ul>
 *
 * <p>snakeyaml stops at the first syntax error. To report every error of a file in one run, the
 * line it is reported on, with the lines indented under it, is then blanked out and the
 * document read again, up to {@value #MAX_ERRORS} errors.
 */
final class Yaml {
  static final int MAX_DEPTH = 50;
  static final int MAX_CODE_POINTS = 1_000_000;
  static final int MAX_ERRORS = 20;

  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setSchema(new FailsafeSchema())
      .setCodePointLimit(MAX_CODE_POINTS)
      .setMaxAliasesForCollections(0)
      .setAllowRecursiveKeys(false)
      .setAllowDuplicateKeys(false)
      .setAllowNonScalarKeys(true)
      .setParseComments(false)
      .setUseMarks(true)
      .build();

  private Yaml() {}

  /**
   * Reads {@code text}, naming {@code file} in positions and diagnostics. Every error found is
   * reported; the tree is given only when there were none (an empty document is an empty plain
   * scalar).
   */
  static Parsed<YamlNode> parse(String file, String text) {
    Source source = new Source(file, text);
    List<Diagnostic> diagnostics = new ArrayList<>();
    while (true) {
      LimitedParser parser = new LimitedParser(
          new ParserImpl(SETTINGS, new StreamReader(SETTINGS, source.text())), MAX_DEPTH);
      Optional<Node> root;
      try {
        root = new Composer(SETTINGS, parser).getSingleNode();
      } catch (YamlEngineException e) {
        Diagnostic d = SyntaxError.of(e, source, parser.lastMark(), MAX_CODE_POINTS);
        diagnostics.add(d);
        int line = d.position().line();
        if (diagnostics.size() >= MAX_ERRORS || source.line(line).isBlank()
            || d.message().equals(SyntaxError.TOO_LONG)) {
          return new Parsed<>(Optional.empty(), diagnostics);
        }
        source = source.blanked(line, lastIndentedUnder(source, line));
        continue;
      }
      YamlNode tree = new TreeBuilder(source, diagnostics).build(root);
      diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
          .thenComparingInt(d -> d.position().column()));
      return Parsed.of(tree, diagnostics);
    }
  }

  /** The last line of the block indented deeper than line {@code line}. */
  private static int lastIndentedUnder(Source source, int line) {
    int indent = source.firstColumn(line);
    int last = line;
    for (int next = line + 1; next <= source.lineCount(); next++) {
      if (source.line(next).isBlank()) {
        continue;
      }
      if (source.firstColumn(next) <= indent) {
        break;
      }
      last = next;
    }
    return last;
  }
}

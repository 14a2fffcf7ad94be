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
import org.packetpath.engine.yaml.YamlNode.Scalar;
import org.packetpath.engine.yaml.YamlNode.Scalar.Style;
import org.packetpath.engine.yaml.YamlNode.Sequence;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns the node tree snakeyaml composed into {@link YamlNode}s, and reports what PacketPath's
 * files leave out of YAML: anchors and aliases, tags, complex keys, keys given twice, and values
 * written on one line, plain or quoted, that run on to the next line (most often a line
 * indented by mistake). At most one error per line. Not thread-safe; one per document.
 */
final class TreeBuilder {
  private final Source source;
  private final List<Diagnostic> diagnostics;
  private final Set<Integer> linesWithErrors = new HashSet<>();

  /** A builder for the tree of {@code source}, reporting into {@code diagnostics}. */
  TreeBuilder(Source source, List<Diagnostic> diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
  }

  /** The tree of {@code root}; a document with no node is an empty value at its start. */
  YamlNode build(Optional<Node> root) {
    return root.map(node -> node(node, ' ')).orElse(empty(source.at(1, 1)));
  }

  /** {@code node}, inside a flow collection that {@code close} ends, or in a block if ' '. */
  private YamlNode node(Node node, char close) {
    SourcePosition at = source.at(node.getStartMark());
    if (node.getAnchor().isPresent()) {
      return anchor(at);
    }
    if (!node.isResolved()) {
      error(at, SyntaxError.TAGS, SyntaxError.QUOTE_HINT);
      return empty(at);
    }
    return switch (node.getNodeType()) {
      case SCALAR -> scalar((ScalarNode) node, close);
      case SEQUENCE -> sequence((SequenceNode) node, at);
      case MAPPING -> mapping((MappingNode) node, at);
      case ANCHOR -> anchor(at);
    };
  }

  private Scalar anchor(SourcePosition at) {
    error(at, SyntaxError.ANCHORS, SyntaxError.IN_FULL);
    return empty(at);
  }

  private Sequence sequence(SequenceNode node, SourcePosition at) {
    char close = node.getFlowStyle() == FlowStyle.FLOW ? ']' : ' ';
    return new Sequence(node.getValue().stream().map(n -> node(n, close)).toList(), at);
  }

  private Scalar scalar(ScalarNode node, char close) {
    SourcePosition at = source.at(node.getStartMark());
    Style style = switch (node.getScalarStyle()) {
      case PLAIN, JSON_SCALAR_STYLE -> Style.PLAIN;
      case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
      case LITERAL -> Style.LITERAL;
      case FOLDED -> Style.FOLDED;
    };
    int lastLine = node.getEndMark().map(m -> m.getLine() + 1).orElse(at.line());
    if (style == Style.LITERAL || style == Style.FOLDED) {
      checkBlockHeader(at);
    } else if (lastLine > at.line() && style == Style.PLAIN) {
      int line = at.line() + 1;
      while (line < lastLine && source.line(line).isBlank()) {
        line++;
      }
      SourcePosition next = source.at(line, source.firstColumn(line));
      if (close == ' ') {
        error(next, SyntaxError.BAD_INDENTATION, "this line is indented deeper than the one above"
            + " it, so it would continue that line's value; " + SyntaxError.SAME_COLUMN);
      } else {
        error(next, SyntaxError.expectedComma(close), SyntaxError.COMMAS);
      }
    } else if (lastLine > at.line()) {
      error(at, SyntaxError.UNTERMINATED,
          SyntaxError.closeQuote(style == Style.DOUBLE_QUOTED ? '"' : '\''));
    }
    return new Scalar(node.getValue(), style, at);
  }

  /** Reports an indentation indicator, like the 2 of {@code |2}, which the files do not use. */
  private void checkBlockHeader(SourcePosition at) {
    String line = source.line(at.line());
    for (int i = at.column(); i < Math.min(line.length(), at.column() + 2); i++) {
      if (Character.isDigit(line.charAt(i))) {
        error(at.atColumn(i + 1), SyntaxError.BLOCK_HEADER, SyntaxError.BLOCK_HEADER_HINT);
      }
    }
  }

  private Mapping mapping(MappingNode node, SourcePosition at) {
    char close = node.getFlowStyle() == FlowStyle.FLOW ? '}' : ' ';
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      YamlNode key = node(tuple.getKeyNode(), close);
      YamlNode value = node(tuple.getValueNode(), close);
      if (!(key instanceof Scalar)) {
        error(key.position(), "a key must be a single value",
            "use a plain or quoted word as the key");
        continue;
      }
      Scalar name = (Scalar) key;
      Optional<SourcePosition> question = questionMark(name.position());
      Integer earlier = seen.putIfAbsent(name.value(), name.position().line());
      if (question.isPresent()) {
        error(question.get(), "complex keys (\"? \") are not supported", "write a plain key");
      } else if (name.style() == Style.PLAIN && name.value().isEmpty()) {
        error(name.position(), SyntaxError.NO_KEY, SyntaxError.NO_KEY_HINT);
      } else if (earlier != null) {
        error(name.position(), "duplicate key \"" + name.value() + "\"", "\"" + name.value()
            + "\" is already given on line " + earlier + "; a key may appear once in a mapping");
      } else {
        entries.add(new Entry(name, value));
      }
    }
    return new Mapping(entries, at);
  }

  /** Where the "?" of a complex key written before {@code key} on its line is, if there is one. */
  private Optional<SourcePosition> questionMark(SourcePosition key) {
    String before = source.line(key.line()).substring(0, key.column() - 1).stripTrailing();
    int mark = before.length() - 1;
    boolean indicator = before.endsWith("?")
        && (mark == 0 || " \t{[,".indexOf(before.charAt(mark - 1)) >= 0);
    return indicator ? Optional.of(key.atColumn(mark + 1)) : Optional.empty();
  }

  private static Scalar empty(SourcePosition at) {
    return new Scalar("", Style.PLAIN, at);
  }

  private void error(SourcePosition at, String message, String hint) {
    if (linesWithErrors.add(at.line())) {
      diagnostics.add(Diagnostic.error(at, source.line(at.line()), message).explained(hint));
    }
  }
}

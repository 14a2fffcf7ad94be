package org.packetpath.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.yaml.YamlNode.Entry;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;
import org.packetpath.engine.yaml.YamlNode.Sequence;
import org.packetpath.engine.yaml.YamlNode;

/**
 * Reading the tree of one YAML file of the lab's content, collecting a located diagnostic for
 * every mistake: a wrong kind of node, a missing or unknown key, an empty value. Not
 * thread-safe; one per file read.
 */
final class YamlFile {
  private final String name;
  private final List<String> lines;
  private final YamlNode root;
  private final List<Diagnostic> diagnostics;

  /** A file whose tree is {@code root}; its diagnostics are added to {@code diagnostics}. */
  YamlFile(String name, String text, YamlNode root, List<Diagnostic> diagnostics) {
    this.name = name;
    this.lines = text.lines().toList();
    this.root = root;
    this.diagnostics = diagnostics;
  }

  String name() {
    return name;
  }

  YamlNode root() {
    return root;
  }

  /** The text of line {@code line} (from 1), or empty. */
  String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  void error(SourcePosition at, String message, String explanation) {
    Diagnostic d = Diagnostic.error(at, line(at.line()), message);
    diagnostics.add(explanation.isEmpty() ? d : d.explained(explanation));
  }

  /** {@code d}, found in a value of this file, shown under the file's own line. */
  void add(Diagnostic d) {
    diagnostics.add(new Diagnostic(d.severity(), d.position(), d.message(), d.explanation(),
        line(d.position().line())));
  }

  int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  Optional<Mapping> mapping(YamlNode node, String what, String hint) {
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    error(node.position(), what + " must be a mapping of \"key: value\" lines, not "
        + node.kind(), hint);
    return Optional.empty();
  }

  Optional<Sequence> sequence(YamlNode node, String what, String hint) {
    if (node instanceof Sequence s) {
      return Optional.of(s);
    }
    error(node.position(), what + " must be a list, not " + node.kind(), hint);
    return Optional.empty();
  }

  /** {@code node} as a value that is not empty. */
  Optional<Scalar> text(YamlNode node, String what, String hint) {
    if (!(node instanceof Scalar s)) {
      error(node.position(), what + " must be a value, not " + node.kind(), hint);
      return Optional.empty();
    }
    if (s.isNull() || s.value().isBlank()) {
      error(s.position(), what + " is empty", hint);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** The value of {@code key}; a missing required key is reported at the mapping. */
  Optional<Scalar> scalar(Mapping m, String key, boolean required, String hint) {
    Optional<YamlNode> node = m.get(key);
    if (node.isEmpty()) {
      if (required) {
        missing(m, key, hint);
      }
      return Optional.empty();
    }
    return text(node.get(), "\"" + key + "\"", hint);
  }

  /** The node of {@code key}; a missing required key is reported at the mapping. */
  Optional<YamlNode> node(Mapping m, String key, boolean required, String hint) {
    Optional<YamlNode> node = m.get(key);
    if (node.isEmpty() && required) {
      missing(m, key, hint);
    }
    return node;
  }

  private void missing(Mapping m, String key, String hint) {
    error(m.position(), "missing \"" + key + "\"", hint);
  }

  /** Reports every key of {@code m} that is not one of {@code known}. */
  void checkKeys(Mapping m, List<String> known, String where) {
    for (Entry entry : m.entries()) {
      String key = entry.key().value();
      if (!known.contains(key)) {
        error(entry.key().position(), "unknown key \"" + key + "\"",
            Suggest.closest(key, known).map(c -> "did you mean " + c + "?")
                .orElse("the keys " + where + " are " + String.join(", ", known)));
      }
    }
  }

  /** Every item of a list of values, each one checked not to be empty. */
  List<Scalar> texts(YamlNode node, String what, String hint) {
    List<Scalar> out = new ArrayList<>();
    sequence(node, what, hint).ifPresent(list -> {
      for (YamlNode item : list.items()) {
        text(item, "an item of " + what, hint).ifPresent(out::add);
      }
    });
    return out;
  }
}

package org.packetpath.engine.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.yaml.YamlNode.Entry;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;
import org.packetpath.engine.yaml.YamlNode.Sequence;

/**
 * One YAML file of user input and the checks its reader makes of it: that a node is a mapping,
 * a list or a single value, that required keys are there and no unknown ones, that values are
 * not empty and numbers are in range. Every mistake becomes a located {@link Diagnostic}, with
 * the file's line and a caret, added to the list the file was read with; a check that fails
 * gives an empty result, and the reader goes on, so that one run reports every mistake:
 *
 * <pre>{@code
 * List<Diagnostic> diagnostics = new ArrayList<>();
 * YamlFile.read("topology.yaml", text, diagnostics).flatMap(f -> f.root("the topology", hint))
 *     .ifPresent(top -> ...);
 * }</pre>
 *
 * <p>The structure messages ("must be a mapping, not a list", "missing key", "unknown key", "did
 * you mean") are worded here, the same for every file; what a value means is for the reader to
 * say, with {@link #error}. Not thread-safe: one per file read.
 */
public final class YamlFile {
  private static final String LIST_HINT =
      "write one item per line, each starting with \"- \", or [a, b] on one line";

  private final Source source;
  private final YamlNode root;
  private final List<Diagnostic> diagnostics;

  private YamlFile(Source source, YamlNode root, List<Diagnostic> diagnostics) {
    this.source = source;
    this.root = root;
    this.diagnostics = diagnostics;
  }

  /**
   * Reads the YAML in {@code text}, naming {@code name} in positions. Its syntax errors, all of
   * them, are added to {@code diagnostics}, and the file is then empty; otherwise its later
   * mistakes are added there too.
   */
  public static Optional<YamlFile> read(String name, String text, List<Diagnostic> diagnostics) {
    Parsed<YamlNode> result = Yaml.parse(name, text);
    diagnostics.addAll(result.diagnostics());
    return result.value().map(root -> new YamlFile(new Source(name, text), root, diagnostics));
  }

  /** The file's name, as positions give it. */
  public String name() {
    return source.file();
  }

  /** The text of line {@code line} (from 1), or empty outside the file. */
  public String line(int line) {
    return source.line(line);
  }

  /**
   * The document as a mapping: an empty file (or one of comments only) is reported as "{@code
   * what} is empty" at its start, any other kind of node as not a mapping.
   */
  public Optional<Mapping> root(String what, String hint) {
    if (isEmpty(root)) {
      error(source.at(1, 1), what + " is empty", hint);
      return Optional.empty();
    }
    return mapping(root, what, hint);
  }

  /** {@code node} as a mapping; {@code what} names it in the message, like "a host". */
  public Optional<Mapping> mapping(YamlNode node, String what, String hint) {
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    error(node.position(), what + " must be a mapping, not " + describe(node), hint);
    return Optional.empty();
  }

  /** {@code node} as a list; an empty value ({@code key:} and nothing) is an empty list. */
  public Optional<Sequence> list(YamlNode node, String what, String hint) {
    if (node instanceof Sequence s) {
      return Optional.of(s);
    }
    if (node instanceof Scalar s && s.isNull()) {
      return Optional.of(new Sequence(List.of(), s.position()));
    }
    error(node.position(), what + " must be a list, not " + node.kind(), hint);
    return Optional.empty();
  }

  /** {@code node} as a single value that is not empty or blank. */
  public Optional<Scalar> value(YamlNode node, String what, String hint) {
    if (node instanceof Scalar s && !isEmpty(s)) {
      return Optional.of(s);
    }
    if (node instanceof Scalar) {
      error(node.position(), what + " is empty", hint);
    } else {
      error(node.position(), what + " must be a single value, not " + node.kind(),
          hint.isEmpty() ? "write a single value here" : hint);
    }
    return Optional.empty();
  }

  /** {@code node} as a list of values, each checked by {@link #value(YamlNode, String, String)}. */
  public List<Scalar> values(YamlNode node, String what, String hint) {
    List<Scalar> values = new ArrayList<>();
    list(node, what, hint).ifPresent(list -> list.items().forEach(item ->
        value(item, "an item of " + what, hint).ifPresent(values::add)));
    return values;
  }

  /**
   * The value of {@code key} in {@code m}, whatever its kind; a missing key is reported at the
   * mapping when {@code required}, with {@code hint}.
   */
  public Optional<YamlNode> node(Mapping m, String key, boolean required, String hint) {
    Optional<YamlNode> node = m.get(key);
    if (node.isEmpty() && required) {
      error(m.position(), "missing key \"" + key + "\"", hint);
    }
    return node;
  }

  /**
   * The value of {@code key} in {@code m} as a single value. A missing key is reported at the
   * mapping when {@code required}, an empty value at its key, either with {@code hint}.
   */
  public Optional<Scalar> value(Mapping m, String key, boolean required, String hint) {
    Optional<Entry> entry = m.entry(key);
    if (entry.isEmpty()) {
      node(m, key, required, hint);
      return Optional.empty();
    }
    YamlNode value = entry.get().value();
    if (value instanceof Scalar s && isEmpty(s)) {
      error(entry.get().key().position(), "missing value for \"" + key + "\"", hint.isEmpty()
          ? "write a value after \"" + key + ":\" or remove the line" : hint);
      return Optional.empty();
    }
    return value(value, "\"" + key + "\"", hint);
  }

  /** The value of {@code key} in {@code m} as a list, or an empty list if it is empty. */
  public Optional<Sequence> list(Mapping m, String key, boolean required, String hint) {
    return node(m, key, required, hint).flatMap(n -> list(n, "\"" + key + "\"", LIST_HINT));
  }

  /**
   * Reports every key of {@code m} that is not one of {@code known}, with the nearest known key
   * as "did you mean", or else the list of them, "the keys {@code where} are ...".
   */
  public void checkKeys(Mapping m, List<String> known, String where) {
    for (Entry entry : m.entries()) {
      String key = entry.key().value();
      if (known.contains(key)) {
        continue;
      }
      String last = key.substring(key.lastIndexOf('.') + 1);
      Optional<String> suggestion = known.contains(last) ? Optional.of(last)
          : Suggest.closest(key, known);
      error(entry.key().position(), "unknown key \"" + key + "\"", suggestion
          .map(c -> "did you mean " + c + "?")
          .orElse("the keys " + where + " are " + String.join(", ", known)));
    }
  }

  /**
   * {@code s} as a whole number from {@code min} to {@code max}, written in decimal digits;
   * anything else is reported with {@code message}.
   */
  public Optional<Integer> integer(Scalar s, int min, int max, String message, String hint) {
    String text = s.value();
    boolean digits = !text.isEmpty() && text.length() <= 9
        && text.chars().allMatch(c -> c >= '0' && c <= '9');
    if (digits && Integer.parseInt(text) >= min && Integer.parseInt(text) <= max) {
      return Optional.of(Integer.parseInt(text));
    }
    error(s.position(), message, hint);
    return Optional.empty();
  }

  /** Reports an error at {@code at}, a position in this file, under its line. */
  public void error(SourcePosition at, String message, String hint) {
    diagnostics.add(Diagnostic.error(at, line(at.line()), message).explained(hint));
  }

  /** Reports a warning at {@code at}, a position in this file, under its line. */
  public void warning(SourcePosition at, String message, String hint) {
    diagnostics.add(Diagnostic.warning(at, line(at.line()), message).explained(hint));
  }

  /** Adds {@code d}, found in a value of this file, showing this file's line under it. */
  public void add(Diagnostic d) {
    diagnostics.add(new Diagnostic(d.severity(), d.position(), d.message(), d.explanation(),
        line(d.position().line())));
  }

  /** How many errors the list this file reports into holds. */
  public int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  private static boolean isEmpty(YamlNode node) {
    return node instanceof Scalar s && (s.isNull() || s.value().isBlank());
  }

  private static String describe(YamlNode node) {
    return isEmpty(node) ? "empty" : node.kind();
  }
}

package org.packetpath.engine.yaml;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.SourcePosition;

/**
 * A node of a YAML document: a {@link Scalar} value, a {@link Sequence} (list) or a {@link
 * Mapping}. Every node knows the position of its first character.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
  SourcePosition position();

  /** What kind of node this is, for messages: "a value", "a list" or "a mapping". */
  String kind();

  /**
   * A single value, as text. Plain values are not typed: {@code 1} is the text "1". A missing
   * value ({@code key:} with nothing after it) is an empty plain scalar.
   */
  record Scalar(String value, Style style, SourcePosition position) implements YamlNode {
    /** How the value was written. */
    public enum Style {
      PLAIN,
      SINGLE_QUOTED,
      DOUBLE_QUOTED,
      LITERAL,
      FOLDED
    }

    public Scalar {
      Checks.nonNull("value", value, "style", style, "position", position);
    }

    /** Whether YAML reads this as "no value": empty, {@code ~} or {@code null}, unquoted. */
    public boolean isNull() {
      return style == Style.PLAIN
          && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
    }

    /** The position of the character at {@code offset} in a one-line value. */
    public SourcePosition positionAt(int offset) {
      boolean quoted = style == Style.SINGLE_QUOTED || style == Style.DOUBLE_QUOTED;
      return position.atColumn(position.column() + offset + (quoted ? 1 : 0));
    }

    @Override
    public String kind() {
      return "a value";
    }
  }

  /** A list: {@code - item} lines or {@code [a, b]}. */
  record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** One {@code key: value} pair of a mapping. */
  record Entry(Scalar key, YamlNode value) {
    public Entry {
      Checks.nonNull("key", key, "value", value);
    }
  }

  /** A mapping: {@code key: value} lines or {@code {a: 1}}, in the order written. */
  record Mapping(List<Entry> entries, SourcePosition position) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
      Objects.requireNonNull(position, "position");
      Set<String> keys = new HashSet<>();
      for (Entry entry : entries) {
        if (!keys.add(entry.key().value())) {
          throw new IllegalArgumentException("duplicate key: " + entry.key().value());
        }
      }
    }

    /** The entry whose key is {@code key}, if any. */
    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }

    /** The value of {@code key}, if the key is present. */
    public Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }
}

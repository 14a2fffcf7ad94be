package org.packetpath.lab;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.yaml.YamlFile;
import org.packetpath.engine.yaml.YamlNode;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/**
 * Reads the index and every exercise it lists, collecting every diagnostic. Not thread-safe;
 * one per reading.
 */
final class CatalogReader {
  /** The name exercise files use for the built-in example topology. */
  static final String EXAMPLE = "example";

  private final Content content;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, Parsed<Topology>> topologies = new HashMap<>();
  private final Map<String, SourcePosition> ids = new HashMap<>();
  private Optional<YamlFile> index = Optional.empty();

  CatalogReader(Content content) {
    this.content = content;
  }

  Parsed<ExerciseCatalog> read() {
    List<Exercise> exercises = new ArrayList<>();
    readIndex().ifPresent(folders -> {
      for (int i = 0; i < folders.size(); i++) {
        new ExerciseReader(this, i + 1, folders.get(i)).read().ifPresent(exercises::add);
      }
    });
    diagnostics.sort(Comparator.comparing((Diagnostic d) -> d.position().file())
        .thenComparingInt(d -> d.position().line())
        .thenComparingInt(d -> d.position().column()));
    return Parsed.of(new ExerciseCatalog(content, exercises), diagnostics);
  }

  private Optional<List<Scalar>> readIndex() {
    String index = ExerciseCatalog.INDEX;
    Optional<String> text = text(index, Optional.empty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlFile> yaml = yaml(index, text.get());
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    YamlFile file = yaml.get();
    this.index = yaml;
    Optional<Mapping> top = file.root("the index",
        "write exercises: and under it one exercise folder per line, like - 01-first-steps");
    if (top.isEmpty()) {
      return Optional.empty();
    }
    file.checkKeys(top.get(), List.of("exercises"), "of the index");
    Optional<YamlNode> list = file.node(top.get(), "exercises", true,
        "list the exercise folders in order under exercises:");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    List<Scalar> folders = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Scalar folder : file.values(list.get(), "\"exercises\"",
        "write one exercise folder name per line, like - 01-first-steps")) {
      String name = folder.value();
      if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
        file.error(folder.position(), "\"" + name + "\" is not a folder name",
            "name a folder beside index.yaml, like 01-first-steps");
      } else if (seen.containsKey(name)) {
        file.error(folder.position(), "exercise folder \"" + name + "\" is already listed on"
            + " line " + seen.get(name), "list each exercise once");
      } else {
        seen.put(name, folder.position().line());
        folders.add(folder);
      }
    }
    if (folders.isEmpty() && file.errorCount() == 0) {
      file.error(list.get().position(), "no exercises", "list at least one exercise folder");
    }
    return Optional.of(folders);
  }

  // Shared by the exercise readers -------------------------------------------------------------

  Content content() {
    return content;
  }

  /** The text of line {@code line} of the index. */
  String indexLine(int line) {
    return index.map(f -> f.line(line)).orElse("");
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The text of the file at {@code path}; a missing file is reported at {@code reference} when
   * given (where some other file names it), else at the file itself.
   */
  Optional<String> text(String path, Optional<Reference> reference) {
    try {
      Optional<String> text = content.read(path);
      if (text.isEmpty()) {
        Diagnostic d = reference
            .map(r -> Diagnostic.error(r.position(), r.line(), "no such file: " + path))
            .orElse(Diagnostic.error(new SourcePosition(content.name(path), 0, 0), "",
                "no such file"));
        diagnostics.add(reference.map(r -> r.hint().isEmpty() ? d : d.explained(r.hint()))
            .orElse(d));
      }
      return text;
    } catch (UncheckedIOException e) {
      diagnostics.add(Diagnostic.error(new SourcePosition(content.name(path), 0, 0), "",
          e.getMessage()));
      return Optional.empty();
    }
  }

  /** Where one file names another, for a missing file's diagnostic. */
  record Reference(SourcePosition position, String line, String hint) {}

  /** The YAML file at {@code path}, or empty after reporting its syntax errors. */
  Optional<YamlFile> yaml(String path, String text) {
    return YamlFile.read(content.name(path), text, diagnostics);
  }

  /**
   * The topology an exercise names: {@code example}, or a file's path relative to the
   * exercise's folder {@code base}; each file is read once, and its diagnostics reported once.
   */
  Optional<Topology> topology(String base, Scalar name, YamlFile file) {
    if (name.value().equals(EXAMPLE)) {
      return topologies.computeIfAbsent(EXAMPLE,
          k -> TopologyParser.parse("example.yaml", TopologyParser.exampleText())).value();
    }
    Optional<String> path = Content.resolve(base, name.value());
    if (path.isEmpty()) {
      file.error(name.position(), "topology \"" + name.value() + "\" is outside the exercises",
          "name \"example\" or a file in the exercises folder, relative to this exercise's"
              + " folder, like topology.yaml or ../story.yaml");
      return Optional.empty();
    }
    Parsed<Topology> result = topologies.get(path.get());
    if (result == null) {
      Optional<String> text = text(path.get(), Optional.of(new Reference(name.position(),
          file.line(name.position().line()), "name \"example\" or a topology file, relative to"
              + " this exercise's folder")));
      if (text.isEmpty()) {
        return Optional.empty();
      }
      result = TopologyParser.parse(content.name(path.get()), text.get());
      topologies.put(path.get(), result);
      diagnostics.addAll(result.diagnostics());
    }
    return result.value();
  }

  /**
   * Claims the exercise id {@code id} for the exercise at {@code at}; false, after reporting it,
   * when another exercise has it.
   */
  boolean claimId(Scalar id, YamlFile file) {
    SourcePosition other = ids.putIfAbsent(id.value(), id.position());
    if (other != null) {
      file.error(id.position(), "exercise id \"" + id.value() + "\" is already used by "
          + other.file(), "every exercise needs an id of its own");
      return false;
    }
    return true;
  }
}

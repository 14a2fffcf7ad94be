package org.packetpath.lab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.Parsed;

/**
 * The lab's exercises, in order, read from the index ({@code index.yaml}) and the exercise
 * folders it lists. The format is documented in the {@code content} module's README.
 *
 * <pre>{@code
 * ExerciseCatalog catalog = ExerciseCatalog.read(Content.classpath()).orThrow();
 * Exercise first = catalog.exercises().get(0);
 * catalog.find("misplaced-rules");        // by id, folder name or number
 * }</pre>
 */
public final class ExerciseCatalog {
  /** The file that lists the exercises, in the exercises folder. */
  public static final String INDEX = "index.yaml";

  /** The built-in exercises never change while the lab runs: they are read once. */
  private static volatile Parsed<ExerciseCatalog> builtIn;

  private final Content content;
  private final List<Exercise> exercises;

  ExerciseCatalog(Content content, List<Exercise> exercises) {
    this.content = Objects.requireNonNull(content, "content");
    this.exercises = List.copyOf(exercises);
  }

  /**
   * Reads every exercise of {@code content}, reporting every mistake in any of its files (the
   * index, exercise files, topologies, rules files) with its file and line. The class path's
   * exercises are read once and remembered; a folder's are read again at every call, so that
   * an author's edits show.
   */
  public static Parsed<ExerciseCatalog> read(Content content) {
    if (!(content instanceof Content.Classpath)) {
      return new CatalogReader(content).read();
    }
    Parsed<ExerciseCatalog> result = builtIn;
    if (result == null) {
      result = new CatalogReader(content).read();
      builtIn = result;
    }
    return result;
  }

  /** The built-in exercises; a mistake in them is a bug, thrown as {@link IllegalStateException}. */
  public static ExerciseCatalog builtIn() {
    try {
      return read(Content.classpath()).orThrow();
    } catch (InputException e) {
      throw new IllegalStateException("the exercises have errors:\n" + e.render(), e);
    }
  }

  /** The exercises in the order learners meet them. */
  public List<Exercise> exercises() {
    return exercises;
  }

  /** Where the exercises were read from. */
  public Content content() {
    return content;
  }

  /**
   * The exercise named by {@code name}: its id ({@code misplaced-rules}), its folder ({@code
   * 01-misplaced-rules}) or its number ({@code 1}).
   */
  public Optional<Exercise> find(String name) {
    String wanted = name.strip();
    for (Exercise e : exercises) {
      if (e.id().equals(wanted) || e.folder().equals(wanted)
          || String.valueOf(e.number()).equals(wanted)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The exercises' ids, in order, for messages. */
  public List<String> ids() {
    return exercises.stream().map(Exercise::id).toList();
  }
}

package org.packetpath.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the exercises come from: the class path (the {@code content} module's jar, what learners
 * use) or a folder on disk (what an author edits). Files are named by paths relative to the
 * exercises folder, with {@code /} between names: {@code 01-misplaced-rules/exercise.yaml}.
 */
public interface Content {
  /** The class-path folder of the built-in exercises. */
  String CLASSPATH_ROOT = "org/packetpath/content/exercises/";

  /** The built-in exercises, read from the class path. */
  static Content classpath() {
    return new Classpath();
  }

  /** The exercises in {@code folder}, which holds {@code index.yaml}. */
  static Content directory(Path folder) {
    return new Directory(folder);
  }

  /**
   * The text of the file at {@code path}, or empty when there is no such file; a file that
   * cannot be read throws {@link UncheckedIOException} whose message says why, for a learner.
   */
  Optional<String> read(String path);

  /** How diagnostics name the file at {@code path}. */
  String name(String path);

  /**
   * {@code path} joined to the folder {@code base} (a path ending in {@code /}, or empty),
   * with {@code .} and {@code ..} resolved; empty when it would leave the exercises folder or
   * is absolute.
   */
  static Optional<String> resolve(String base, String path) {
    if (path.startsWith("/") || path.contains("\\") || path.isBlank()) {
      return Optional.empty();
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : (base + path).split("/", -1)) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else if (!part.equals(".") && !part.isEmpty()) {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }

  /** Exercises on the class path, under {@link #CLASSPATH_ROOT}. */
  final class Classpath implements Content {
    private Classpath() {}

    @Override
    public Optional<String> read(String path) {
      ClassLoader loader = Content.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + path)) {
        if (in == null) {
          return Optional.empty();
        }
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read: " + e.getMessage(), e);
      }
    }

    @Override
    public String name(String path) {
      return CLASSPATH_ROOT + path;
    }

    @Override
    public String toString() {
      return "the built-in exercises";
    }
  }

  /** Exercises in a folder on disk. */
  final class Directory implements Content {
    private final Path folder;

    private Directory(Path folder) {
      this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The folder that holds {@code index.yaml}. */
    public Path folder() {
      return folder;
    }

    @Override
    public Optional<String> read(String path) {
      Path file = folder.resolve(path);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (CharacterCodingException e) {
        throw new UncheckedIOException("not a text file (invalid UTF-8)", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read: " + e.getMessage(), e);
      }
    }

    @Override
    public String name(String path) {
      return folder.resolve(path).toString();
    }

    @Override
    public String toString() {
      return folder.toString();
    }
  }
}

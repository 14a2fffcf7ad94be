package org.packetpath.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder of exercises written by a test: one small exercise on the example topology. */
public final class ContentFixture {
  public static final String INDEX = """
      exercises:
        - 01-first
      """;

  public static final String EXERCISE = """
      id: first
      title: First steps
      topology: example
      checks:
        - id: office-ssh
          goal: The office can log in with ssh
          points: 2
          packet: tcp office:40000 > fw:22 in wan0
          expect:
            disposition: delivered
        - id: attacker-no-ssh
          goal: The attacker cannot
          packet: tcp attacker:40000 > fw:22 in wan0
          expect:
            disposition: blocked
            where: filter INPUT
      hints:
        - Look at INPUT.
      wrong:
        wrong/open.rules: [attacker-no-ssh]
      """;

  public static final String SOLUTION = """
      *filter
      :INPUT ACCEPT [0:0]
      -A INPUT -s 198.51.100.0/24 -p tcp --dport 22 -j ACCEPT
      -A INPUT -p tcp --dport 22 -j DROP
      COMMIT
      """;

  public static final String OPEN = """
      *filter
      :INPUT ACCEPT [0:0]
      COMMIT
      """;

  private final Path root;

  private ContentFixture(Path root) {
    this.root = root;
  }

  /** Writes the exercise into {@code root}: it loads and verifies. */
  public static ContentFixture write(Path root) {
    ContentFixture f = new ContentFixture(root);
    f.file("index.yaml", INDEX);
    f.file("01-first/exercise.yaml", EXERCISE);
    f.file("01-first/README.md", "# First steps\n");
    f.file("01-first/start.rules", OPEN);
    f.file("01-first/solution.rules", SOLUTION);
    f.file("01-first/wrong/open.rules", OPEN);
    return f;
  }

  public Path root() {
    return root;
  }

  /** Writes {@code text} to {@code path}, relative to the exercises folder. */
  public ContentFixture file(String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code from} by {@code to} in the file at {@code path}, which must contain it. */
  public ContentFixture edit(String path, String from, String to) {
    try {
      String text = Files.readString(root.resolve(path));
      if (!text.contains(from)) {
        throw new IllegalArgumentException(path + " does not contain " + from);
      }
      return file(path, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete(String path) {
    try {
      Files.delete(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

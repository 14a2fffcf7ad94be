package org.packetpath.engine.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a user's text file (rules, topology, packets), turning every way it can fail into a
 * diagnostic: no such file, a directory, not UTF-8 text, unreadable.
 */
public record SourceText(String name, Optional<String> text, Optional<Diagnostic> error) {
  /** Reads {@code path} as UTF-8. */
  public static SourceText read(Path path) {
    String name = path.toString();
    try {
      return new SourceText(name, Optional.of(Files.readString(path, StandardCharsets.UTF_8)),
          Optional.empty());
    } catch (NoSuchFileException e) {
      return failed(name, "no such file");
    } catch (CharacterCodingException e) {
      return failed(name, "not a text file (invalid UTF-8)");
    } catch (IOException e) {
      return failed(name, Files.isDirectory(path) ? "is a directory" : "cannot read: "
          + e.getMessage());
    }
  }

  private static SourceText failed(String name, String message) {
    return new SourceText(name, Optional.empty(),
        Optional.of(Diagnostic.error(new SourcePosition(name, 0, 0), "", message)));
  }
}

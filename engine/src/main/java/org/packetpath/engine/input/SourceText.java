package org.packetpath.engine.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a user's text file (rules, topology, packets), turning every way it can fail into a
 * diagnostic: no such file, a directory, not UTF-8 text (at the line and column of the first
 * byte that is not), unreadable.
 */
public record SourceText(String name, Optional<String> text, Optional<Diagnostic> error) {
  /** Reads {@code path} as UTF-8. */
  public static SourceText read(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return failed(name, "no such file");
    } catch (IOException e) {
      return failed(name, Files.isDirectory(path) ? "is a directory" : "cannot read: "
          + e.getMessage());
    }
    return decode(name, bytes);
  }

  /** {@code bytes} as UTF-8 text, or the error at the first byte that is not UTF-8. */
  static SourceText decode(String name, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return new SourceText(name, Optional.of(text), Optional.empty()); // valid: nothing replaced
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return notUtf8(name, bytes, in.position(), out.flip().toString());
    }
    decoder.flush(out);
    return new SourceText(name, Optional.of(out.flip().toString()), Optional.empty());
  }

  /**
   * The error for the byte at {@code offset}, the first that is not UTF-8; {@code before} is
   * the text before it.
   */
  private static SourceText notUtf8(String name, byte[] bytes, int offset, String before) {
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int end = offset;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    String rest = new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    String sourceLine = before.substring(lineStart) + rest;
    SourcePosition at = new SourcePosition(name, line, before.length() - lineStart + 1);
    return new SourceText(name, Optional.empty(), Optional.of(
        Diagnostic.error(at, sourceLine, "not a text file (invalid UTF-8)")
            .explained(String.format("byte 0x%02x here is not UTF-8: save the file as UTF-8",
                bytes[offset] & 0xff))));
  }

  private static SourceText failed(String name, String message) {
    return new SourceText(name, Optional.empty(),
        Optional.of(Diagnostic.error(new SourcePosition(name, 0, 0), "", message)));
  }
}

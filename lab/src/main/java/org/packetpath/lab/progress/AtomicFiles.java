package org.packetpath.lab.progress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing files so that a crash at any moment leaves either the old file or the new one whole:
 * the text goes to a temporary file beside the target, is flushed to the disk, and the temporary
 * file is then renamed over the target in one step.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} to {@code file}, replacing it in one step if it exists. */
  public static void write(Path file, String text) throws IOException {
    Path temp = temporary(file, text);
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Creates {@code file} holding {@code text} in one step, unless it exists; returns whether it
   * created it. An existing file is never touched.
   */
  public static boolean create(Path file, String text) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    Path temp = temporary(file, text);
    try {
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(file)) {
        return false;
      }
      // No hard links here (some shared folders): create it directly instead.
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException again) {
        return false;
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A temporary file beside {@code file} holding {@code text}, flushed to the disk. */
  private static Path temporary(Path file, String text) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
      permissions(temp, file);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  /**
   * Gives {@code temp} the permissions of {@code file} when it exists, else rw-r--r--: a
   * temporary file is created readable by its owner alone.
   */
  private static void permissions(Path temp, Path file) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> wanted = Files.exists(file)
        ? Files.getPosixFilePermissions(file)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, wanted);
  }
}

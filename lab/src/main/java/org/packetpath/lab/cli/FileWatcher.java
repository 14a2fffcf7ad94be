package org.packetpath.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Tells when a file changes, however an editor saves it: written in place, replaced by a new
 * file renamed over it, deleted and created again.
 *
 * <p>One thread waits for the folder's {@link WatchService} events for at most the polling
 * interval, then looks at the file itself: whether it exists, its modification time, size and a
 * checksum of its content. So events make it quick, and the polling finds what the watch
 * service misses (network and shared folders, WSL, editors that replace files). A change is
 * reported once the file has stayed the same for a moment, so that an editor's several writes
 * make one report.
 */
final class FileWatcher implements AutoCloseable {
  /** What the watcher compares: what the file is now. */
  record Signature(boolean exists, long modified, long size, long checksum) {
    static final Signature ABSENT = new Signature(false, 0, 0, 0);
  }

  private static final long MAX_BYTES = 1 << 20;

  private final Path file;
  private final Duration poll;
  private final Duration settle;
  private final Runnable onChange;
  private final Thread thread;
  private final boolean events;
  private volatile boolean running = true;
  private Signature last;
  private Optional<WatchService> service = Optional.empty();
  private Optional<WatchKey> key = Optional.empty();

  /**
   * Watches {@code file}, looking at it at least every {@code poll}; {@code onChange} runs on
   * the watcher's thread after each change, once the file has not changed for {@code settle}.
   */
  FileWatcher(Path file, Duration poll, Duration settle, Runnable onChange) {
    this(file, poll, settle, true, onChange);
  }

  /** The same, by polling alone when not {@code events}: what happens where events never come. */
  FileWatcher(Path file, Duration poll, Duration settle, boolean events, Runnable onChange) {
    this.events = events;
    this.file = file.toAbsolutePath();
    this.poll = Objects.requireNonNull(poll, "poll");
    this.settle = Objects.requireNonNull(settle, "settle");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.last = signature(this.file);
    this.thread = new Thread(this::watch, "lab-watch " + file.getFileName());
    this.thread.setDaemon(true);
  }

  /** Starts watching. */
  FileWatcher start() {
    try {
      service = events ? Optional.of(FileSystems.getDefault().newWatchService())
          : Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      service = Optional.empty();
    }
    thread.start();
    return this;
  }

  /** Takes the file as it is now as seen: the change that just happened is not reported. */
  synchronized void acknowledge() {
    last = signature(file);
  }

  private void watch() {
    while (running) {
      register();
      waitForEvent();
      if (!running) {
        return;
      }
      if (changed()) {
        settle();
        if (running && take()) {
          onChange.run();
        }
      }
    }
  }

  /** Whether the file differs from the last one seen. */
  private synchronized boolean changed() {
    return !signature(file).equals(last);
  }

  /** Takes the file as seen; whether it differed. One step of the watch, for tests too. */
  synchronized boolean take() {
    Signature now = signature(file);
    boolean changed = !now.equals(last);
    last = now;
    return changed;
  }

  /** Waits until the file stays the same for the settling time, at most a few seconds. */
  private void settle() {
    Signature before = signature(file);
    for (int i = 0; i < 20 && running; i++) {
      sleep(settle);
      Signature now = signature(file);
      if (now.equals(before)) {
        return;
      }
      before = now;
    }
  }

  /** Registers the folder with the watch service when it is not (again, if it was replaced). */
  private void register() {
    if (service.isEmpty() || key.filter(WatchKey::isValid).isPresent()) {
      return;
    }
    Path folder = file.getParent();
    try {
      if (Files.isDirectory(folder)) {
        key = Optional.of(folder.register(service.get(), StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
      }
    } catch (IOException | ClosedWatchServiceException e) {
      key = Optional.empty();
    }
  }

  /** Waits for an event in the folder, at most the polling interval. */
  private void waitForEvent() {
    if (service.isEmpty() || key.isEmpty()) {
      sleep(poll);
      return;
    }
    try {
      WatchKey signalled = service.get().poll(poll.toMillis(), TimeUnit.MILLISECONDS);
      if (signalled != null) {
        signalled.pollEvents();
        signalled.reset();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } catch (ClosedWatchServiceException e) {
      service = Optional.empty();
    }
  }

  private void sleep(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** What {@code file} is now. */
  static Signature signature(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return Signature.ABSENT;
      }
      CRC32 crc = new CRC32();
      try (InputStream in = Files.newInputStream(file)) {
        crc.update(in.readNBytes((int) Math.min(MAX_BYTES, attributes.size())));
      }
      return new Signature(true, attributes.lastModifiedTime().toMillis(), attributes.size(),
          crc.getValue());
    } catch (IOException e) {
      return Signature.ABSENT;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    service.ifPresent(s -> {
      try {
        s.close();
      } catch (IOException e) {
        // Closing is best effort.
      }
    });
  }
}

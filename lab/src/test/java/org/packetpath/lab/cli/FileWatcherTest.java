package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The working copy's watcher sees every way an editor saves. What counts as a change is tested
 * step by step ({@link FileWatcher#take}), without threads or time; the running watcher is then
 * tested to report real saves, with events and by polling alone, waiting for each report with
 * a bounded timeout.
 */
class FileWatcherTest {
  @TempDir Path dir;

  private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();

  private FileWatcher watcher(Path file, boolean events) {
    return new FileWatcher(file, Duration.ofMillis(200), Duration.ofMillis(50), events,
        () -> changes.add("changed"));
  }

  @Test
  void everyWayOfSavingIsAChangeAndNothingElseIs() throws Exception {
    Path file = dir.resolve("mine.rules");
    Files.writeString(file, "# one\n");
    FileWatcher watcher = watcher(file, false);
    assertFalse(watcher.take(), "nothing changed yet");

    Files.writeString(file, "# two\n");
    assertTrue(watcher.take(), "a save in place");
    assertFalse(watcher.take(), "each change is taken once");

    Path temp = dir.resolve(".mine.rules.swp");
    Files.writeString(temp, "# three, as a new file renamed over the old one\n");
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertTrue(watcher.take(), "a new file renamed over the old one");

    Files.delete(file);
    assertTrue(watcher.take(), "a deletion");
    Files.writeString(file, "# four\n");
    assertTrue(watcher.take(), "a new file");

    Files.writeString(dir.resolve("other.rules"), "# another file\n");
    assertFalse(watcher.take(), "another file in the folder");
  }

  @Test
  void aChangeAcknowledgedIsNotReported() throws Exception {
    Path file = dir.resolve("mine.rules");
    Files.writeString(file, "# one\n");
    FileWatcher watcher = watcher(file, false);
    Files.writeString(file, "# reset by the lab\n");
    watcher.acknowledge();
    assertFalse(watcher.take(), "the lab's own change is not reported back");
  }

  @ParameterizedTest(name = "watch service events: {0}")
  @ValueSource(booleans = {true, false})
  void theRunningWatcherReportsSaves(boolean events) throws Exception {
    Path file = dir.resolve("later/mine.rules");
    try (FileWatcher watcher = watcher(file, events).start()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# here\n");
      assertNotNull(changes.poll(5, TimeUnit.SECONDS), "a file created later is seen");
      Files.writeString(file, "# edited\n");
      assertNotNull(changes.poll(5, TimeUnit.SECONDS), "a save is seen");
    }
  }
}

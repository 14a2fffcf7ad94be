package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The working copy's watcher sees every way an editor saves, with events or by polling. */
class FileWatcherTest {
  @TempDir Path dir;

  private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();

  private FileWatcher watch(Path file, boolean events) {
    return new FileWatcher(file, Duration.ofMillis(200), Duration.ofMillis(50), events,
        () -> changes.add("changed")).start();
  }

  private void changed() throws InterruptedException {
    assertNotNull(changes.poll(5, TimeUnit.SECONDS), "the change was not seen");
  }

  @ParameterizedTest(name = "watch service events: {0}")
  @ValueSource(booleans = {true, false})
  void everyWayOfSavingIsSeenOnce(boolean events) throws Exception {
    Path file = dir.resolve("mine.rules");
    Files.writeString(file, "# one\n");
    FileWatcher watcher = watch(file, events);
    try {
      Thread.sleep(300);
      assertNull(changes.poll(), "nothing changed yet");

      Files.writeString(file, "# two\n");
      changed();

      Path temp = dir.resolve(".mine.rules.swp");
      Files.writeString(temp, "# three, as a new file renamed over the old one\n");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      changed();

      Files.delete(file);
      changed();
      Files.writeString(file, "# four\n");
      changed();

      Files.writeString(dir.resolve("other.rules"), "# another file\n");
      Thread.sleep(600);
      assertEquals(0, changes.size(), "other files and settled saves make no reports");
    } finally {
      watcher.close();
    }
  }

  @ParameterizedTest(name = "watch service events: {0}")
  @ValueSource(booleans = {true, false})
  void aChangeAcknowledgedIsNotReported(boolean events) throws Exception {
    Path file = dir.resolve("mine.rules");
    Files.writeString(file, "# one\n");
    try (FileWatcher watcher = watch(file, events)) {
      Files.writeString(file, "# reset by the lab\n");
      watcher.acknowledge();
      Thread.sleep(700);
      assertNull(changes.poll(), "the lab's own change is not reported back");
    }
  }

  @ParameterizedTest(name = "watch service events: {0}")
  @ValueSource(booleans = {true, false})
  void aFileThatDoesNotExistYetIsSeenWhenCreated(boolean events) throws Exception {
    Path file = dir.resolve("later/mine.rules");
    FileWatcher watcher = watch(file, events);
    try {
      Thread.sleep(300);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# here\n");
      changed();
    } finally {
      watcher.close();
    }
  }
}

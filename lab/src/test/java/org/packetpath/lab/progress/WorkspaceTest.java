package org.packetpath.lab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;

/** The workspace: working copies, backups, and progress that survives crashes and damage. */
class WorkspaceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"),
      ZoneOffset.UTC);

  @TempDir Path dir;

  private final List<String> notices = new ArrayList<>();
  private final List<Exercise> exercises = ExerciseCatalog.builtIn().exercises();

  private Workspace workspace() {
    return new Workspace(dir.resolve("work"), exercises,
        e -> e.id().equals("misplaced-rules"), notices::add, CLOCK);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("work"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void progressIsSavedAndReadBackWithoutTemporaryFilesLeft() throws IOException {
    Workspace workspace = workspace();
    assertEquals(Progress.NONE, workspace.progress());
    assertFalse(Files.exists(dir.resolve("work")), "reading creates nothing");
    workspace.update(p -> p.start("misplaced-rules"));
    workspace.update(p -> p.hintsShown("misplaced-rules", 1));
    Progress read = workspace().progress();
    assertEquals(Optional.of("misplaced-rules"), read.current());
    assertEquals(1, read.hints("misplaced-rules"));
    assertEquals(List.of(".lock", "progress.txt"), files());
    assertTrue(notices.isEmpty(), notices.toString());
  }

  @Test
  void aWriteCutShortByACrashLeavesTheOldProgressWhole() throws IOException {
    Workspace workspace = workspace();
    workspace.update(p -> p.start("misplaced-rules").done("misplaced-rules"));
    // What a crash in the middle of a save leaves behind: a half-written temporary file.
    Files.writeString(dir.resolve("work/.progress.txt.123.tmp"), "format 1\ndone misp");
    assertTrue(workspace().progress().isDone("misplaced-rules"));
    assertTrue(notices.isEmpty(), notices.toString());
  }

  @Test
  void aReaderNeverSeesAHalfWrittenProgressFile() throws Exception {
    Workspace workspace = workspace();
    workspace.update(p -> p.start("misplaced-rules"));
    Path file = workspace.progressFile();
    List<String> torn = new ArrayList<>();
    Thread reader = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          if (torn.size() > 10) {
            return;
          }
          ProgressFile.read(Files.readString(file));
        } catch (ProgressFile.DamagedException e) {
          torn.add(e.getMessage());
        } catch (IOException e) {
          torn.add(e.toString());
        }
      }
    });
    reader.start();
    for (int i = 1; i <= 300; i++) {
      int hints = i;
      workspace.update(p -> p.hintsShown("misplaced-rules", hints));
    }
    reader.interrupt();
    reader.join();
    assertTrue(torn.isEmpty(), torn.size() + " reads saw a damaged file, the first: "
        + torn.stream().findFirst().orElse(""));
    assertEquals(300, workspace().progress().hints("misplaced-rules"));
  }

  @Test
  void everyChangeReadsTheFileAfreshSoTwoLabsDoNotUndoEachOther() {
    Workspace guided = workspace();
    Workspace other = workspace();
    guided.update(p -> p.start("misplaced-rules"));
    other.update(p -> p.hintsShown("misplaced-rules", 3));
    guided.update(p -> p.done("misplaced-rules"));
    Progress both = workspace().progress();
    assertTrue(both.isDone("misplaced-rules"));
    assertEquals(3, both.hints("misplaced-rules"));
  }

  @Test
  void aDamagedProgressFileIsReportedKeptAndRebuiltFromTheWorkingCopies() throws IOException {
    Workspace workspace = workspace();
    workspace.createWorkingCopy(exercises.get(0));
    workspace.createWorkingCopy(exercises.get(1));
    Files.writeString(workspace.progressFile(), "format 1\ndone misplaced-rules hin\u0000\u0000");

    Progress rebuilt = workspace.progress();

    assertEquals(List.of("the progress file " + workspace.progressFile() + " was damaged (line"
        + " 2: cannot read \"done misplaced-rules hin??\"): kept it as"
        + " progress.txt.20250304-050607.bak and rebuilt it from your working copies"), notices);
    assertTrue(rebuilt.isDone("misplaced-rules"), "its checks pass, the predicate says");
    assertFalse(rebuilt.isDone("dont-lock-yourself-out"));
    assertEquals(Optional.of("dont-lock-yourself-out"), rebuilt.current());
    assertEquals("format 1\ndone misplaced-rules hin\u0000\u0000",
        Files.readString(dir.resolve("work/progress.txt.20250304-050607.bak")));
    assertEquals(rebuilt, workspace().progress(), "the rebuilt file is saved");
    assertEquals(1, notices.size(), "reported once");
  }

  @Test
  void aDamagedFileDuringAChangeIsRebuiltAndTheChangeKept() throws IOException {
    Workspace workspace = workspace();
    Files.createDirectories(workspace.root());
    Files.writeString(workspace.progressFile(), "");
    Progress after = workspace.update(p -> p.hintsShown("stop-the-bot", 1));
    assertEquals(1, after.hints("stop-the-bot"));
    assertEquals(1, notices.size());
    assertTrue(notices.get(0).contains("was damaged (it is empty)"), notices.get(0));
    assertEquals(after, workspace().progress());
  }

  @Test
  void aWorkingCopyIsCreatedFromTheStartingRulesAndNeverOverwritten() throws IOException {
    Workspace workspace = workspace();
    Exercise first = exercises.get(0);
    Path file = workspace.rulesFile(first);
    assertEquals(dir.resolve("work/01-misplaced-rules.rules"), file);
    assertTrue(workspace.createWorkingCopy(first));
    assertEquals(first.start().text(), Files.readString(file));
    Files.writeString(file, "# mine\n");
    assertFalse(workspace.createWorkingCopy(first));
    assertEquals("# mine\n", Files.readString(file));
  }

  @Test
  void resetPutsTheStartingRulesBackAndKeepsTheLearnersFile() throws IOException {
    Workspace workspace = workspace();
    Exercise first = exercises.get(0);
    Path file = workspace.rulesFile(first);
    assertEquals(Optional.empty(), workspace.reset(first), "nothing to keep");
    Files.writeString(file, "# my first try\n");
    Optional<Path> backup = workspace.reset(first);
    assertEquals(Optional.of(dir.resolve("work/01-misplaced-rules.rules.20250304-050607.bak")),
        backup);
    assertEquals("# my first try\n", Files.readString(backup.get()));
    assertEquals(first.start().text(), Files.readString(file));
    Files.writeString(file, "# my second try\n");
    Optional<Path> second = workspace.reset(first);
    assertEquals(Optional.of(dir.resolve("work/01-misplaced-rules.rules.20250304-050607-2.bak")),
        second, "a backup is never overwritten");
    assertEquals("# my second try\n", Files.readString(second.get()));
  }

  @Test
  void theWorkspaceIsBesideTheLauncherUnlessToldOtherwise() {
    assertEquals(Path.of("elsewhere"), Workspace.locate(Optional.of(Path.of("elsewhere"))));
    String home = System.getProperty(Workspace.HOME_PROPERTY);
    String workspace = System.getProperty(Workspace.WORKSPACE_PROPERTY);
    try {
      System.clearProperty(Workspace.WORKSPACE_PROPERTY);
      System.clearProperty(Workspace.HOME_PROPERTY);
      assertEquals(Path.of("work"), Workspace.locate(Optional.empty()));
      System.setProperty(Workspace.HOME_PROPERTY, "/opt/packetpath");
      assertEquals(Path.of("/opt/packetpath/work"), Workspace.locate(Optional.empty()));
      System.setProperty(Workspace.WORKSPACE_PROPERTY, "/tmp/w");
      assertEquals(Path.of("/tmp/w"), Workspace.locate(Optional.empty()));
    } finally {
      restore(Workspace.HOME_PROPERTY, home);
      restore(Workspace.WORKSPACE_PROPERTY, workspace);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}

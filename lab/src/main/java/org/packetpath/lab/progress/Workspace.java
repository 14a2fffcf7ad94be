package org.packetpath.lab.progress;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.packetpath.lab.Exercise;

/**
 * The learner's workspace folder: a working copy of each exercise's rules ({@code
 * 01-misplaced-rules.rules}) and the progress file ({@value #PROGRESS}).
 *
 * <p>The lab creates a working copy from the exercise's starting rules when there is none, and
 * changes it only on {@link #reset}, which keeps the old one as {@code NAME.TIMESTAMP.bak}.
 * Progress is read afresh before every change and written atomically, so that two {@code ./packetpath}
 * processes (guided mode in one terminal, {@code ./packetpath hint} in another) do not undo each
 * other's changes. A damaged progress file is kept as {@code progress.txt.TIMESTAMP.bak},
 * reported in one line through the notices, and rebuilt from the working copies: an exercise
 * with a working copy is started, and done if its checks pass.
 */
public final class Workspace {
  /** The progress file's name in the workspace. */
  public static final String PROGRESS = "progress.txt";
  /** The system property naming the workspace folder itself. */
  public static final String WORKSPACE_PROPERTY = "packetpath.workspace";
  /** The system property naming the folder of the {@code ./packetpath} launcher. */
  public static final String HOME_PROPERTY = "packetpath.home";
  /** The workspace folder's name beside the launcher. */
  public static final String FOLDER = "work";

  private static final String LOCK = ".lock";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path root;
  private final List<Exercise> exercises;
  private final Predicate<Exercise> solved;
  private final Consumer<String> notices;
  private final Clock clock;
  /** The progress as last read or written, for when the file cannot be read or written. */
  private Progress lastKnown = Progress.NONE;
  /** Whether the last change could not be written. */
  private boolean unsaved;

  /**
   * A workspace in {@code root} for {@code exercises}; {@code solved} says whether an exercise's
   * working copy passes all its checks (to rebuild a damaged progress file), and {@code notices}
   * receives one line for each problem the workspace recovered from.
   */
  public Workspace(Path root, List<Exercise> exercises, Predicate<Exercise> solved,
      Consumer<String> notices, Clock clock) {
    this.root = Objects.requireNonNull(root, "root");
    this.exercises = List.copyOf(exercises);
    this.solved = Objects.requireNonNull(solved, "solved");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The workspace folder: {@code folder} when given; else the system property {@value
   * #WORKSPACE_PROPERTY}; else {@value #FOLDER} in the launcher's folder (the system property
   * {@value #HOME_PROPERTY}, which {@code ./packetpath} sets); else {@value #FOLDER} in the current
   * folder.
   */
  public static Path locate(Optional<Path> folder) {
    if (folder.isPresent()) {
      return folder.get();
    }
    String workspace = System.getProperty(WORKSPACE_PROPERTY, "");
    if (!workspace.isBlank()) {
      return Path.of(workspace);
    }
    String home = System.getProperty(HOME_PROPERTY, "");
    return home.isBlank() ? Path.of(FOLDER) : Path.of(home, FOLDER);
  }

  /** The workspace folder. */
  public Path root() {
    return root;
  }

  /** The progress file. */
  public Path progressFile() {
    return root.resolve(PROGRESS);
  }

  /** The learner's working copy of {@code exercise}'s rules. */
  public Path rulesFile(Exercise exercise) {
    return root.resolve(exercise.folder() + ".rules");
  }

  /** Whether the learner has a working copy of {@code exercise}'s rules. */
  public boolean hasWorkingCopy(Exercise exercise) {
    return Files.isRegularFile(rulesFile(exercise));
  }

  /**
   * Creates the working copy of {@code exercise} from its starting rules, unless there is one;
   * returns whether it created it. An existing working copy is never touched.
   */
  public boolean createWorkingCopy(Exercise exercise) throws IOException {
    return AtomicFiles.create(rulesFile(exercise), exercise.start().text());
  }

  /**
   * Puts the starting rules of {@code exercise} back in its working copy, keeping the old
   * working copy as {@code NAME.TIMESTAMP.bak}; returns the backup, or empty when there was no
   * working copy.
   */
  public synchronized Optional<Path> reset(Exercise exercise) throws IOException {
    Path file = rulesFile(exercise);
    Optional<Path> backup = Optional.empty();
    if (Files.exists(file)) {
      Path copy = backupName(file);
      Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      backup = Optional.of(copy);
    }
    AtomicFiles.write(file, exercise.start().text());
    return backup;
  }

  /** The learner's progress; a damaged progress file is reported and rebuilt. */
  public synchronized Progress progress() {
    if (!Files.exists(progressFile())) {
      return unsaved ? lastKnown : Progress.NONE;
    }
    try {
      lastKnown = withLock(this::read);
    } catch (IOException e) {
      notices.accept("cannot read the progress file " + progressFile() + ": " + why(e));
      lastKnown = rebuilt();
    }
    return lastKnown;
  }

  /**
   * Changes the progress: reads it afresh, applies {@code change} and writes the result
   * atomically; returns it. When it cannot be written, says so through the notices and returns
   * it all the same: the lab carries on.
   */
  public synchronized Progress update(UnaryOperator<Progress> change) {
    try {
      lastKnown = withLock(() -> {
        Progress before = read();
        Progress after = change.apply(before);
        if (!after.equals(before) || !Files.exists(progressFile())) {
          AtomicFiles.write(progressFile(), ProgressFile.write(after));
        }
        return after;
      });
    } catch (IOException e) {
      notices.accept("cannot save your progress in " + progressFile() + ": " + why(e));
      lastKnown = change.apply(lastKnown);
      unsaved = true;
      return lastKnown;
    }
    unsaved = false;
    return lastKnown;
  }

  private interface Action<T> {
    T run() throws IOException;
  }

  /** Runs {@code action} holding the workspace's lock file, which keeps lab processes apart. */
  private <T> T withLock(Action<T> action) throws IOException {
    Files.createDirectories(root);
    try (FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.lock();
      try {
        return action.run();
      } finally {
        lock.release();
      }
    }
  }

  /** Reads the progress file; a damaged one is kept as a backup and replaced by a rebuilt one. */
  private Progress read() throws IOException {
    Path file = progressFile();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Progress.NONE;
    }
    try {
      return ProgressFile.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (ProgressFile.DamagedException e) {
      Path backup = backupName(file);
      Files.move(file, backup);
      Progress rebuilt = rebuilt();
      AtomicFiles.write(file, ProgressFile.write(rebuilt));
      notices.accept("the progress file " + file + " was damaged (" + e.getMessage()
          + "): kept it as " + backup.getFileName() + " and rebuilt it from your working copies");
      return rebuilt;
    }
  }

  /**
   * Progress as the working copies tell it: each exercise with one is started, and done when
   * its checks pass; the current one is the last started.
   */
  private Progress rebuilt() {
    Progress progress = Progress.NONE;
    for (Exercise e : exercises) {
      if (hasWorkingCopy(e)) {
        progress = progress.start(e.id());
        if (solved.test(e)) {
          progress = progress.done(e.id());
        }
      }
    }
    return progress;
  }

  /** {@code NAME.TIMESTAMP.bak} beside {@code file}, with a number added if that is taken. */
  private Path backupName(Path file) {
    String stamp = LocalDateTime.now(clock).format(STAMP);
    String base = file.getFileName() + "." + stamp;
    Path candidate = file.resolveSibling(base + ".bak");
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = file.resolveSibling(base + "-" + n + ".bak");
    }
    return candidate;
  }

  /** Why an input or output failed, in words: {@code permission denied}. */
  public static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

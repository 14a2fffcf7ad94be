package org.packetpath.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The terminal in single-key mode for guided mode, and back as it was afterwards.
 *
 * <p>{@code stty} puts the terminal that is the lab's standard input into non-canonical mode
 * without echo ({@code -icanon -echo min 1 time 0}): every key reaches the lab as it is pressed,
 * and nothing is printed for it. Signals stay on, so Ctrl-C still stops the lab; a shutdown hook
 * puts the saved settings back on every way out: {@code q}, Ctrl-C, an error.
 */
final class TerminalMode implements AutoCloseable {
  private final String saved;
  private final Thread hook;
  private boolean restored;

  private TerminalMode(String saved) {
    this.saved = saved;
    this.hook = new Thread(this::restore, "lab-terminal-restore");
  }

  /** Single-key mode, or empty when the terminal cannot be switched (no tty, no stty). */
  static Optional<TerminalMode> enter() {
    Optional<String> saved = stty("-g");
    if (saved.isEmpty() || saved.get().isBlank()) {
      return Optional.empty();
    }
    TerminalMode mode = new TerminalMode(saved.get().strip());
    Runtime.getRuntime().addShutdownHook(mode.hook);
    if (stty("-icanon", "-echo", "-ixon", "min", "1", "time", "0").isEmpty()) {
      mode.close();
      return Optional.empty();
    }
    return Optional.of(mode);
  }

  /** The terminal's size, rows and columns, when it can be told. */
  static Optional<int[]> size() {
    return stty("size").map(s -> s.strip().split("\\s+"))
        .filter(p -> p.length == 2 && p[0].matches("\\d+") && p[1].matches("\\d+"))
        .map(p -> new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])})
        .filter(p -> p[0] > 0 && p[1] > 0);
  }

  /** Puts the saved settings back; once. */
  private synchronized void restore() {
    if (!restored) {
      restored = true;
      stty(saved);
    }
  }

  @Override
  public void close() {
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: nothing to remove.
    }
  }

  /** Runs {@code stty ARGS} on the lab's standard input; its output, or empty on failure. */
  private static Optional<String> stty(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}

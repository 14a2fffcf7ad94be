package org.packetpath.lab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.packetpath.engine.pipeline.Backend;

/** The programs the kernel lab runs, found on the {@code PATH} or in the system directories. */
final class Tools {
  private Tools() {}

  private static final List<String> SYSTEM_DIRS =
      List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin");

  /** The output of a finished program. */
  record Result(int exitCode, String out, String err) {}

  /** The executable called {@code name}: system directories first for python3, else PATH. */
  static Optional<Path> find(String name) {
    Set<String> dirs = new LinkedHashSet<>();
    if (name.equals("python3")) {
      dirs.add("/usr/bin"); // the system interpreter, not a user's shim
    }
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(":")));
    }
    dirs.addAll(SYSTEM_DIRS);
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The absolute path of {@code name}, or a {@link KernelLabException}. */
  static String require(String name) {
    return find(name).map(Path::toString)
        .orElseThrow(() -> new KernelLabException(name + " is not installed"));
  }

  /** The programs a lab with {@code backend} needs, in the order they are checked. */
  static List<String> needed(Backend backend) {
    return List.of("ip", restore(backend), save(backend), "conntrack", "python3");
  }

  static String restore(Backend backend) {
    return backend == Backend.NFT ? "iptables-nft-restore" : "iptables-legacy-restore";
  }

  static String save(Backend backend) {
    return backend == Backend.NFT ? "iptables-nft-save" : "iptables-legacy-save";
  }

  /** Whether this process runs with effective user id 0, read from /proc/self/status. */
  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] ids = line.substring(4).trim().split("\\s+");
          return ids.length > 1 && ids[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Runs a program to its end (at most {@code seconds}), feeding it {@code stdin}. */
  static Result run(List<String> command, String stdin, long seconds) {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new KernelLabException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the program did not read its input; its exit code and stderr tell why
    }
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new KernelLabException(String.join(" ", command) + " did not finish in "
            + seconds + " s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new KernelLabException("interrupted while running " + command.get(0), e);
    }
  }

  /** Runs a program and fails with its error output unless it exits with 0. */
  static Result check(List<String> command, String stdin) {
    Result result = run(command, stdin, 30);
    if (result.exitCode() != 0) {
      throw new KernelLabException(String.join(" ", command) + " failed (exit code "
          + result.exitCode() + "): " + (result.err() + result.out()).strip());
    }
    return result;
  }

  static List<String> command(String... words) {
    return new ArrayList<>(List.of(words));
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (InputStream in = stream) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        text.complete(buffer.toString(StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        text.completeExceptionally(e);
      }
    }, "kernel-lab-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }
}

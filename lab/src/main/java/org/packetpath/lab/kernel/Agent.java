package org.packetpath.lab.kernel;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The long-running helper process in the firewall's namespace ({@code agent.py}, a class-path
 * resource), and the line protocol to it: a JSON request per line; a reply of named sections.
 */
final class Agent implements AutoCloseable {
  private static final String RESOURCE = "agent.py";
  private static final long CALL_SECONDS = 60;
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kernel-lab-watchdog");
        t.setDaemon(true);
        return t;
      });
  private static Path script;

  private final Process process;
  private final OutputStream requests;
  private final InputStream replies;
  private final Path errors;

  private Agent(Process process, Path errors) {
    this.process = process;
    this.requests = process.getOutputStream();
    this.replies = new BufferedInputStream(process.getInputStream());
    this.errors = errors;
  }

  /** Starts the agent in network namespace {@code namespace}. */
  static Agent start(String ip, String python, String namespace) {
    try {
      Path errors = Files.createTempFile("packetpath-agent", ".err");
      errors.toFile().deleteOnExit();
      Process process = new ProcessBuilder(ip, "netns", "exec", namespace, python, "-u",
          script().toString())
          .redirectError(errors.toFile())
          .start();
      return new Agent(process, errors);
    } catch (IOException e) {
      throw new KernelLabException("cannot start the lab agent: " + e.getMessage(), e);
    }
  }

  private static synchronized Path script() throws IOException {
    if (script == null) {
      Path file = Files.createTempFile("packetpath-agent", ".py");
      file.toFile().deleteOnExit();
      try (InputStream in = Agent.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException("resource " + RESOURCE + " is missing");
        }
        Files.write(file, in.readAllBytes());
      }
      script = file;
    }
    return script;
  }

  /** Sends one request and returns the sections of the reply by name. */
  synchronized Map<String, String> call(String json) {
    ScheduledFuture<?> guard = WATCHDOG.schedule(process::destroyForcibly, CALL_SECONDS,
        TimeUnit.SECONDS);
    try {
      requests.write((json + "\n").getBytes(StandardCharsets.UTF_8));
      requests.flush();
      String header = line();
      if (header.startsWith("ERR ")) {
        String message = text(Integer.parseInt(header.substring(4)));
        throw new KernelLabException("the lab agent failed: " + message);
      }
      if (!header.startsWith("OK ")) {
        throw new IOException("unexpected reply " + header);
      }
      int count = Integer.parseInt(header.substring(3));
      Map<String, String> sections = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String[] head = line().split(" ");
        sections.put(head[0], text(Integer.parseInt(head[1])));
      }
      return sections;
    } catch (IOException | RuntimeException e) {
      if (e instanceof KernelLabException k) {
        throw k;
      }
      throw new KernelLabException("the lab agent stopped answering: " + e.getMessage()
          + stderr(), e);
    } finally {
      guard.cancel(false);
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = replies.read()) != '\n') {
      if (b < 0) {
        throw new IOException("the agent exited");
      }
      out.write(b);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String text(int length) throws IOException {
    byte[] data = replies.readNBytes(length);
    if (data.length < length || replies.read() != '\n') {
      throw new IOException("the agent's reply was cut short");
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  private String stderr() {
    try {
      String text = Files.readString(errors).strip();
      return text.isEmpty() ? "" : "\n" + text;
    } catch (IOException e) {
      return "";
    }
  }

  /** Ends the agent: end of input first, then by force. */
  @Override
  public void close() {
    try {
      requests.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(errors);
    } catch (IOException e) {
      // a temporary file; deleted on exit anyway
    }
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A JSON array of strings. */
  static String array(List<String> items) {
    return "[" + String.join(",", items.stream().map(Agent::quote).toList()) + "]";
  }
}

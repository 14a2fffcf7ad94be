package org.packetpath.lab.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The long-running helper process in the firewall's namespace ({@code agent.py}, a class-path
 * resource), and the line protocol to it: a JSON request per line, a JSON reply per line, as
 * {@link Protocol} describes them.
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
  /** Absent values are left out: {@code Optional.empty()} is no member at all. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_ABSENT))
      .build();
  private static Path script;

  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader replies;
  private final Path errors;

  private Agent(Process process, Path errors) {
    this.process = process;
    this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(),
        StandardCharsets.UTF_8));
    this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
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

  /** Sends {@code request} and waits for its reply, which answers nothing. */
  void call(Protocol.Request request) {
    call(request, JsonNode.class);
  }

  /**
   * Sends {@code request} and returns its reply as an {@code answer}; throws {@link
   * KernelLabException} when the agent failed or stopped answering.
   */
  synchronized <R> R call(Protocol.Request request, Class<R> answer) {
    ScheduledFuture<?> guard = WATCHDOG.schedule(process::destroyForcibly, CALL_SECONDS,
        TimeUnit.SECONDS);
    try {
      requests.write(JSON.writerFor(Protocol.Request.class).writeValueAsString(request));
      requests.newLine();
      requests.flush();
      String line = replies.readLine();
      if (line == null) {
        throw new IOException("the agent exited");
      }
      JsonNode reply = JSON.readTree(line);
      if (reply.has("error")) {
        throw new KernelLabException("the lab agent failed: " + reply.get("error").asString());
      }
      return JSON.treeToValue(reply, answer);
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

  /**
   * Runs a program in the agent's namespace, feeding it {@code stdin}; with {@code check}, a
   * {@link KernelLabException} unless it exits with 0.
   */
  Tools.Result exec(List<String> command, String stdin, boolean check) {
    Protocol.Ran ran = call(new Protocol.Exec(command, stdin), Protocol.Ran.class);
    Tools.Result result = new Tools.Result(ran.rc(), ran.out(), ran.err());
    if (check && result.exitCode() != 0) {
      throw new KernelLabException(String.join(" ", command) + " failed (exit code "
          + result.exitCode() + "): " + result.err().strip());
    }
    return result;
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
}

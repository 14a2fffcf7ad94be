package org.packetpath.lab.repl;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.term.Colour;

/**
 * The real {@code jshell} tool, started in this JVM with the lab preloaded: the class path of
 * the running lab, the default imports plus the engine's main types and {@link LabSession}'s
 * helpers, and {@link LabSession} opened on the exercise with the learner's rules.
 *
 * <p>Snippets run in this JVM ({@link LabExecutionProvider}): no second JVM to start, answers
 * in milliseconds rather than the remote engine's round trips, and the lab's classes are there
 * already. The tool's preferences live in memory only: nothing is written to the user's
 * preferences store.
 *
 * @param exercise the exercise to open
 * @param content the folder the exercise was read from, or empty for the built-in ones
 * @param file the learner's rules file; empty to start from the exercise's starting rules
 * @param colour whether traces and check results are painted with ANSI colours
 */
public record Shell(Exercise exercise, Optional<Path> content, Optional<Path> file,
    Colour colour) {

  /** The folder of working copies, under the lab's home. */
  public static final String WORK = "work";

  /** The lines of the startup script, after jshell's default imports. */
  static final List<String> STARTUP = List.of(
      "import org.packetpath.engine.sim.Simulator;",
      "import org.packetpath.engine.trace.Trace;",
      "import static org.packetpath.lab.repl.LabSession.*;");

  public Shell {
    Checks.nonNull("exercise", exercise, "content", content, "file", file, "colour", colour);
  }

  /**
   * The learner's working copy of {@code exercise}'s rules in the workspace folder {@code
   * workspace} ({@code work/01-misplaced-rules.rules}), if there is one.
   */
  public static Optional<Path> workingCopy(Path workspace, Exercise exercise) {
    return Optional.of(workspace.resolve(exercise.folder() + ".rules")).filter(Files::isRegularFile);
  }

  /**
   * Runs the shell on these streams until the learner leaves it, and returns the exit code:
   * the {@code n} of {@code /exit n}, 0 by default, or 2 when the learner's rules have errors
   * (they are printed to {@code err}, and the shell does not start).
   */
  public int run(InputStream in, PrintStream out, PrintStream err) {
    List<Diagnostic> read = LabSession.open(exercise, content, file, colour);
    read.forEach(d -> err.println(d.render()));
    long errors = read.stream().filter(Diagnostic::isError).count();
    if (errors > 0) {
      err.println(errors + (errors == 1 ? " error" : " errors") + " in " + file.orElseThrow()
          + ": fix " + (errors == 1 ? "it" : "them") + ", then start the shell again.");
      return 2;
    }
    out.print(LabSession.banner());
    out.flush();
    Path startup = startupScript();
    try {
      return JavaShellToolBuilder.builder()
          .in(in, null)
          .out(unclosable(out))
          .err(unclosable(err))
          .persistence(new HashMap<>())
          .start("--class-path", ClassPath.current(LabSession.class, Simulator.class),
              "--execution", LabExecutionProvider.NAME,
              "--startup", "DEFAULT", "--startup", startup.toString());
    } catch (Exception e) {
      throw new IllegalStateException("jshell did not start: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(startup);
      } catch (IOException e) {
        startup.toFile().deleteOnExit();
      }
    }
  }

  private static Path startupScript() {
    try {
      Path script = Files.createTempFile("packetpath-shell-", ".jsh");
      script.toFile().deleteOnExit(); // should the JVM be ended while jshell runs
      Files.write(script, STARTUP, StandardCharsets.UTF_8);
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write jshell's startup script", e);
    }
  }

  /** {@code stream}, which the tool may close when it ends, without closing the stream. */
  private static PrintStream unclosable(PrintStream stream) {
    OutputStream shield = new FilterOutputStream(stream) {
      @Override
      public void write(byte[] b, int off, int len) {
        stream.write(b, off, len);
      }

      @Override
      public void close() {
        stream.flush();
      }
    };
    return new PrintStream(shield, true, StandardCharsets.UTF_8);
  }
}

package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;

/**
 * Guided mode as a newcomer meets it, driven through a real pseudo-terminal: {@code ./packetpath} runs
 * in a tmux pane 120 columns by 50 rows, the test presses keys with {@code tmux send-keys},
 * edits the working copy as an editor would, and reads the screen with {@code tmux
 * capture-pane}. Every wait polls the screen for the text expected, with a time limit.
 *
 * <p>Needs tmux; without it the test is skipped, unless the environment variable CI is {@code
 * true}, where it fails.
 */
class GuidedModeEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String SESSION = "lab";

  @TempDir Path dir;

  private final List<Exercise> exercises = ExerciseCatalog.builtIn().exercises();
  private final String socket = "packetpath-e2e-" + ProcessHandle.current().pid();

  @BeforeEach
  void needsTmux() {
    boolean installed = tmuxInstalled();
    if (!installed && "true".equals(System.getenv("CI"))) {
      fail("tmux is not installed, and CI is true: install it (apt-get install -y tmux)");
    }
    Assumptions.assumeTrue(installed,
        "tmux is not installed: the guided-mode end-to-end test is skipped");
  }

  @AfterEach
  void killTmux() throws Exception {
    tmux("kill-server");
  }

  @Test
  void aNewcomerFixesTheFirstExerciseAndMovesOnWhenTheySaySo() throws Exception {
    startLab();
    Path work = dir.resolve("work");
    Path first = work.resolve("01-misplaced-rules.rules");

    // The first exercise: its instructions, the working copy just created, the checks failing.
    String screen = waitFor("Your working copy of the rules: work/01-misplaced-rules.rules (just"
        + " created from the starting rules)", "4 of 9 goals met: 7 of 17 points.",
        "Keys: h hint");
    assertTrue(screen.contains("✗ The internet cannot reach the monitoring web UI over https"),
        screen);
    assertFalse(screen.contains("n next exercise"), screen);
    String all = tmux("capture-pane", "-p", "-S", "-", "-t", SESSION);
    assertTrue(all.contains("Exercise 1 of 3: The misplaced rules"), all);
    assertTrue(all.contains("Monday morning, a ticket from a customer"), all);

    // n does nothing before every goal is met.
    keys("n");
    waitFor("n opens the next exercise once every goal here is met.");

    // A hint, and a packet traced, typed key by key.
    keys("h");
    waitFor("Hint 1 of 4 for exercise 1, The misplaced rules:", "3 more hints");
    keys("t");
    waitFor("packet>");
    literal("tcp attacker:40000 > fw:22 in wan0");
    keys("Enter");
    screen = waitFor("DELIVERED to the firewall itself, tcp port 22", "Keys: h hint");
    assertTrue(screen.contains("+= INPUT ="), "the way drawn on the diagram: " + screen);

    // A mistake, saved in place: shown with its line and a caret; guided mode keeps watching.
    Files.writeString(first, "*filter\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n");
    screen = waitFor("work/01-misplaced-rules.rules:2:17: error: unknown option \"--dprot\"",
        "1 error: the checks did not run.");
    assertTrue(screen.contains("""
          -A INPUT -p tcp --dprot 22 -j DROP
                          ^
        """), screen);

    // The reference solution, saved as many editors do: a new file renamed over the old one.
    Path temp = work.resolve(".01-misplaced-rules.rules.swp");
    Files.writeString(temp, exercises.get(0).solution().text());
    Files.move(temp, first, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    screen = waitFor("All 9 goals met: 17 of 17 points.",
        "Press n for exercise 2, Don't lock yourself out", "Keys: n next exercise");
    assertFalse(screen.contains("✗"), screen);
    assertTrue(Files.readString(work.resolve("progress.txt")).contains("done misplaced-rules"));

    // n, now: the second exercise opens, with its own working copy, and never by itself.
    keys("n");
    screen = waitFor("Your working copy of the rules: work/02-dont-lock-yourself-out.rules",
        "6 of 9 goals met: 7 of 14 points.");
    assertTrue(screen.contains("✗ The firewall's DNS lookups get their answers from the"
        + " resolver"), screen);
    assertTrue(Files.exists(work.resolve("02-dont-lock-yourself-out.rules")));

    keys("q");
    screen = waitFor("EXITED 0", "TERMINAL RESTORED");
    assertTrue(screen.contains("Your progress is saved in work/. Run ./packetpath to come back to"
        + " exercise 2."), screen);
  }

  @Test
  void ctrlCLeavesTheTerminalAsItWas() throws Exception {
    startLab();
    waitFor("4 of 9 goals met: 7 of 17 points.", "Keys: h hint");
    keys("C-c");
    waitFor("EXITED 130", "TERMINAL RESTORED");
  }

  // ---- tmux ----------------------------------------------------------------------------------

  /** Starts {@code ./packetpath} (the CLI's main class) in a tmux pane, in a fresh folder. */
  private void startLab() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ",
        "cd", quote(dir.toString()), "&&",
        "export LC_ALL=C.UTF-8 &&",
        "before=$(stty -g) &&",
        quote(java), "-cp", quote(System.getProperty("java.class.path")),
        quote("-Dpacketpath.home=" + dir), "org.packetpath.lab.cli.LabCli;",
        "echo \"EXITED $?\";",
        "[ \"$(stty -g)\" = \"$before\" ] && echo 'TERMINAL RESTORED';",
        "sleep 600");
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "50", command);
  }

  private void keys(String key) throws Exception {
    tmux("send-keys", "-t", SESSION, key);
  }

  private void literal(String text) throws Exception {
    tmux("send-keys", "-t", SESSION, "-l", text);
  }

  /** Polls the screen until it shows every one of {@code texts}; the screen. */
  private String waitFor(String... texts) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-t", SESSION);
      String shown = screen;
      if (Arrays.stream(texts).allMatch(shown::contains)) {
        return screen;
      }
      Thread.sleep(100);
    }
    return fail("the screen did not show " + Arrays.toString(texts) + " within " + TIMEOUT
        + "; it shows:\n" + screen);
  }

  private String tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("TMUX");
    Process p = builder.start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("tmux " + String.join(" ", args) + " did not finish");
    }
    return out;
  }

  private static boolean tmuxInstalled() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}

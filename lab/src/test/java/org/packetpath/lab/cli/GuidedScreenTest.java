package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckRun;

/**
 * Guided mode's checks page laid out for terminals of different sizes, on the first exercise's
 * starting rules (four of nine goals met, the first goal not met traced).
 */
class GuidedScreenTest {
  private static final LocalTime AT = LocalTime.of(9, 30, 5);
  private static final String DIAGRAM = "+= INPUT =";

  @TempDir Path dir;

  private Workbench bench;
  private Exercise first;
  private Optional<CheckRun> run;

  @BeforeEach
  void startTheFirstExercise() throws IOException {
    bench = Workbench.open(Optional.of(dir), new PrintWriter(new StringWriter()),
        Styles.plain());
    first = bench.exercises().get(0);
    bench.workspace().createWorkingCopy(first);
    run = Optional.of(bench.check(first));
  }

  private List<String> checked(int rows, int columns) {
    GuidedScreen screen = new GuidedScreen(bench, true, FlowDiagram.WIDTH)
        .resized(Optional.of(new int[] {rows, columns}));
    return screen.checked(first, run, Optional.empty(), AT);
  }

  /** A goal's line: {@code ✗ GOAL   0/3}. */
  private static boolean isGoal(String line) {
    return line.matches("[✓✗] .* \\d+/\\d+");
  }

  @Test
  void aWideTallTerminalShowsEveryGoalAndDrawsTheFirstGoalNotMet() {
    List<String> lines = checked(60, 120);
    String page = String.join("\n", lines);
    assertTrue(lines.get(0).startsWith("Exercise 1 of 3: The misplaced rules  checked "), page);
    assertTrue(lines.get(0).endsWith(" at 09:30:05"), page);
    assertEquals(9, lines.stream().filter(GuidedScreenTest::isGoal).count(),
        "a line per goal: " + page);
    assertTrue(page.contains(DIAGRAM), "the way drawn: " + page);
    assertTrue(page.contains("(t, then Enter: this packet's way step by step, rule by rule)"),
        page);
    assertTrue(lines.size() + 1 <= 60, "fits: " + page);
  }

  @Test
  void anEightyByTwentyFourTerminalCollapsesTheGoalsMetAndLeavesOutTheDrawing() {
    List<String> lines = checked(24, 80);
    String page = String.join("\n", lines);
    assertTrue(page.contains("✓ and 4 goals met"), page);
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("✓ The")), page);
    assertFalse(page.contains(DIAGRAM), page);
    assertTrue(page.contains("(t, then Enter: this packet's way through the firewall, rule by"
        + " rule)"), page);
    assertTrue(lines.get(lines.size() - 1).startsWith("Keys: h hint"), page);
  }

  @Test
  void withoutAKnownHeightThePageShowsEverything() {
    GuidedScreen screen = new GuidedScreen(bench, false, 80);
    List<String> lines = screen.checked(first, run, Optional.empty(), AT);
    assertEquals(9, lines.stream().filter(GuidedScreenTest::isGoal).count(),
        String.join("\n", lines));
    assertFalse(String.join("\n", lines).contains(DIAGRAM), "80 columns are too narrow");
    assertTrue(lines.get(lines.size() - 1).startsWith("Type a letter and Enter: h hint"));
    assertTrue(screen.page(lines).startsWith("\n" + "-".repeat(80) + "\nExercise 1 of 3"));
  }

  @Test
  void theWrappedTextIsAtMostAsWideAsTheDiagram() {
    String text = "word ".repeat(100);
    GuidedScreen narrow = new GuidedScreen(bench, true, 60);
    GuidedScreen wide = new GuidedScreen(bench, true, 200);
    assertTrue(narrow.wrap(text).stream().allMatch(l -> l.length() <= 59));
    assertTrue(wide.wrap(text).stream().allMatch(l -> l.length() <= FlowDiagram.WIDTH - 1));
    assertTrue(wide.wrap(text).stream().anyMatch(l -> l.length() > 90));
  }
}

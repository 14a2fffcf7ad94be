package org.packetpath.lab.cli;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckResult;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.check.CheckText;
import org.packetpath.lab.term.Colour;

/**
 * What guided mode shows, laid out for a terminal of a given size: the pages (an exercise
 * opened, the checks run, the instructions), each as the lines to print, and the smaller
 * pieces the keys print under them. It prints nothing itself.
 *
 * <p>The packet-flow diagram needs {@link FlowDiagram#WIDTH} columns: on a narrower terminal
 * it is left out. When the terminal's rows are known, the checks' page gives up detail until it
 * fits: first the goals met go into one line, then the first goal not met loses its drawing.
 * Without a terminal (line mode) a page starts with a rule instead of clearing the screen.
 */
final class GuidedScreen {
  private static final String CLEAR = "\u001b[H\u001b[2J";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final String WAY_MARKER = "its way through the firewall:";
  private static final String LAST_WAY_MARKER = "the last packet's way through the firewall:";

  /** How much of a check run to show: what fits on the screen. */
  enum Detail {
    /** The goals and the summary, no explanation. */
    BRIEF,
    /** Every goal, the first goal not met explained and its way drawn. */
    FULL,
    /** The same, the goals met in one line. */
    COLLAPSED,
    /** The same, and the first goal not met without the drawing. */
    NO_DIAGRAM
  }

  private final Workbench bench;
  private final Styles styles;
  private final boolean keys;
  private final int columns;
  private final OptionalInt rows;

  /**
   * A screen {@code columns} wide, of unknown height; {@code keys} when the learner presses
   * single keys (a terminal), else types lines.
   */
  GuidedScreen(Workbench bench, boolean keys, int columns) {
    this(bench, keys, columns, OptionalInt.empty());
  }

  private GuidedScreen(Workbench bench, boolean keys, int columns, OptionalInt rows) {
    this.bench = bench;
    this.styles = bench.styles();
    this.keys = keys;
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * This screen at {@code size}, rows and columns, when it is known; else as wide as before and
   * of unknown height.
   */
  GuidedScreen resized(Optional<int[]> size) {
    return size.map(s -> new GuidedScreen(bench, keys, s[1], OptionalInt.of(s[0])))
        .orElseGet(() -> new GuidedScreen(bench, keys, columns));
  }

  /** {@code lines} as a page of their own: the screen cleared, then the lines. */
  String page(List<String> lines) {
    StringBuilder text = new StringBuilder(keys ? CLEAR
        : "\n" + styles.dim("-".repeat(Math.min(columns, 80))) + "\n");
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /**
   * Exercise {@code e} opened: its instructions, and its working copy, {@code created} just now
   * or not; the results of its checks go under them, {@link Detail#BRIEF}.
   */
  List<String> opening(Exercise e, boolean created) {
    List<String> lines = instructionsOf(e, created);
    lines.addAll(wrap("Open it in your editor and fix the rules, as iptables-save output (as it"
        + " is now) or as a script of iptables commands. Each time you save it, the checks run"
        + " again here."));
    lines.add("");
    return lines;
  }

  /** The instructions of {@code e} again, and the keys; {@code done} when every goal is met. */
  List<String> instructions(Exercise e, boolean done) {
    List<String> lines = instructionsOf(e, false);
    lines.add(keysLine(done));
    return lines;
  }

  private List<String> instructionsOf(Exercise e, boolean created) {
    List<String> lines = new ArrayList<>();
    lines.add(styles.bold(Guide.title(bench, e)));
    lines.add("");
    lines.addAll(linesOf(MarkdownText.render(e.instructions(), styles)));
    lines.add("");
    lines.add(Guide.workingCopy(file(e), created, styles));
    return lines;
  }

  /**
   * The checks of {@code e} run {@code at} a time: a heading with {@code notice} under it, and
   * {@code run} in as much detail as fits ({@link Detail#FULL} when the height is unknown).
   */
  List<String> checked(Exercise e, Optional<CheckRun> run, Optional<String> notice,
      LocalTime at) {
    List<String> lines = new ArrayList<>();
    lines.add(styles.bold(Guide.title(bench, e)) + "  " + styles.dim("checked "
        + Workbench.show(file(e)) + " at " + at.format(CLOCK)));
    notice.ifPresent(lines::add);
    lines.add("");
    int header = lines.size();
    List<String> body = results(e, run, Detail.FULL);
    if (rows.isPresent() && header + body.size() + 1 > rows.getAsInt()) {
      body = results(e, run, Detail.COLLAPSED);
      if (header + body.size() + 1 > rows.getAsInt()) {
        body = results(e, run, Detail.NO_DIAGRAM);
      }
    }
    lines.addAll(body);
    return lines;
  }

  /**
   * The results of {@code checked} as lines: a line per goal, the summary, the first goal not
   * met explained, the next step and the keys, as much as {@code detail} says; when there is no
   * run, that the working copy is gone.
   */
  List<String> results(Exercise e, Optional<CheckRun> checked, Detail detail) {
    boolean collapse = detail == Detail.COLLAPSED || detail == Detail.NO_DIAGRAM;
    boolean done = bench.progress().isDone(e.id())
        || checked.map(CheckRun::allPassed).orElse(false);
    List<String> lines = new ArrayList<>();
    if (checked.isEmpty()) {
      lines.add(styles.error("Your working copy " + Workbench.show(file(e)) + " is gone."));
      lines.add("Press r to create it again from the starting rules.");
      lines.add(keysLine(done));
      return lines;
    }
    CheckRun run = checked.get();
    if (!run.problems().isEmpty()) {
      for (Diagnostic d : run.problems()) {
        lines.addAll(List.of(styles.diagnostic(d).split("\n", -1)));
      }
      int n = run.problems().size();
      lines.add("");
      lines.add(styles.error(n + (n == 1 ? " error" : " errors")) + ": the checks did not"
          + " run.");
      lines.add("Next: fix " + (n == 1 ? "it" : "them") + " in " + Workbench.show(file(e))
          + " and save; the checks run again.");
      lines.add(keysLine(done));
      return lines;
    }
    int width = Math.min(72, run.results().stream().mapToInt(r -> r.goal().length()).max()
        .orElse(0));
    long passed = run.results().stream().filter(CheckResult::passed).count();
    for (CheckResult r : run.results()) {
      if (!collapse || !r.passed()) {
        lines.add(CheckText.line(r, width, colour()));
      }
    }
    if (collapse && passed > 0) {
      lines.add(styles.ok("✓") + " and " + passed + (passed == 1 ? " goal" : " goals")
          + " met");
    }
    lines.add("");
    lines.add(CheckText.summary(run, colour()));
    run.warnings().forEach(w -> lines.add(styles.dim(w)));
    if (detail != Detail.BRIEF && !run.allPassed()) {
      lines.addAll(firstFailure(run, detail != Detail.NO_DIAGRAM));
    }
    lines.add("");
    lines.addAll(wrap(nextStep(e, run)));
    lines.add(keysLine(done));
    return lines;
  }

  /** The first goal not met: what was sent, expected and what happened, and its way drawn. */
  private List<String> firstFailure(CheckRun run, boolean draw) {
    List<String> lines = new ArrayList<>();
    Optional<CheckResult> first = run.results().stream().filter(r -> !r.passed()).findFirst();
    if (first.isEmpty()) {
      return lines;
    }
    CheckResult r = first.get();
    lines.add("");
    lines.add(styles.error("✗") + " " + styles.bold("First goal not met: " + r.goal()));
    String explanation = CheckText.explanation(r, colour());
    boolean traced = !r.traces().isEmpty();
    boolean diagram = draw && traced && wide();
    boolean cut = traced && (diagram || !draw);
    if (cut) {
      int at = explanation.indexOf(r.traces().size() > 1 ? LAST_WAY_MARKER : WAY_MARKER);
      explanation = at >= 0 ? explanation.substring(0, at) : explanation;
    }
    for (String line : explanation.stripTrailing().split("\\n", -1)) {
      lines.add(line.isEmpty() ? "" : "    " + line);
    }
    if (diagram) {
      Trace last = r.traces().get(r.traces().size() - 1);
      lines.addAll(List.of(colour().render(FlowDiagram.render(last, Pipeline.of(Backend.NFT)))
          .stripTrailing().split("\\n", -1)));
      lines.add(styles.dim("(t, then Enter: this packet's way step by step, rule by rule)"));
    } else if (cut) {
      lines.add(styles.dim("(t, then Enter: this packet's way through the firewall, rule by"
          + " rule)"));
    }
    return lines;
  }

  private String nextStep(Exercise e, CheckRun run) {
    if (!run.allPassed()) {
      int all = e.hints().size();
      int seen = bench.progress().hints(e.id());
      return "Next: make the ✗ goals pass and save." + (all == 0 ? ""
          : " Stuck? h gives a hint (" + seen + " of " + all + " seen).");
    }
    return "All goals met: well done! " + bench.next(e)
        .map(n -> "Press n for exercise " + n.number() + ", " + n.title()
            + ", when you are ready; s shows a reference solution to compare with yours.")
        .orElse("That was the last exercise: you have finished the lab! s shows a reference"
            + " solution to compare with yours.");
  }

  /** The keys there are now: {@code n} and {@code s} too when {@code done}. */
  String keysLine(boolean done) {
    List<String> parts = new ArrayList<>(List.of("h hint", "t trace a packet", "l list",
        "r reset", "i instructions", "c check", "q quit"));
    if (done) {
      parts.add(0, "n next exercise");
      parts.add(1, "s solution");
    }
    String prefix = keys ? "Keys: " : "Type a letter and Enter: ";
    return styles.dim(prefix + String.join(" · ", parts));
  }

  /** {@code traces} one after another, each drawn on the diagram when it fits, then in words. */
  String traces(List<Trace> traces, Pipeline pipeline) {
    StringBuilder text = new StringBuilder();
    for (Trace trace : traces) {
      text.append('\n');
      if (wide()) {
        text.append(colour().render(FlowDiagram.render(trace, pipeline)));
      }
      text.append(colour().render(TraceText.render(trace)));
    }
    return text.toString();
  }

  /** The packets of a failed check, step by step, under its goal. */
  String failedCheck(CheckResult failed) {
    return styles.bold(failed.goal()) + "\n" + colour().render(TraceText.render(failed.traces()));
  }

  /** {@code text} wrapped to the screen, at most as wide as the diagram. */
  List<String> wrap(String text) {
    return Guide.wrap(text, Math.max(40, Math.min(columns, FlowDiagram.WIDTH) - 1));
  }

  /** The lines of {@code text}, which ends with a line break. */
  private static List<String> linesOf(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1);
    return lines;
  }

  private boolean wide() {
    return columns >= FlowDiagram.WIDTH;
  }

  private Colour colour() {
    return styles.colour() ? Colour.ANSI : Colour.PLAIN;
  }

  private Path file(Exercise e) {
    return bench.workspace().rulesFile(e);
  }
}

package org.packetpath.lab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.parse.ParseResult;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckResult;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.check.CheckText;
import org.packetpath.lab.packets.Packets;
import org.packetpath.lab.progress.Workspace;
import org.packetpath.lab.term.Colour;

/**
 * Guided mode, what {@code ./packetpath} opens: the current exercise's instructions, the learner's
 * working copy of its rules, and the checks, run again every time the file is saved, with the
 * first goal not met explained and its packet's way drawn on the packet-flow diagram.
 *
 * <p>On a terminal the lab reads single keys ({@link TerminalMode}); otherwise it reads lines,
 * the first letter of each being the key, so that guided mode also works through a pipe. It
 * never moves on by itself: {@code n} opens the next exercise only once every goal is met, and
 * only when the learner presses it.
 *
 * <p>It is long because it is the lab's one interactive screen: the loop, each key's dialogue
 * and the layout that fits the terminal; splitting the layout into its own class is the next
 * step when the screen grows.
 */
final class GuidedMode {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration SETTLE = Duration.ofMillis(120);
  private static final String CLEAR = "\u001b[H\u001b[2J";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final String WAY_MARKER = "its way through the firewall:";
  private static final String LAST_WAY_MARKER = "the last packet's way through the firewall:";
  private static final int CTRL_C = 3;
  private static final int CTRL_D = 4;
  private static final int BACKSPACE = 8;
  private static final int ESCAPE = 27;
  private static final int CTRL_U = 21;
  private static final int DELETE = 127;

  /** What guided mode waits for. */
  private interface Event {}

  /** A key pressed, in single-key mode. */
  private record Key(int code) implements Event {}

  /** A line typed, in line mode. */
  private record Line(String text) implements Event {}

  /** The input ended. */
  private record End() implements Event {}

  /** The working copy changed. */
  private record Changed(Path file) implements Event {}

  private final Workbench bench;
  private final InputStream in;
  private final boolean terminal;
  private final PrintWriter out;
  private final Styles styles;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  /** Whether keys arrive one by one (a terminal in single-key mode), else lines. */
  private boolean keys;
  private int columns = FlowDiagram.WIDTH;
  private boolean ended;
  private Exercise exercise;
  private Optional<FileWatcher> watcher = Optional.empty();
  private Optional<CheckRun> lastRun = Optional.empty();

  GuidedMode(Workbench bench, InputStream in, boolean terminal, PrintWriter out) {
    this.bench = bench;
    this.in = in;
    this.terminal = terminal;
    this.out = out;
    this.styles = bench.styles();
  }

  /** Runs guided mode until the learner quits; the exit code. */
  int run() {
    Optional<TerminalMode> mode = terminal ? TerminalMode.enter() : Optional.empty();
    keys = mode.isPresent();
    if (terminal) {
      TerminalMode.size().ifPresent(size -> columns = size[1]);
    }
    Thread input = new Thread(keys ? this::readKeys : this::readLines, "lab-input");
    input.setDaemon(true);
    input.start();
    try {
      if (!open(bench.current())) {
        return ExitCodes.USAGE;
      }
      loop();
      return ExitCodes.OK;
    } finally {
      watcher.ifPresent(FileWatcher::close);
      mode.ifPresent(TerminalMode::close);
      out.flush();
    }
  }

  // ---- input ---------------------------------------------------------------------------------

  private void readKeys() {
    try {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == ESCAPE && in.available() > 0) {
          int next = in.read();
          if (next == '[' || next == 'O') {
            skipSequence();
            continue;
          }
          events.add(new Key(ESCAPE));
          b = next;
        }
        if (b >= 0) {
          events.add(new Key(b));
        }
      }
    } catch (IOException e) {
      // The terminal went away: as if the input ended.
    }
    events.add(new End());
  }

  /** Skips the rest of an escape sequence, such as an arrow key's. */
  private void skipSequence() throws IOException {
    int c;
    do {
      c = in.read();
    } while (c >= 0 && (c < 0x40 || c > 0x7e));
  }

  private void readLines() {
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        events.add(new Line(line));
      }
    } catch (IOException e) {
      // As if the input ended.
    }
    events.add(new End());
  }

  private Event take() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new End();
    }
  }

  // ---- the loop ------------------------------------------------------------------------------

  private void loop() {
    while (true) {
      Event event = take();
      if (event instanceof End) {
        ended = true;
        quit();
        return;
      }
      if (event instanceof Changed changed) {
        if (changed.file().equals(file())) {
          check();
        }
        continue;
      }
      String rest = "";
      int key;
      if (event instanceof Line line) {
        String text = line.text().strip();
        key = text.isEmpty() ? '\n' : text.charAt(0);
        rest = text.length() > 1 ? text.substring(1).strip() : "";
      } else {
        key = ((Key) event).code();
      }
      if (!handle(key, rest)) {
        return;
      }
      if (ended) {
        quit();
        return;
      }
    }
  }

  /** Acts on a key; false to quit. */
  private boolean handle(int key, String rest) {
    switch (Character.toLowerCase(key)) {
      case 'q', CTRL_C, CTRL_D -> {
        quit();
        return false;
      }
      case 'h' -> hint();
      case 't' -> trace(rest);
      case 'l' -> list();
      case 'n' -> next();
      case 'r' -> reset();
      case 'i' -> instructions();
      case 's' -> solution();
      case 'c', '\r', '\n' -> check();
      case '?' -> showKeys();
      default -> {
        if (!keys) {
          say("There is no command \"" + (char) key + "\".");
          showKeys();
        }
      }
    }
    return true;
  }

  // ---- screens -------------------------------------------------------------------------------

  /** Opens {@code e}: makes it current, creates its working copy, shows the instructions. */
  private boolean open(Exercise e) {
    Optional<Boolean> created = StartCommand.start(bench, e, out);
    if (created.isEmpty()) {
      out.flush();
      return false;
    }
    exercise = e;
    watch();
    clear();
    out.println(styles.bold(Guide.title(bench, e)));
    out.println();
    out.print(MarkdownText.render(e.instructions(), styles));
    out.println();
    out.println(Guide.workingCopy(file(), created.get(), styles));
    Guide.wrap("Open it in your editor and fix the rules, as iptables-save output (as it is"
        + " now) or as a script of iptables commands. Each time you save it, the checks run"
        + " again here.", wrapWidth()).forEach(out::println);
    out.println();
    results(runChecks(), Detail.BRIEF).forEach(out::println);
    out.flush();
    return true;
  }

  /** Watches the current working copy; events for an earlier one are ignored. */
  private void watch() {
    watcher.ifPresent(FileWatcher::close);
    Path file = file();
    watcher = Optional.of(new FileWatcher(file, POLL, SETTLE,
        () -> events.add(new Changed(file))).start());
  }

  /** Runs the checks and shows them on a clean screen, the first goal not met explained. */
  private void check() {
    check(Optional.empty());
  }

  /** The same, with a notice under the heading. */
  private void check(Optional<String> notice) {
    Optional<int[]> size = keys ? TerminalMode.size() : Optional.empty();
    size.ifPresent(s -> columns = s[1]);
    List<String> header = new ArrayList<>();
    header.add(styles.bold(Guide.title(bench, exercise)) + "  " + styles.dim("checked "
        + Workbench.show(file()) + " at " + LocalTime.now().format(CLOCK)));
    notice.ifPresent(header::add);
    header.add("");
    Optional<CheckRun> run = runChecks();
    List<String> body = results(run, Detail.FULL);
    if (size.isPresent() && header.size() + body.size() + 1 > size.get()[0]) {
      body = results(run, Detail.COLLAPSED);
      if (header.size() + body.size() + 1 > size.get()[0]) {
        body = results(run, Detail.NO_DIAGRAM);
      }
    }
    clear();
    header.forEach(out::println);
    body.forEach(out::println);
    out.flush();
  }

  /** Runs the checks on the working copy, when there is one; remembers them. */
  private Optional<CheckRun> runChecks() {
    lastRun = bench.workspace().hasWorkingCopy(exercise)
        ? Optional.of(bench.check(exercise)) : Optional.empty();
    if (lastRun.map(CheckRun::allPassed).orElse(false)) {
      bench.workspace().update(p -> p.done(exercise.id()));
    }
    return lastRun;
  }

  /** How much of a check run to show: what fits on the screen. */
  private enum Detail {
    /** The goals and the summary, no explanation. */
    BRIEF,
    /** Every goal, the first goal not met explained and its way drawn. */
    FULL,
    /** The same, the goals met in one line. */
    COLLAPSED,
    /** The same, and the first goal not met without the drawing. */
    NO_DIAGRAM
  }

  /**
   * The results of {@code run} as lines: a line per goal, the summary, the first goal not met
   * explained, the next step and the keys, as much as {@code detail} says.
   */
  private List<String> results(Optional<CheckRun> checked, Detail detail) {
    boolean collapse = detail == Detail.COLLAPSED || detail == Detail.NO_DIAGRAM;
    List<String> lines = new ArrayList<>();
    if (checked.isEmpty()) {
      lines.add(styles.error("Your working copy " + Workbench.show(file()) + " is gone."));
      lines.add("Press r to create it again from the starting rules.");
      lines.add(keysLine());
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
      lines.add("Next: fix " + (n == 1 ? "it" : "them") + " in " + Workbench.show(file())
          + " and save; the checks run again.");
      lines.add(keysLine());
      return lines;
    }
    Colour colour = colour();
    int width = Math.min(72, run.results().stream().mapToInt(r -> r.goal().length()).max()
        .orElse(0));
    long passed = run.results().stream().filter(CheckResult::passed).count();
    for (CheckResult r : run.results()) {
      if (!collapse || !r.passed()) {
        lines.add(CheckText.line(r, width, colour));
      }
    }
    if (collapse && passed > 0) {
      lines.add(styles.ok("✓") + " and " + passed + (passed == 1 ? " goal" : " goals")
          + " met");
    }
    lines.add("");
    lines.add(CheckText.summary(run, colour));
    run.warnings().forEach(w -> lines.add(styles.dim(w)));
    if (detail != Detail.BRIEF && !run.allPassed()) {
      lines.addAll(firstFailure(run, detail != Detail.NO_DIAGRAM));
    }
    lines.add("");
    lines.addAll(Guide.wrap(nextStep(run), wrapWidth()));
    lines.add(keysLine());
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
    boolean diagram = draw && traced && columns >= FlowDiagram.WIDTH;
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

  private String nextStep(CheckRun run) {
    if (!run.allPassed()) {
      int all = exercise.hints().size();
      int seen = bench.progress().hints(exercise.id());
      return "Next: make the ✗ goals pass and save." + (all == 0 ? ""
          : " Stuck? h gives a hint (" + seen + " of " + all + " seen).");
    }
    return "All goals met: well done! " + bench.next(exercise)
        .map(n -> "Press n for exercise " + n.number() + ", " + n.title()
            + ", when you are ready; s shows a reference solution to compare with yours.")
        .orElse("That was the last exercise: you have finished the lab! s shows a reference"
            + " solution to compare with yours.");
  }

  /** Prints the keys. */
  private void showKeys() {
    out.println(keysLine());
    out.flush();
  }

  /** The keys there are now. */
  private String keysLine() {
    boolean done = isDone();
    List<String> parts = new ArrayList<>(List.of("h hint", "t trace a packet", "l list",
        "r reset", "i instructions", "c check", "q quit"));
    if (done) {
      parts.add(0, "n next exercise");
      parts.add(1, "s solution");
    }
    String prefix = keys ? "Keys: " : "Type a letter and Enter: ";
    return styles.dim(prefix + String.join(" · ", parts));
  }

  private void hint() {
    out.println();
    HintCommand.next(bench, exercise).forEach(out::println);
    showKeys();
  }

  private void list() {
    out.println();
    ExerciseList.lines(bench, bench.progress()).forEach(out::println);
    out.println();
    Optional<String> answer = ask("Open which exercise? Its number, or Enter to stay here: ");
    if (answer.isEmpty() || answer.get().isBlank()) {
      showKeys();
      return;
    }
    Optional<Exercise> chosen = bench.catalog().find(answer.get());
    if (chosen.isEmpty()) {
      say("There is no exercise \"" + answer.get().strip() + "\".");
      showKeys();
    } else if (chosen.get().id().equals(exercise.id())) {
      showKeys();
    } else {
      open(chosen.get());
    }
  }

  private void next() {
    if (!isDone()) {
      out.println();
      say("n opens the next exercise once every goal here is met.");
      showKeys();
      return;
    }
    Optional<Exercise> next = bench.next(exercise);
    if (next.isEmpty()) {
      out.println();
      say("That was the last exercise: there is no next one. l lists them all.");
      showKeys();
      return;
    }
    open(next.get());
  }

  private void reset() {
    out.println();
    if (bench.workspace().hasWorkingCopy(exercise)) {
      if (!confirm(ResetCommand.question(file()))) {
        say("Nothing changed.");
        showKeys();
        return;
      }
    }
    try {
      Optional<Path> backup = bench.workspace().reset(exercise);
      watcher.ifPresent(FileWatcher::acknowledge);
      check(Optional.of("Put the starting rules back in " + Workbench.show(file())
          + backup.map(b -> "; your old file is " + Workbench.show(b) + ".").orElse(".")));
    } catch (IOException e) {
      say(styles.error("cannot reset " + Workbench.show(file())) + ": " + Workspace.why(e));
      showKeys();
    }
  }

  private void instructions() {
    clear();
    out.println(styles.bold(Guide.title(bench, exercise)));
    out.println();
    out.print(MarkdownText.render(exercise.instructions(), styles));
    out.println();
    out.println(Guide.workingCopy(file(), false, styles));
    showKeys();
  }

  private void solution() {
    out.println();
    if (!isDone()) {
      say("s shows a reference solution once every goal is met.");
    } else {
      SolutionCommand.text(bench, exercise).forEach(out::println);
    }
    showKeys();
  }

  private void quit() {
    out.println();
    out.println("Your progress is saved in " + Workbench.show(bench.workspace().root())
        + "/. Run ./packetpath to come back to exercise " + exercise.number() + ".");
    out.flush();
  }

  // ---- tracing a packet ----------------------------------------------------------------------

  private void trace(String typed) {
    String text = typed;
    if (text.isEmpty()) {
      out.println();
      say(styles.dim("A packet, such as tcp office:40000 > fw:22 in wan0; several, separated"
          + " by ; share one connection table. Enter alone: the first failing check's."));
      Optional<String> answer = ask("packet> ");
      if (answer.isEmpty()) {
        showKeys();
        return;
      }
      text = answer.get().strip();
    }
    if (text.isEmpty()) {
      traceFailing();
    } else {
      traceTyped(text);
    }
    showKeys();
  }

  /** The first failing check's packets, step by step, from the last check run. */
  private void traceFailing() {
    Optional<CheckResult> failed = lastRun.flatMap(run -> run.results().stream()
        .filter(r -> !r.traces().isEmpty()).findFirst());
    if (failed.isEmpty()) {
      say("No check failed: type a packet to send.");
      return;
    }
    out.println(styles.bold(failed.get().goal()));
    out.print(colour().render(TraceText.render(failed.get().traces())));
  }

  private void traceTyped(String text) {
    ParseResult parsed = RulesParser.parse(file());
    if (parsed.ruleset().isEmpty()) {
      parsed.errors().forEach(d -> out.println(styles.diagnostic(d)));
      say("Fix the rules first: the packet needs a firewall to go through.");
      return;
    }
    Simulator fw = Simulator.of(exercise.topology(), parsed.ruleset().get());
    List<String> packets = Stream.of(text.split(";")).map(String::strip).toList();
    Packets.Sent sent = packets.size() == 1 ? Packets.send(fw, packets.get(0))
        : Packets.send(fw, packets);
    if (!sent.ok()) {
      sent.errors().forEach(d -> out.println(styles.diagnostic(d)));
      return;
    }
    for (Trace trace : sent.traces()) {
      out.println();
      if (columns >= FlowDiagram.WIDTH) {
        out.print(colour().render(FlowDiagram.render(trace, fw.pipeline())));
      }
      out.print(colour().render(TraceText.render(trace)));
    }
  }

  // ---- asking --------------------------------------------------------------------------------

  /** Asks a yes-or-no question; yes only for y. */
  private boolean confirm(String question) {
    if (keys) {
      out.print(question + " [y/N] ");
      out.flush();
      List<Event> later = new ArrayList<>();
      try {
        while (true) {
          Event e = take();
          if (e instanceof End) {
            ended = true;
            return false;
          }
          if (e instanceof Key k) {
            boolean yes = k.code() == 'y' || k.code() == 'Y';
            out.println(yes ? "y" : "n");
            return yes;
          }
          later.add(e);
        }
      } finally {
        later.forEach(this::requeueLater);
      }
    }
    return ask(question + " [y/N] ").map(ResetCommand::isYes).orElse(false);
  }

  /** Asks for a line of text; empty when the learner cancels (Esc) or the input ends. */
  private Optional<String> ask(String prompt) {
    out.print(prompt);
    out.flush();
    StringBuilder typed = new StringBuilder();
    List<Event> later = new ArrayList<>();
    try {
      while (true) {
        Event e = take();
        if (e instanceof End) {
          ended = true;
          return Optional.empty();
        }
        if (e instanceof Line line) {
          return Optional.of(line.text());
        }
        if (!(e instanceof Key k)) {
          later.add(e);
          continue;
        }
        int c = k.code();
        if (c == '\r' || c == '\n') {
          out.println();
          return Optional.of(typed.toString());
        } else if (c == ESCAPE || c == CTRL_C) {
          out.println();
          return Optional.empty();
        } else if (c == DELETE || c == BACKSPACE) {
          if (typed.length() > 0) {
            typed.setLength(typed.length() - 1);
            out.print("\b \b");
          }
        } else if (c == CTRL_U) {
          out.print("\b \b".repeat(typed.length()));
          typed.setLength(0);
        } else if (c >= ' ' && c < DELETE) {
          typed.append((char) c);
          out.print((char) c);
        }
        out.flush();
      }
    } finally {
      later.forEach(this::requeueLater);
    }
  }

  /** An event that came while asking (the file changed): handled after the answer. */
  private void requeueLater(Event e) {
    if (e instanceof Changed) {
      events.add(e);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Path file() {
    return bench.workspace().rulesFile(exercise);
  }

  private boolean isDone() {
    return bench.progress().isDone(exercise.id())
        || lastRun.map(CheckRun::allPassed).orElse(false);
  }

  private Colour colour() {
    return styles.colour() ? Colour.ANSI : Colour.PLAIN;
  }

  private void clear() {
    if (keys) {
      out.print(CLEAR);
    } else {
      out.println();
      out.println(styles.dim("-".repeat(Math.min(columns, 80))));
    }
  }

  private void say(String text) {
    Guide.wrap(text, wrapWidth()).forEach(out::println);
  }

  private int wrapWidth() {
    return Math.max(40, Math.min(columns, FlowDiagram.WIDTH) - 1);
  }
}

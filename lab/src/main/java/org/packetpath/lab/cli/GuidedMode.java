package org.packetpath.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckResult;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.packets.Packets;
import org.packetpath.lab.progress.Workspace;

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
 * <p>This class is the loop: it waits for the next {@link GuidedInput} event (a key, a line, the
 * working copy saved), acts on it, and prints what {@link GuidedScreen} lays out.
 */
final class GuidedMode {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration SETTLE = Duration.ofMillis(120);

  private final Workbench bench;
  private final InputStream in;
  private final boolean terminal;
  private final PrintWriter out;
  private final Styles styles;

  private GuidedInput input;
  private GuidedScreen screen;
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
    boolean keys = mode.isPresent();
    screen = new GuidedScreen(bench, keys, FlowDiagram.WIDTH);
    if (terminal) {
      TerminalMode.size().ifPresent(size -> screen = new GuidedScreen(bench, keys, size[1]));
    }
    input = GuidedInput.start(in, keys, out);
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

  private void loop() {
    while (true) {
      GuidedInput.Event event = input.take();
      if (event instanceof GuidedInput.End) {
        quit();
        return;
      }
      if (event instanceof GuidedInput.Changed changed) {
        if (changed.file().equals(file())) {
          check();
        }
        continue;
      }
      String rest = "";
      int key;
      if (event instanceof GuidedInput.Line line) {
        String text = line.text().strip();
        key = text.isEmpty() ? '\n' : text.charAt(0);
        rest = text.length() > 1 ? text.substring(1).strip() : "";
      } else {
        key = ((GuidedInput.Key) event).code();
      }
      if (!handle(key, rest)) {
        return;
      }
      if (input.ended()) {
        quit();
        return;
      }
    }
  }

  /** Acts on a key; false to quit. */
  private boolean handle(int key, String rest) {
    switch (Character.toLowerCase(key)) {
      case 'q', GuidedInput.CTRL_C, GuidedInput.CTRL_D -> {
        quit();
        return false;
      }
      case 'h' -> hint();
      case 't' -> trace(rest);
      case 'l' -> list();
      case 'n' -> next();
      case 'r' -> reset();
      case 'i' -> show(screen.page(screen.instructions(exercise, isDone())));
      case 's' -> solution();
      case 'c', '\r', '\n' -> check();
      case '?' -> showKeys();
      default -> {
        if (!input.keys()) {
          say("There is no command \"" + (char) key + "\".");
          showKeys();
        }
      }
    }
    return true;
  }

  // ---- what the keys do ----------------------------------------------------------------------

  /** Opens {@code e}: makes it current, creates its working copy, shows the instructions. */
  private boolean open(Exercise e) {
    Optional<Boolean> created = StartCommand.start(bench, e, out);
    if (created.isEmpty()) {
      out.flush();
      return false;
    }
    exercise = e;
    watch();
    show(screen.page(screen.opening(e, created.get())));
    screen.results(e, runChecks(), GuidedScreen.Detail.BRIEF).forEach(out::println);
    out.flush();
    return true;
  }

  /** Watches the current working copy; events for an earlier one are ignored. */
  private void watch() {
    watcher.ifPresent(FileWatcher::close);
    Path file = file();
    watcher = Optional.of(new FileWatcher(file, POLL, SETTLE, () -> input.changed(file))
        .start());
  }

  /** Runs the checks and shows them on a clean screen, the first goal not met explained. */
  private void check() {
    check(Optional.empty());
  }

  /** The same, with a notice under the heading. */
  private void check(Optional<String> notice) {
    if (input.keys()) {
      screen = screen.resized(TerminalMode.size());
    }
    LocalTime at = LocalTime.now();
    show(screen.page(screen.checked(exercise, runChecks(), notice, at)));
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

  private void hint() {
    out.println();
    HintCommand.next(bench, exercise).forEach(out::println);
    showKeys();
  }

  private void list() {
    out.println();
    ExerciseList.lines(bench, bench.progress()).forEach(out::println);
    out.println();
    Optional<String> answer = input.ask("Open which exercise? Its number, or Enter to stay"
        + " here: ");
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
      if (!input.confirm(ResetCommand.question(file()))) {
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
      Optional<String> answer = input.ask("packet> ");
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
    out.print(screen.failedCheck(failed.get()));
  }

  private void traceTyped(String text) {
    Parsed<Ruleset> parsed = RulesParser.parse(file());
    if (parsed.value().isEmpty()) {
      parsed.errors().forEach(d -> out.println(styles.diagnostic(d)));
      say("Fix the rules first: the packet needs a firewall to go through.");
      return;
    }
    Simulator fw = Simulator.of(exercise.topology(), parsed.value().get());
    List<String> packets = Stream.of(text.split(";")).map(String::strip).toList();
    Packets.Sent sent = packets.size() == 1 ? Packets.send(fw, packets.get(0))
        : Packets.send(fw, packets);
    if (!sent.ok()) {
      sent.errors().forEach(d -> out.println(styles.diagnostic(d)));
      return;
    }
    out.print(screen.traces(sent.traces(), fw.pipeline()));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void show(String page) {
    out.print(page);
    out.flush();
  }

  /** Prints the keys. */
  private void showKeys() {
    out.println(screen.keysLine(isDone()));
    out.flush();
  }

  private void say(String text) {
    screen.wrap(text).forEach(out::println);
  }

  private Path file() {
    return bench.workspace().rulesFile(exercise);
  }

  private boolean isDone() {
    return bench.progress().isDone(exercise.id())
        || lastRun.map(CheckRun::allPassed).orElse(false);
  }
}

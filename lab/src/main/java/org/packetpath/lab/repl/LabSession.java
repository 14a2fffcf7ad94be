package org.packetpath.lab.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.FlowDiagram;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.check.CheckHarness;
import org.packetpath.lab.check.CheckRun;
import org.packetpath.lab.check.CheckText;
import org.packetpath.lab.check.RulesSpec;
import org.packetpath.lab.packets.Packets;
import org.packetpath.lab.term.Colour;

/**
 * What {@code ./packetpath shell} preloads into jshell: the learner's firewall {@link #fw} and a few
 * helpers, imported statically by the shell's startup script.
 *
 * <pre>{@code
 * jshell> send("tcp office:40000 > fw:22 in wan0")      // prints the packet's way, returns it
 * jshell> append("INPUT", "-p tcp --dport 80 -j DROP")  // a rule in memory only
 * jshell> check()                                       // the exercise's checks, ✓ or ✗
 * jshell> rules()                                       // the rules, as iptables-save prints them
 * jshell> reload()                                      // the learner's file, read again
 * jshell> fw.send("udp pc1:5353 > internet:53 in lan0").disposition()
 * }</pre>
 *
 * <p>The helpers never write the learner's rules file. A mistake in what the learner types (a
 * bad packet, a bad rule) is printed as a located diagnostic, and the helper then throws an
 * exception that the shell's execution engine ({@link LabExecutionProvider}) keeps quiet.
 * Output goes to {@code System.out} and {@code System.err}, which the engine points at the
 * shell's streams while a snippet runs.
 *
 * <p>One session per JVM: the shell is interactive and single-threaded.
 */
public final class LabSession {
  /**
   * The firewall: the exercise's topology with the rules of this session, {@code fw} in the
   * shell. {@link #append} and {@link #reload} replace it with a new firewall, whose connection
   * table is empty; the packets sent through one firewall, with {@link #send} or {@code
   * fw.send}, share its connection table, one after another.
   */
  public static Simulator fw;

  private static State state;

  private LabSession() {}

  /** The exercise, where its rules come from and how they are shown. */
  private record State(Exercise exercise, Optional<Path> content, Optional<Path> file,
      Ruleset rules, Colour colour) {

    State withRules(Ruleset newRules) {
      return new State(exercise, content, file, newRules, colour);
    }
  }

  /**
   * Opens {@code exercise} with the learner's rules: the working copy {@code file} when there
   * is one, else the exercise's starting rules. Returns every diagnostic found reading them;
   * when some is an error the session is not opened.
   *
   * @param content the folder the exercise was read from, or empty for the built-in ones
   */
  static List<Diagnostic> open(Exercise exercise, Optional<Path> content, Optional<Path> file,
      Colour colour) {
    Objects.requireNonNull(exercise, "exercise");
    Parsed<Ruleset> read = read(exercise, file);
    read.value().ifPresent(r -> use(new State(exercise, content, file, r, colour)));
    return read.diagnostics();
  }

  private static Parsed<Ruleset> read(Exercise exercise, Optional<Path> file) {
    return file.map(RulesParser::parse).orElseGet(() -> exercise.start().parse());
  }

  private static void use(State newState) {
    state = newState;
    fw = Simulator.of(newState.exercise().topology(), newState.rules());
  }

  /** What the shell prints when it starts: the exercise and the helpers. */
  static String banner() {
    return Banner.text(current().exercise(), current().file());
  }

  /**
   * Sends a packet through {@link #fw}, prints its way through the firewall (the flow diagram
   * and the step-by-step trace) and returns its trace. The packet is written as {@code ./packetpath
   * trace} reads it: {@code tcp office:40000 > fw:22 in wan0}.
   */
  public static Trace send(String packet) {
    State s = current();
    Packets.Sent sent = Packets.send(fw, packet);
    if (!sent.ok()) {
      throw fail(sent.errors());
    }
    Trace trace = sent.traces().get(0);
    System.out.println(s.colour().render(FlowDiagram.render(trace, fw.pipeline())));
    System.out.print(s.colour().render(TraceText.render(trace)));
    System.out.flush();
    return trace;
  }

  /** Prints the rules of the session as {@code iptables-save} prints them. */
  public static void rules() {
    System.out.print(SavePrinter.print(current().rules(), false));
    System.out.flush();
  }

  /**
   * Appends a rule to a chain of the filter table, in memory only, and rebuilds {@link #fw}:
   * {@code append("INPUT", "-p tcp --dport 80 -j DROP")} does what {@code iptables -A INPUT -p
   * tcp --dport 80 -j DROP} would.
   */
  public static void append(String chain, String rule) {
    append(Table.FILTER.label(), chain, rule);
  }

  /**
   * Appends a rule to a chain of {@code table} ({@code raw}, {@code mangle}, {@code nat},
   * {@code filter} or {@code security}), in memory only, and rebuilds {@link #fw}.
   */
  public static void append(String table, String chain, String rule) {
    State s = current();
    Table where = Table.byLabel(table.strip()).orElseThrow(() -> fail(Diagnostic.error(
        Appending.POSITION, "", "table '" + table + "' does not exist")
        .explained("the tables are raw, mangle, nat, filter and security")));
    if ((chain + rule).contains("\n") || (chain + rule).contains("\r")) {
      throw fail(Diagnostic.error(Appending.POSITION, "", "a rule is one line")
          .explained("append one rule at a time, without line breaks"));
    }
    Appending appending = Appending.of(s.rules(), where, chain, rule);
    Parsed<Ruleset> result = appending.parse();
    List<Diagnostic> shown = appending.located(result.diagnostics());
    if (result.hasErrors()) {
      throw fail(shown);
    }
    shown.forEach(d -> System.err.println(d.render()));
    int before = rulesIn(s.rules(), where, chain.strip());
    Ruleset rules = result.value().orElseThrow();
    use(s.withRules(rules));
    // One command can append several rules: -s a,b appends one rule per address.
    Chain target = rules.table(where).orElseThrow().chain(chain.strip()).orElseThrow();
    for (int i = before; i < target.rules().size(); i++) {
      System.out.println("Appended as rule " + (i + 1) + " of " + where.label() + " "
          + target.name() + ": " + SavePrinter.rule(target.name(), target.rules().get(i)));
    }
    System.out.flush();
  }

  private static int rulesIn(Ruleset rules, Table table, String chain) {
    return rules.table(table).flatMap(t -> t.chain(chain)).map(c -> c.rules().size()).orElse(0);
  }

  /**
   * Runs the exercise's checks against the rules of this session, appended rules included,
   * and prints each goal met (✓) or not (✗), with the way of each failing packet.
   */
  public static void check() {
    State s = current();
    Path file = saved(s.rules());
    try {
      CheckRun run = CheckHarness.run(s.exercise().id(), RulesSpec.file(file), s.content());
      run.problems().forEach(d -> System.err.println(d.render()));
      System.out.print(CheckText.render(run, s.colour()));
      System.out.flush();
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  /** The rules written to a temporary file for the check harness, which reads a file. */
  private static Path saved(Ruleset rules) {
    try {
      Path file = Files.createTempFile("packetpath-shell-", ".rules");
      Files.writeString(file, SavePrinter.print(rules, false), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary file for the checks", e);
    }
  }

  /**
   * Reads the learner's rules file again (after an edit), dropping the rules appended here,
   * and rebuilds {@link #fw}. When the file has errors they are printed and nothing changes.
   */
  public static void reload() {
    State s = current();
    Parsed<Ruleset> read = read(s.exercise(), s.file());
    if (read.hasErrors()) {
      throw fail(read.diagnostics());
    }
    read.diagnostics().forEach(d -> System.err.println(d.render()));
    use(s.withRules(read.value().orElseThrow()));
    int n = current().rules().ruleCount();
    System.out.println("Read " + s.file().map(Path::toString).orElse("the starting rules") + ": "
        + n + (n == 1 ? " rule." : " rules."));
    System.out.flush();
  }

  /** Prints what the session offers. */
  public static void help() {
    System.out.print(banner());
    System.out.flush();
  }

  private static State current() {
    if (state == null) {
      throw new IllegalStateException("no exercise is open: start the shell with ./packetpath shell");
    }
    return state;
  }

  private static Reported fail(Diagnostic diagnostic) {
    return fail(List.of(diagnostic));
  }

  /** Prints the diagnostics; the helper then throws what this returns. */
  private static Reported fail(List<Diagnostic> diagnostics) {
    diagnostics.forEach(d -> System.err.println(d.render()));
    System.err.flush();
    return new Reported();
  }
}

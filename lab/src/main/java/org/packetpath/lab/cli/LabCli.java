package org.packetpath.lab.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level {@code ./packetpath} command. */
@Command(
    name = "packetpath",
    versionProvider = LabCli.Version.class,
    description = {
      "PacketPath: learn how packets flow through Linux netfilter/iptables.",
      "",
      "Without a command, opens guided mode on your current exercise: the instructions, your"
          + " working copy of the rules in the workspace (the folder work, next to the"
          + " launcher), and the checks, run again every time you save the file. Keys: h hint,"
          + " t trace a packet, l list the exercises, n next exercise (once every goal is met),"
          + " r reset your rules, q quit.",
      ""
    },
    exitCodeList = {
      "0:success",
      "1:checks failed or the verdict is negative",
      "2:bad input or usage",
      "70:internal error"
    })
public final class LabCli implements Callable<Integer> {
  /** The commands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(ListCommand.class, StartCommand.class,
      CheckCommand.class, HintCommand.class, ResetCommand.class, SolutionCommand.class,
      ProgressCommand.class, TraceCommand.class, ShellCommand.class, RulesCommand.class,
      ExercisesCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class);

  @Mixin Learner learner;

  /** What the learner types: answers to questions, and keys in guided mode. */
  private InputStream input = new ByteArrayInputStream(new byte[0]);
  /** Whether the input and output are a terminal, so that guided mode can read single keys. */
  private boolean terminal;

  public static void main(String... args) {
    System.exit(run(System.in, System.console() != null, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given writers and nothing to read; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(new ByteArrayInputStream(new byte[0]), false, out, err, args);
  }

  /**
   * Runs the CLI reading the learner's answers from {@code in}, a terminal when {@code
   * terminal} (guided mode then reads single keys); returns the exit code.
   */
  public static int run(InputStream in, boolean terminal, PrintWriter out, PrintWriter err,
      String... args) {
    LabCli lab = new LabCli();
    lab.input = in;
    lab.terminal = terminal;
    CommandLine cli = commandLine(lab, commandsFor(args));
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine() {
    return commandLine(new LabCli(), COMMANDS);
  }

  private static CommandLine commandLine(LabCli lab, List<Class<?>> commands) {
    CommandLine cli = new CommandLine(lab);
    commands.forEach(cli::addSubcommand);
    headExitCodes(cli);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("packetpath: internal error: " + e);
          commandLine.getErr().println("This is a bug in PacketPath; please report it.");
          return ExitCodes.INTERNAL_ERROR;
        });
    return cli;
  }

  /**
   * The commands to build for {@code args}. Building picocli's model of every command costs more
   * than checking a small ruleset, so when the first word after the workspace option names a
   * command, only the commands {@code args} name are built (the one run is among them, however
   * the words fall); for help, guided mode and a mistyped command, all of them.
   */
  static List<Class<?>> commandsFor(String... args) {
    Map<String, Class<?>> byName = new HashMap<>();
    COMMANDS.forEach(c -> byName.put(c.getAnnotation(Command.class).name(), c));
    int first = 0;
    while (first < args.length && args[first].startsWith("--workspace")) {
      first += args[first].equals("--workspace") ? 2 : 1;
    }
    if (first >= args.length || !byName.containsKey(args[first])
        || Arrays.asList(args).contains("help")) {
      return COMMANDS;
    }
    Set<String> words = new HashSet<>(Arrays.asList(args));
    return COMMANDS.stream().filter(c -> words.contains(c.getAnnotation(Command.class).name()))
        .toList();
  }

  /** Puts one heading over the exit codes of every command that lists them. */
  private static void headExitCodes(CommandLine command) {
    CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    if (!usage.exitCodeList().isEmpty()) {
      usage.exitCodeListHeading("%nExit codes:%n");
    }
    command.getSubcommands().values().forEach(LabCli::headExitCodes);
  }

  /** Guided mode. */
  @Override
  public Integer call() {
    Styles styles = terminal ? Styles.auto() : Styles.plain();
    Workbench bench = Workbench.open(learner.dir, learner.err(), styles);
    return new GuidedMode(bench, input, terminal, learner.out()).run();
  }

  /** What the learner types. */
  InputStream input() {
    return input;
  }

  /** The workspace folder given on the command line before the subcommand, if any. */
  Optional<Path> workspace() {
    return learner.dir;
  }

  /** The version, from the jar manifest when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LabCli.class.getPackage().getImplementationVersion();
      return new String[] {"PacketPath " + (v == null ? "development build" : v)};
    }
  }
}

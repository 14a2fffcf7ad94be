package org.packetpath.lab.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code ./packetpath} command. */
@Command(
    name = "packetpath",
    mixinStandardHelpOptions = true,
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
    subcommands = {ListCommand.class, StartCommand.class, CheckCommand.class,
        HintCommand.class, ResetCommand.class, SolutionCommand.class, ProgressCommand.class,
        TraceCommand.class, ShellCommand.class, RulesCommand.class, ExercisesCommand.class,
        VerifyCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:checks failed or the verdict is negative",
      "2:bad input or usage",
      "70:internal error"
    })
public final class LabCli implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "where your working copies and progress are (default: the folder work, next"
          + " to the launcher)")
  Optional<Path> workspace;

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
    CommandLine cli = commandLine(lab);
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
    return commandLine(new LabCli());
  }

  private static CommandLine commandLine(LabCli lab) {
    CommandLine cli = new CommandLine(lab);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("packetpath: internal error: " + e);
          commandLine.getErr().println("This is a bug in PacketPath; please report it.");
          return ExitCodes.INTERNAL_ERROR;
        });
    return cli;
  }

  /** Guided mode. */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Styles styles = terminal ? Styles.auto() : Styles.plain();
    Workbench bench = Workbench.open(workspace, err, styles);
    return new GuidedMode(bench, input, terminal, out).run();
  }

  /** What the learner types. */
  InputStream input() {
    return input;
  }

  /** The workspace folder given on the command line before the subcommand, if any. */
  Optional<Path> workspace() {
    return workspace;
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

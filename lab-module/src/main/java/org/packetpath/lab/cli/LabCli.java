package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ./lab} command. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    versionProvider = LabCli.Version.class,
    description = {
      "PacketPath: learn how packets flow through Linux netfilter/iptables.",
      ""
    },
    subcommands = {CheckCommand.class, RulesCommand.class, TraceCommand.class,
        ExercisesCommand.class, VerifyCommand.class, ShellCommand.class,
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

  public static void main(String... args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given writers; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine();
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
    CommandLine cli = new CommandLine(new LabCli());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("lab: internal error: " + e);
          commandLine.getErr().println("This is a bug in PacketPath; please report it.");
          return ExitCodes.INTERNAL_ERROR;
        });
    return cli;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("PacketPath — learn how packets flow through netfilter/iptables.");
    out.println();
    spec.commandLine().usage(out);
    return ExitCodes.OK;
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

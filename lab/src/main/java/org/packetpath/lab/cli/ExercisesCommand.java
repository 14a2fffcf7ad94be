package org.packetpath.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./packetpath exercises}: commands for exercise authors. */
@Command(
    name = "exercises",
    mixinStandardHelpOptions = true,
    description = {"Commands for exercise authors."},
    subcommands = {ExercisesVerify.class})
final class ExercisesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: verify");
  }
}

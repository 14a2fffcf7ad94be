package org.packetpath.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./packetpath exercises}: commands for exercise authors. */
@Command(
    name = "exercises",
    description = {"Commands for exercise authors."},
    subcommands = {ExercisesVerify.class})
final class ExercisesCommand implements Runnable {
  @Mixin Terminal terminal;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(terminal.command.commandLine(), "Missing subcommand: verify");
  }
}

package org.packetpath.lab.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --workspace DIR} option of the commands that use the learner's workspace. */
final class WorkspaceOption {
  @Option(names = "--workspace", paramLabel = "DIR",
      description = "where your working copies and progress are (default: the folder work, next"
          + " to the launcher)")
  Optional<Path> dir = Optional.empty();

  /** This option, else the one given before the subcommand. */
  Optional<Path> or(LabCli lab) {
    return dir.isPresent() || lab == null ? dir : lab.workspace();
  }
}

package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --workspace DIR} option of the commands that use the learner's workspace. */
final class WorkspaceOption {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "where your working copies and progress are (default: the folder work, next"
          + " to the launcher)")
  Optional<Path> dir = Optional.empty();

  /** This option, else the one given before the subcommand, else empty: the default folder. */
  Optional<Path> folder() {
    if (dir.isPresent()) {
      return dir;
    }
    Object top = command.root().userObject();
    return top instanceof LabCli lab ? lab.workspace() : Optional.empty();
  }

  /** The built-in exercises with the workspace this option names. */
  Workbench open(PrintWriter err, Styles styles) {
    return Workbench.open(folder(), err, styles);
  }
}

package org.packetpath.lab.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code ./packetpath} command shares, as a mixin: {@code --help} and {@code
 * --version}, and where it reads and writes: what the learner
 * types (given to {@link LabCli#run}), the output and error streams picocli was given, and the
 * styles, coloured only when they go to a terminal that supports it.
 */
@Command(mixinStandardHelpOptions = true)
class Terminal {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** What the learner types: answers to questions; nothing when the lab was not given any. */
  InputStream in() {
    return lab().map(LabCli::input).orElse(InputStream.nullInputStream());
  }

  PrintWriter out() {
    return command.commandLine().getOut();
  }

  PrintWriter err() {
    return command.commandLine().getErr();
  }

  Styles styles() {
    return Styles.auto();
  }

  /** The top-level command; empty for a command run on its own. */
  final Optional<LabCli> lab() {
    Object top = command.root().userObject();
    return top instanceof LabCli lab ? Optional.of(lab) : Optional.empty();
  }
}

package org.packetpath.lab.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Where a command reads and writes, as a mixin without options: what the learner types (given
 * to {@link LabCli#run}), the output and error streams picocli was given, and the styles,
 * coloured only when they go to a terminal that supports it.
 */
@Command // a mixin needs some picocli annotation; this one adds nothing to the command
final class Terminal {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** What the learner types: answers to questions; nothing when the lab was not given any. */
  InputStream in() {
    Object top = command.root().userObject();
    return top instanceof LabCli lab ? lab.input() : InputStream.nullInputStream();
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
}

package org.packetpath.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./packetpath rules}: work with iptables rules files. */
@Command(
    name = "rules",
    description = {
      "Check, format and explain iptables rules files.",
      "A rules file is either iptables-save output (*filter ... COMMIT)"
          + " or a script of iptables commands, one per line."
    },
    subcommands = {RulesCheck.class, RulesFmt.class, RulesExplain.class})
final class RulesCommand implements Runnable {
  @Mixin Terminal terminal;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(terminal.command.commandLine(),
        "Missing subcommand: check, fmt or explain");
  }
}

package org.packetpath.lab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.packetpath.engine.parse.SavePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./packetpath rules fmt FILE}: print the canonical iptables-save form. */
@Command(
    name = "fmt",
    description = {
      "Print a rules file in the canonical form iptables-save writes: fixed option order,"
          + " /32 added and host bits cleared, implicit -m tcp, names turned to numbers.",
      "The file itself is never changed."
    })
final class RulesFmt implements Callable<Integer> {
  @Mixin Terminal terminal;

  @Parameters(paramLabel = "FILE", description = "the rules file")
  Path file;

  @Option(names = {"-c", "--counters"}, description = "print packet and byte counters, as iptables-save -c")
  boolean counters;

  @Override
  public Integer call() {
    return RulesFiles.read(file, terminal.err(), terminal.styles())
        .map(r -> {
          terminal.out().print(SavePrinter.print(r, counters));
          return ExitCodes.OK;
        })
        .orElse(ExitCodes.USAGE);
  }
}

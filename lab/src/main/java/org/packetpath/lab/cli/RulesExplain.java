package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.engine.explain.Explainer;
import org.packetpath.engine.explain.Explanation;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./packetpath rules explain FILE}: every chain and rule in plain English. */
@Command(
    name = "explain",
    description = {"Describe every chain and rule of a rules file in plain English."})
final class RulesExplain implements Callable<Integer> {
  @Mixin Terminal terminal;

  @Parameters(paramLabel = "FILE", description = "the rules file")
  Path file;

  @Override
  public Integer call() {
    Styles styles = terminal.styles();
    Optional<Ruleset> ruleset = RulesFiles.read(file, terminal.err(), styles);
    if (ruleset.isEmpty()) {
      return ExitCodes.USAGE;
    }
    PrintWriter out = terminal.out();
    for (Explanation e : Explainer.explain(ruleset.get())) {
      if (e.rule() == 0) {
        out.println();
        out.println(styles.bold(e.table().label() + " " + e.chain()) + ": " + e.text());
      } else {
        Chain chain = ruleset.get().table(e.table()).orElseThrow().chain(e.chain()).orElseThrow();
        out.println("  " + e);
        out.println("      " + styles.dim(SavePrinter.rule(e.chain(), chain.rules().get(e.rule() - 1))));
      }
    }
    return ExitCodes.OK;
  }
}

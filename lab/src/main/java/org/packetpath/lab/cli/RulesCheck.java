package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./packetpath rules check FILE...}: validate rules files. */
@Command(
    name = "check",
    description = {
      "Validate rules files as iptables-restore and the kernel would, and report every problem"
          + " with file:line:column."
    },
    exitCodeList = {"0:every file is valid (warnings allowed)", "2:some file has errors"})
final class RulesCheck implements Callable<Integer> {
  @Mixin Terminal terminal;

  @Option(names = "--backend", paramLabel = "nft|legacy", defaultValue = "nft",
      converter = FirewallOptions.BackendConverter.class,
      description = "check as this iptables would load the files (default: ${DEFAULT-VALUE})")
  Backend backend;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "rules files to check")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    PrintWriter err = terminal.err();
    Styles styles = terminal.styles();
    boolean failed = false;
    for (Path file : files) {
      Optional<Ruleset> ruleset = RulesFiles.read(file, backend, err, styles);
      if (ruleset.isPresent()) {
        Ruleset r = ruleset.get();
        out.println(file + ": " + styles.ok("OK") + " (" + r.tables().size()
            + (r.tables().size() == 1 ? " table, " : " tables, ") + r.ruleCount()
            + (r.ruleCount() == 1 ? " rule)" : " rules)"));
      } else {
        failed = true;
      }
    }
    return failed ? ExitCodes.USAGE : ExitCodes.OK;
  }
}

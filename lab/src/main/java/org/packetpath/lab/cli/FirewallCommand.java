package org.packetpath.lab.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.packetpath.engine.input.Diagnostic;
import picocli.CommandLine.Mixin;

/**
 * A command that sends packets through the firewall its {@link FirewallOptions} name: it runs
 * on that firewall, or exits with {@link ExitCodes#USAGE} when it cannot be read.
 */
abstract class FirewallCommand implements Callable<Integer> {
  @Mixin Learner learner;
  @Mixin FirewallOptions firewall;

  @Override
  public final Integer call() {
    Optional<FirewallOptions.Firewall> loaded = firewall.read(learner);
    return loaded.isEmpty() ? ExitCodes.USAGE : run(loaded.get());
  }

  /** What the command does with the firewall read; its exit code. */
  abstract int run(FirewallOptions.Firewall loaded);

  /** Prints {@code errors}, bad input: {@link ExitCodes#USAGE}. */
  final int usage(List<Diagnostic> errors) {
    Styles styles = learner.styles();
    errors.forEach(d -> learner.err().println(styles.diagnostic(d)));
    return ExitCodes.USAGE;
  }
}

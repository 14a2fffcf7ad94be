package org.packetpath.lab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command about the learner's exercises as a whole: it reads their {@link Workbench}. */
abstract class WorkbenchCommand implements Callable<Integer> {
  @Mixin Learner learner;

  @Override
  public final Integer call() {
    return run(learner.bench(), learner.out());
  }

  /** What the command shows of {@code bench} on {@code out}; its exit code. */
  abstract int run(Workbench bench, PrintWriter out);
}

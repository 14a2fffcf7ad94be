package org.packetpath.lab.cli;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.lab.Exercise;
import picocli.CommandLine.Command;

/** {@code ./packetpath hint [ID]}: the next hint of an exercise's ladder. */
@Command(
    name = "hint",
    description = {
      "Show the next hint for an exercise: the first hints are gentle, the last comes close to"
          + " the answer. The lab remembers how many you have seen; once you have seen them"
          + " all, the last one is shown again."
    },
    exitCodeList = {"0:a hint was shown", "2:no such exercise"})
final class HintCommand extends OneExerciseCommand {
  @Override
  int run(Workbench bench, Exercise e) {
    next(bench, e).forEach(learner.out()::println);
    return ExitCodes.OK;
  }

  /** Shows the next hint of {@code e} and remembers it was seen: the lines to print. */
  static List<String> next(Workbench bench, Exercise e) {
    int all = e.hints().size();
    if (all == 0) {
      return List.of("Exercise " + e.number() + " has no hints.");
    }
    int seen = bench.progress().hints(e.id());
    int k = Math.min(seen + 1, all);
    if (seen < k) {
      bench.workspace().update(p -> p.hintsShown(e.id(), Math.max(p.hints(e.id()), k)));
    }
    List<String> lines = new ArrayList<>(Guide.hint(e, k, bench.styles()));
    lines.add("");
    if (seen >= all) {
      lines.add(bench.styles().dim("You have seen all " + all + " hints: this is the last one"
          + " again."));
    } else if (k < all) {
      lines.add(bench.styles().dim((all - k) + (all - k == 1 ? " more hint" : " more hints")
          + " if you need " + (all - k == 1 ? "it" : "them") + "."));
    } else {
      lines.add(bench.styles().dim("That was the last hint."));
    }
    return lines;
  }
}

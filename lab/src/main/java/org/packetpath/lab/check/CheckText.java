package org.packetpath.lab.check;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.StyledText.Role;
import org.packetpath.engine.trace.view.TraceText;
import org.packetpath.lab.term.Colour;

/**
 * Check results for a terminal: a line per goal, marked ✓ or ✗ with its points, and under each
 * failed goal what was expected, what happened instead and the packet's way through the
 * firewall.
 *
 * <pre>
 * ✗ The office can still log in with ssh                                    0/2
 *     sent      tcp 198.51.100.1:40005 &gt; 203.0.113.1:22 SYN in wan0
 *     expected  delivered to the firewall itself
 *     but       it was dropped by filter INPUT rule 2 (-A INPUT -p tcp ... -j DROP)
 *     its way through the firewall:
 *       PREROUTING
 *       ...
 * </pre>
 */
public final class CheckText {
  private static final int GOAL_WIDTH = 72;

  private CheckText() {}

  /** Every result, the explanation under each failed one, and a summary line. */
  public static String render(CheckRun run, Colour colour) {
    StringBuilder out = new StringBuilder();
    int width = Math.min(GOAL_WIDTH, run.results().stream()
        .mapToInt(r -> r.goal().length()).max().orElse(0));
    for (CheckResult r : run.results()) {
      out.append(line(r, width, colour)).append('\n');
      if (!r.passed()) {
        out.append(indent(explanation(r, colour), "    ")).append('\n');
      }
    }
    if (!run.results().isEmpty()) {
      if (run.results().get(run.results().size() - 1).passed()) {
        out.append('\n');
      }
      out.append(summary(run, colour)).append('\n');
    }
    return out.toString();
  }

  /** One goal: {@code ✓ The office can still log in with ssh   2/2}. */
  public static String line(CheckResult r, int width, Colour colour) {
    String mark = switch (r.status()) {
      case PASSED -> colour.paint(Role.ACCEPT, "✓");
      case FAILED -> colour.paint(Role.DROP, "✗");
      case NOT_RUN -> colour.paint(Role.DIM, "-");
    };
    String goal = r.goal().length() > width ? r.goal() : pad(r.goal(), width);
    return mark + " " + goal + "  " + r.earned() + "/" + r.points();
  }

  /** The summary: {@code 7 of 9 goals met: 14 of 18 points.} */
  public static String summary(CheckRun run, Colour colour) {
    long met = run.results().stream().filter(CheckResult::passed).count();
    int all = run.results().size();
    String text = (met == all ? "All " + all + " goals met" : met + " of " + all + " goals met")
        + ": " + run.earned() + " of " + run.points() + " points.";
    return colour.paint(met == all ? Role.ACCEPT : Role.STRONG, text);
  }

  /**
   * Why a check did not pass: the packets sent, what was expected, what happened instead and
   * the last packet's way through the firewall; or why it did not run.
   */
  public static String explanation(CheckResult r, Colour colour) {
    StringBuilder out = new StringBuilder();
    if (r.status() == CheckResult.Status.NOT_RUN) {
      r.problems().forEach(p -> out.append("not run: ").append(p).append('\n'));
      return out.toString();
    }
    List<Trace> traces = r.traces();
    for (int i = 0; i < traces.size(); i++) {
      String label = i == 0 ? "sent      " : "          ";
      String number = traces.size() > 1 ? (i + 1) + ". " : "";
      String packet = traces.get(i).packet().toString();
      String ending = i < traces.size() - 1
          ? colour.paint(Role.DIM, "  (" + Explain.ending(traces.get(i)) + ")") : "";
      out.append(label).append(number).append(packet).append(ending).append('\n');
    }
    if (!r.expected().isEmpty()) {
      out.append("expected  ").append(r.expected()).append('\n');
    }
    List<String> problems = r.problems();
    for (int i = 0; i < problems.size(); i++) {
      out.append(i == 0 ? "but       " : "          ")
          .append(colour.paint(Role.DROP, problems.get(i))).append('\n');
    }
    if (!traces.isEmpty()) {
      out.append(traces.size() > 1 ? "the last packet's way through the firewall:\n"
          : "its way through the firewall:\n");
      String path = colour.render(TraceText.render(traces.get(traces.size() - 1)));
      out.append(indent(path.substring(path.indexOf('\n') + 1), "  "));
    }
    return out.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String indent(String text, String prefix) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.isEmpty() ? line : prefix + line);
    }
    return String.join("\n", lines);
  }

}

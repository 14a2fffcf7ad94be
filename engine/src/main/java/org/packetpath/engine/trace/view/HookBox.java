package org.packetpath.engine.trace.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.pipeline.Stage;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.DiagramNodes.Node;
import org.packetpath.engine.trace.view.StyledText.Role;

/**
 * The lines of a hook's box in the diagram: a line per stage of the hook, in the pipeline's
 * order, marked with what a trace's packet met there (the table that decided, the state
 * connection tracking gave it, a NAT rewrite, a nat table passed by) and dimmed past the point
 * where its journey ended.
 */
final class HookBox {
  /** A line in a box: a marker, a name, a note on the right. */
  record Line(char marker, String name, String note, Role role) {}

  private final Optional<Trace> trace;
  private final DiagramNodes nodes;
  private final Optional<RuleHit> decisive;
  /** The columns for a line's name and note together. */
  private final int noteSpace;

  HookBox(Optional<Trace> trace, DiagramNodes nodes, int noteSpace) {
    this.trace = trace;
    this.nodes = nodes;
    this.decisive = trace.flatMap(Ending::decisive);
    this.noteSpace = noteSpace;
  }

  /** The lines of {@code hook}'s box, one per stage of {@code stages}. */
  List<Line> lines(Hook hook, List<Stage> stages) {
    List<Line> lines = new ArrayList<>();
    int reached = reached(hook, stages);
    for (int i = 0; i < stages.size(); i++) {
      lines.add(line(hook, stages.get(i), i < reached, i == reached - 1));
    }
    return lines;
  }

  /** How many of the stages at {@code hook} the packet reached. */
  private int reached(Hook hook, List<Stage> stages) {
    if (!nodes.visited(Node.of(hook))) {
      return 0;
    }
    if (!nodes.endedAt(Node.of(hook))) {
      return stages.size();
    }
    Optional<RuleHit> decisive = this.decisive.filter(h -> h.hook() == hook);
    int last = 0;
    for (int i = 0; i < stages.size(); i++) {
      Optional<Table> table = stages.get(i).table();
      if (table.isPresent() && decisive.isPresent() && decisive.get().table() == table.get()) {
        return i + 1;
      }
      if (table.isPresent() && walked(hook, table.get())) {
        last = i + 1;
      }
    }
    return last;
  }

  private Line line(Hook hook, Stage stage, boolean reached, boolean last) {
    String name = switch (stage.kind()) {
      case CHAIN -> stage.table().orElseThrow().label();
      case CONNTRACK -> "conntrack";
      case CONFIRM -> "confirm";
    };
    if (!reached) {
      return new Line(' ', name, "", Role.DIM);
    }
    return switch (stage.kind()) {
      case CONNTRACK -> tracked(hook).map(s -> new Line('>', name, s, Role.STRONG))
          .orElse(new Line(' ', name, "", Role.PLAIN));
      case CONFIRM -> new Line(' ', name, "", Role.PLAIN);
      case CHAIN -> chainLine(hook, stage.table().orElseThrow(), name, last);
    };
  }

  private Line chainLine(Hook hook, Table table, String name, boolean last) {
    Optional<RuleHit> decided = lastHit(hook, table);
    Optional<String> rewrote = table == Table.NAT ? rewrote(hook) : Optional.empty();
    boolean end = last && decisive.filter(h -> h.hook() == hook && h.table() == table).isPresent();
    if (decided.isPresent() || walked(hook, table)) {
      String note = decided.map(h -> note(name, h)).orElse("");
      Role role = end ? Role.DROP : rewrote.isPresent() ? Role.NAT : Role.STRONG;
      return new Line(end ? 'X' : '>', name, note, role);
    }
    if (rewrote.isPresent()) {
      return new Line('>', name, rewrote.get(), Role.NAT);
    }
    return new Line(' ', name, table == Table.NAT ? natSkipped() : "", Role.PLAIN);
  }

  /** What decided in a table: the target of the last hit, with the rule number or policy. */
  private String note(String name, RuleHit hit) {
    List<String> choices = new ArrayList<>();
    if (hit.isPolicy()) {
      choices.add("policy " + hit.target());
    } else if (hit.chain().equals(hit.hook().name())) {
      choices.add("#" + hit.rule() + " " + hit.target());
    } else {
      choices.add(hit.chain() + " #" + hit.rule() + " " + hit.target());
      choices.add(hit.chain() + " " + hit.target());
    }
    choices.add(hit.target());
    for (String c : choices) {
      if (name.length() + 1 + c.length() <= noteSpace + 1) {
        return c;
      }
    }
    return FlowDiagram.fit(hit.target(), noteSpace - name.length());
  }

  /**
   * Why the nat table did not see a packet that reached it: only a connection's first packet
   * goes through the nat chains; later ones follow the connection's binding.
   */
  private String natSkipped() {
    return trace.map(t -> switch (t.ctState()) {
      case ESTABLISHED -> "skipped, not NEW";
      case UNTRACKED -> "skipped, untracked";
      case NEW, RELATED, INVALID -> "";
    }).orElse("");
  }

  private Optional<RuleHit> lastHit(Hook hook, Table table) {
    Optional<RuleHit> last = Optional.empty();
    for (RuleHit hit : trace.map(Trace::hits).orElse(List.of())) {
      if (hit.hook() == hook && hit.table() == table) {
        last = Optional.of(hit);
      }
    }
    return last;
  }

  private boolean walked(Hook hook, Table table) {
    return steps().stream().anyMatch(s -> s instanceof Step.ChainEntered c && c.hook() == hook
        && c.table() == table) || lastHit(hook, table).isPresent();
  }

  /** The state connection tracking gave the packet, at the hook where it looked it up. */
  private Optional<String> tracked(Hook hook) {
    Optional<Hook> at = Optional.empty();
    for (Step s : steps()) {
      if (s instanceof Step.Entered e) {
        at = e.place().hook();
      } else if (s instanceof Step.Tracked t) {
        return at.filter(h -> h == hook).map(h -> t.state().name());
      }
    }
    return Optional.empty();
  }

  /** What NAT rewrote at {@code hook} without a chain deciding it, as {@code rewrote dst}. */
  private Optional<String> rewrote(Hook hook) {
    for (Step s : steps()) {
      if (s instanceof Step.NatApplied n && n.hook() == hook) {
        boolean source = n.before().source() != n.after().source()
            || n.before().sourcePort() != n.after().sourcePort();
        return Optional.of(source ? "rewrote src" : "rewrote dst");
      }
    }
    return Optional.empty();
  }

  private List<Step> steps() {
    return trace.map(Trace::steps).orElse(List.of());
  }
}

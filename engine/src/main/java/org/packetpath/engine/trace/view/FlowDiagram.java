package org.packetpath.engine.trace.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.pipeline.Stage;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Step;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.Canvas.Ink;
import org.packetpath.engine.trace.view.Passage.Place;

/**
 * The netfilter packet-flow diagram as text, at most 100 columns wide: packets arriving go
 * through PREROUTING to the routing decision, then INPUT to a local process, or FORWARD and
 * POSTROUTING out; packets the firewall sends go from a local process through the routing
 * decision, OUTPUT and POSTROUTING. Each hook's box lists what runs there in priority order, as
 * the {@link Pipeline} of the backend has it: at INPUT, iptables-nft runs the security table
 * after nat and iptables-legacy before it.
 *
 * <p>Drawn for a trace, the packet's way is marked. The boxes and arrows it went through are
 * drawn with {@code =} and {@code #} instead of {@code -} and {@code |}. The tables whose chains
 * it went through are marked {@code >} with what decided there ({@code policy ACCEPT}, {@code #4
 * DROP}, {@code #1 MASQUERADE}); connection tracking shows the state it gave the packet; NAT
 * that rewrote the packet without a chain (the later packets of a connection) shows {@code
 * rewrote dst}, and a nat table that a later packet passes by says so. Where the journey ended
 * is marked {@code X} (a drop or reject), {@code *} (delivered to the firewall) or by the
 * interface it left by, and a legend under the drawing says it in words. With {@link
 * Colour#ANSI} the way is also painted and the rest dimmed.
 *
 * <p>One trace is one drawing; the answers the firewall sent ({@link Trace#generated()}) are
 * drawn each on its own.
 */
public final class FlowDiagram {
  /** The widest line a drawing has. */
  public static final int WIDTH = 100;

  private static final int BOX = 27;
  private static final int ROUTER = 10;
  private static final int COLUMN_A = 0;
  private static final int COLUMN_B = 30;
  private static final int COLUMN_C = 43;
  private static final int COLUMN_D = 73;
  /** INPUT and the local process stand under the first routing decision, centred on it. */
  private static final int UNDER_ROUTER = center(COLUMN_B, ROUTER) - (BOX - 1) / 2;
  /** The second routing decision stands under OUTPUT, centred on it. */
  private static final int ROUTER_OUT = center(COLUMN_D, BOX) - (ROUTER - 1) / 2;
  /**
   * The columns for the name and note of a box line: after the border, a space, the marker and
   * a space, and before a space and the border; a note may take the last space when it must.
   */
  private static final int NOTE_SPACE = BOX - 6;

  private final Pipeline pipeline;
  private final Optional<Trace> trace;
  private final Passage passage;

  private Canvas canvas;
  private int row1;
  private int row2;
  private int row3;

  private FlowDiagram(Pipeline pipeline, Optional<Trace> trace) {
    this.pipeline = pipeline;
    this.trace = trace;
    this.passage = trace.map(Passage::of).orElse(Passage.none());
  }

  /** The diagram with the way of {@code trace} marked, ending in a newline. */
  public static String render(Trace trace, Pipeline pipeline, Colour colour) {
    return new FlowDiagram(pipeline, Optional.of(trace)).draw().render(colour);
  }

  /** The diagram alone, without a packet: the hooks and what runs at each, for a backend. */
  public static String render(Pipeline pipeline, Colour colour) {
    return new FlowDiagram(pipeline, Optional.empty()).draw().render(colour);
  }

  // ---- layout ------------------------------------------------------------------------------

  private Canvas draw() {
    row1 = 5;
    int row1Bottom = row1 + Math.max(4, Math.max(height(Hook.PREROUTING),
        Math.max(height(Hook.FORWARD), height(Hook.POSTROUTING)))) - 1;
    row2 = row1Bottom + 3;
    int row2Bottom = row2 + Math.max(height(Hook.INPUT), height(Hook.OUTPUT)) - 1;
    row3 = row2Bottom + 3;
    List<String> legend = legend();
    int legendTop = row3 + (passage.end().filter(e -> e == Place.ROUTE_OUT).isPresent() ? 6 : 5);
    canvas = new Canvas(WIDTH, legendTop + legend.size());
    header();
    hookBox(Hook.PREROUTING, COLUMN_A, row1);
    router(Place.ROUTE_IN, COLUMN_B, row1);
    hookBox(Hook.FORWARD, COLUMN_C, row1);
    hookBox(Hook.POSTROUTING, COLUMN_D, row1);
    hookBox(Hook.INPUT, UNDER_ROUTER, row2);
    hookBox(Hook.OUTPUT, COLUMN_D, row2);
    localProcess(UNDER_ROUTER, row3);
    router(Place.ROUTE_OUT, ROUTER_OUT, row3);
    arrows();
    for (int i = 0; i < legend.size(); i++) {
      canvas.text(0, legendTop + i, legend.get(i), i > 0 && trace.isPresent()
          ? (Ending.of(trace.get()).good() ? Ink.GOOD : Ink.BAD) : Ink.NORMAL);
    }
    return canvas;
  }

  private int height(Hook hook) {
    return pipeline.stages(hook).size() + 2;
  }

  private static int center(int x, int width) {
    return x + (width - 1) / 2;
  }

  private void header() {
    String backend = pipeline.backend() == Backend.NFT ? "iptables-nft" : "iptables-legacy";
    String head = trace.map(t -> t.packet() + "   (" + backend + ")")
        .orElse("The netfilter hooks and their tables, in the order they run (" + backend + ")");
    canvas.text(0, 0, fit(head, WIDTH), Ink.STRONG);
    String in = "in" + trace.filter(t -> passage.visited(Place.IN))
        .map(t -> " " + t.packet().in().orElse("lo")).orElse("");
    String out = "out" + trace.filter(t -> passage.visited(Place.OUT))
        .map(t -> " " + t.out().orElse("lo")).orElse("");
    boolean leftHere = passage.end().filter(e -> e == Place.OUT).isPresent();
    canvas.text(center(COLUMN_A, BOX) - in.length() / 2, 2, in, ink(Place.IN));
    canvas.text(center(COLUMN_D, BOX) - out.length() / 2, 2, out,
        leftHere ? Ink.GOOD : ink(Place.OUT));
  }

  private void arrows() {
    int a = center(COLUMN_A, BOX);
    int b = center(COLUMN_B, ROUTER);
    int d = center(COLUMN_D, BOX);
    down(a, 3, 4, Place.IN, Place.PREROUTING);
    right(COLUMN_A + BOX, COLUMN_B - 1, row1 + 1, Place.PREROUTING, Place.ROUTE_IN);
    right(COLUMN_B + ROUTER, COLUMN_C - 1, row1 + 1, Place.ROUTE_IN, Place.FORWARD);
    right(COLUMN_C + BOX, COLUMN_D - 1, row1 + 1, Place.FORWARD, Place.POSTROUTING);
    up(d, 3, 4, Place.POSTROUTING, Place.OUT);
    down(b, row1 + 4, row2 - 1, Place.ROUTE_IN, Place.INPUT);
    down(b, row2 + height(Hook.INPUT), row3 - 1, Place.INPUT, Place.LOCAL);
    up(d, row1 + height(Hook.POSTROUTING), row2 - 1, Place.OUTPUT, Place.POSTROUTING);
    up(d, row2 + height(Hook.OUTPUT), row3 - 1, Place.ROUTE_OUT, Place.OUTPUT);
    right(UNDER_ROUTER + BOX, ROUTER_OUT - 1, row3 + 1, Place.LOCAL, Place.ROUTE_OUT);
    if (passage.end().filter(e -> e == Place.ROUTE_IN).isPresent()) {
      canvas.text(COLUMN_B, row1 + 4, "X dropped", Ink.BAD);
    }
    if (passage.end().filter(e -> e == Place.ROUTE_OUT).isPresent()) {
      canvas.text(ROUTER_OUT, row3 + 4, "X dropped", Ink.BAD);
    }
  }

  private void right(int from, int to, int y, Place a, Place b) {
    boolean way = passage.travelled(a, b);
    for (int x = from; x < to; x++) {
      canvas.put(x, y, way ? '=' : '-', way ? Ink.PATH : Ink.DIM);
    }
    canvas.put(to, y, '>', way ? Ink.PATH : Ink.DIM);
  }

  private void down(int x, int from, int to, Place a, Place b) {
    boolean way = passage.travelled(a, b);
    for (int y = from; y < to; y++) {
      canvas.put(x, y, way ? '#' : '|', way ? Ink.PATH : Ink.DIM);
    }
    canvas.put(x, to, way ? 'V' : 'v', way ? Ink.PATH : Ink.DIM);
  }

  private void up(int x, int from, int to, Place a, Place b) {
    boolean way = passage.travelled(a, b);
    canvas.put(x, from, '^', way ? Ink.PATH : Ink.DIM);
    for (int y = from + 1; y <= to; y++) {
      canvas.put(x, y, way ? '#' : '|', way ? Ink.PATH : Ink.DIM);
    }
  }

  private Ink ink(Place place) {
    return passage.visited(place) ? Ink.PATH : Ink.DIM;
  }

  // ---- boxes -------------------------------------------------------------------------------

  /** A line in a box: a marker, a name, a note on the right. */
  private record Line(char marker, String name, String note, Ink ink) {}

  private void box(int x, int y, int width, String title, List<Line> lines, Place place) {
    boolean way = passage.visited(place);
    Ink border = way ? Ink.PATH : Ink.DIM;
    char fill = way ? '=' : '-';
    String top = "+" + fill + " " + title + " ";
    canvas.text(x, y, top + String.valueOf(fill).repeat(width - top.length() - 1) + "+", border);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      canvas.put(x, y + 1 + i, '|', border);
      canvas.put(x + width - 1, y + 1 + i, '|', border);
      int space = width - 6;
      String body = line.marker() + " " + spread(line.name(), line.note(), space);
      canvas.text(x + 2, y + 1 + i, body, line.ink());
    }
    int bottom = y + 1 + lines.size();
    canvas.text(x, bottom, "+" + String.valueOf(fill).repeat(width - 2) + "+", border);
  }

  /**
   * {@code name} on the left and {@code note} on the right of {@code width} columns, or of one
   * more when they need it.
   */
  private static String spread(String name, String note, int width) {
    if (note.isEmpty()) {
      return pad(name, width);
    }
    return name + " ".repeat(Math.max(1, width - name.length() - note.length())) + note;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 3) + "...";
  }

  private void router(Place place, int x, int y) {
    List<Line> lines = List.of(new Line(' ', "routing", "", ink(place)),
        new Line(' ', "decision", "", ink(place)));
    boolean way = passage.visited(place);
    Ink border = way ? Ink.PATH : Ink.DIM;
    char fill = way ? '=' : '-';
    canvas.text(x, y, "+" + String.valueOf(fill).repeat(ROUTER - 2) + "+", border);
    for (int i = 0; i < lines.size(); i++) {
      canvas.put(x, y + 1 + i, '|', border);
      canvas.text(x + 1, y + 1 + i, pad(lines.get(i).name(), ROUTER - 2), lines.get(i).ink());
      canvas.put(x + ROUTER - 1, y + 1 + i, '|', border);
    }
    canvas.text(x, y + 3, "+" + String.valueOf(fill).repeat(ROUTER - 2) + "+", border);
  }

  private void localProcess(int x, int y) {
    boolean delivered = passage.end().filter(e -> e == Place.LOCAL).isPresent();
    boolean started = trace.filter(t -> t.packet().isLocal()).isPresent();
    String what = delivered && started ? "starts and ends here"
        : delivered ? "delivered here"
        : started ? "starts here" : "";
    char marker = delivered ? '*' : started ? '>' : ' ';
    Ink ink = delivered ? Ink.GOOD : started ? Ink.STRONG : Ink.DIM;
    box(x, y, BOX, "local process", List.of(new Line(marker, what, "", ink)), Place.LOCAL);
  }

  private void hookBox(Hook hook, int x, int y) {
    List<Line> lines = new ArrayList<>();
    List<Stage> stages = pipeline.stages(hook);
    int reached = reached(hook, stages);
    for (int i = 0; i < stages.size(); i++) {
      lines.add(line(hook, stages.get(i), i < reached, i == reached - 1));
    }
    box(x, y, BOX, hook.name(), lines, Place.of(hook));
  }

  /** How many of the stages at {@code hook} the packet reached. */
  private int reached(Hook hook, List<Stage> stages) {
    if (!passage.visited(Place.of(hook))) {
      return 0;
    }
    if (passage.end().filter(e -> e == Place.of(hook)).isEmpty()) {
      return stages.size();
    }
    Optional<RuleHit> decisive = passage.decisive().filter(h -> h.hook() == hook);
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
      return new Line(' ', name, "", Ink.DIM);
    }
    return switch (stage.kind()) {
      case CONNTRACK -> tracked(hook).map(s -> new Line('>', name, s, Ink.STRONG))
          .orElse(new Line(' ', name, "", Ink.NORMAL));
      case CONFIRM -> new Line(' ', name, "", Ink.NORMAL);
      case CHAIN -> chainLine(hook, stage.table().orElseThrow(), name, last);
    };
  }

  private Line chainLine(Hook hook, Table table, String name, boolean last) {
    Optional<RuleHit> decided = lastHit(hook, table);
    Optional<String> rewrote = table == Table.NAT ? rewrote(hook) : Optional.empty();
    boolean end = last && passage.decisive().filter(h -> h.hook() == hook && h.table() == table)
        .isPresent();
    if (decided.isPresent() || walked(hook, table)) {
      String note = decided.map(h -> note(name, h)).orElse("");
      Ink ink = end ? Ink.BAD : rewrote.isPresent() ? Ink.NAT : Ink.STRONG;
      return new Line(end ? 'X' : '>', name, note, ink);
    }
    if (rewrote.isPresent()) {
      return new Line('>', name, rewrote.get(), Ink.NAT);
    }
    return new Line(' ', name, table == Table.NAT ? natSkipped() : "", Ink.NORMAL);
  }

  /** What decided in a table: the target of the last hit, with the rule number or policy. */
  private static String note(String name, RuleHit hit) {
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
      if (name.length() + 1 + c.length() <= NOTE_SPACE + 1) {
        return c;
      }
    }
    return fit(hit.target(), NOTE_SPACE - name.length());
  }

  /**
   * Why the nat table did not see a packet that reached it: only a connection's first packet
   * goes through the nat chains; later ones follow the connection's binding.
   */
  private String natSkipped() {
    String state = trace.map(Trace::ctState).orElse("");
    return switch (state) {
      case "ESTABLISHED" -> "skipped, not NEW";
      case "UNTRACKED" -> "skipped, untracked";
      default -> "";
    };
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
    Hook first = trace.map(t -> t.packet().isLocal() ? Hook.OUTPUT : Hook.PREROUTING)
        .orElse(Hook.PREROUTING);
    if (hook != first) {
      return Optional.empty();
    }
    return steps().stream().filter(s -> s instanceof Step.Tracked)
        .map(s -> ((Step.Tracked) s).state()).findFirst();
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

  // ---- legend ------------------------------------------------------------------------------

  private List<String> legend() {
    if (trace.isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.addAll(wrap("Packets that arrive: PREROUTING, the routing decision, then INPUT (for the"
          + " firewall itself) or FORWARD and POSTROUTING.", WIDTH));
      lines.addAll(wrap("Packets the firewall sends: the routing decision, OUTPUT, POSTROUTING."
          + " Each box lists what runs there, in order.", WIDTH));
      return lines;
    }
    List<String> lines = new ArrayList<>();
    lines.add("==> the packet's way   > what it went through, and what decided there"
        + "   X where it ended");
    Ending ending = Ending.of(trace.get());
    lines.addAll(wrap((ending.good() ? "* " : "X ") + ending.words(), WIDTH));
    return lines;
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut));
      rest = "  " + rest.substring(cut).trim();
    }
    lines.add(rest);
    return lines;
  }
}

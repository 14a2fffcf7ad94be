package org.packetpath.engine.trace.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.pipeline.Edge;
import org.packetpath.engine.pipeline.Pipeline;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.pipeline.Way;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.DiagramNodes.Arrow;
import org.packetpath.engine.trace.view.DiagramNodes.Node;
import org.packetpath.engine.trace.view.StyledText.Role;

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
 * interface it left by, and a legend under the drawing says it in words. The drawing is styled
 * text: the way has {@link Role#PATH}, the rest {@link Role#DIM}.
 *
 * <p>The drawing is a layout of the pipeline's graph: each place of the pipeline has its box (or
 * label) at a fixed position, and each of the pipeline's edges is drawn as an arrow between the
 * boxes of its places. A pipeline without a place draws no box for it, and an arrow for every
 * edge it has.
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
  private final DiagramNodes nodes;
  private final HookBox hookLines;

  private Canvas canvas;
  private final Map<Node, Box> boxes = new EnumMap<>(Node.class);

  /** Where a node stands: a box, or a label one row high. */
  private record Box(int x, int y, int width, int height) {
    int center() {
      return FlowDiagram.center(x, width);
    }

    int bottom() {
      return y + height - 1;
    }
  }

  private FlowDiagram(Pipeline pipeline, Optional<Trace> trace) {
    this.pipeline = pipeline;
    this.trace = trace;
    this.nodes = trace.map(DiagramNodes::of).orElse(DiagramNodes.none());
    this.hookLines = new HookBox(trace, nodes, NOTE_SPACE);
  }

  /** The diagram with the way of {@code trace} through {@code pipeline} marked. */
  public static StyledText render(Trace trace, Pipeline pipeline) {
    return new FlowDiagram(pipeline, Optional.of(trace)).draw().styled();
  }

  /** The diagram alone, without a packet: the hooks and what runs at each, for a backend. */
  public static StyledText render(Pipeline pipeline) {
    return new FlowDiagram(pipeline, Optional.empty()).draw().styled();
  }

  // ---- layout ------------------------------------------------------------------------------

  private Canvas draw() {
    int row1 = 5;
    int row1Bottom = row1 + Math.max(4, Math.max(height(Hook.PREROUTING),
        Math.max(height(Hook.FORWARD), height(Hook.POSTROUTING)))) - 1;
    int row2 = row1Bottom + 3;
    int row2Bottom = row2 + Math.max(height(Hook.INPUT), height(Hook.OUTPUT)) - 1;
    int row3 = row2Bottom + 3;
    boxes.put(Node.IN, new Box(COLUMN_A, 2, BOX, 1));
    boxes.put(Node.OUT, new Box(COLUMN_D, 2, BOX, 1));
    boxes.put(Node.PREROUTING, new Box(COLUMN_A, row1, BOX, height(Hook.PREROUTING)));
    boxes.put(Node.ROUTE_IN, new Box(COLUMN_B, row1, ROUTER, 4));
    boxes.put(Node.FORWARD, new Box(COLUMN_C, row1, BOX, height(Hook.FORWARD)));
    boxes.put(Node.POSTROUTING, new Box(COLUMN_D, row1, BOX, height(Hook.POSTROUTING)));
    boxes.put(Node.INPUT, new Box(UNDER_ROUTER, row2, BOX, height(Hook.INPUT)));
    boxes.put(Node.OUTPUT, new Box(COLUMN_D, row2, BOX, height(Hook.OUTPUT)));
    boxes.put(Node.LOCAL, new Box(UNDER_ROUTER, row3, BOX, 3));
    boxes.put(Node.ROUTE_OUT, new Box(ROUTER_OUT, row3, ROUTER, 4));
    List<String> legend = legend();
    int legendTop = row3 + (nodes.endedAt(Node.ROUTE_OUT) ? 6 : 5);
    canvas = new Canvas(WIDTH, legendTop + legend.size());
    header();
    for (Node node : Node.values()) {
      if (pipeline.has(node.place())) {
        node(node, boxes.get(node));
      }
    }
    for (Arrow arrow : DiagramNodes.arrows(pipeline)) {
      arrow(arrow);
    }
    nodes.routingDrop().map(boxes::get)
        .ifPresent(b -> canvas.text(b.x(), b.bottom() + 1, "X dropped", Role.DROP));
    for (int i = 0; i < legend.size(); i++) {
      canvas.text(0, legendTop + i, legend.get(i), i > 0 && trace.isPresent()
          ? (Ending.of(trace.get()).good() ? Role.ACCEPT : Role.DROP) : Role.PLAIN);
    }
    return canvas;
  }

  private void node(Node node, Box box) {
    switch (node) {
      case IN, OUT -> { } // labels, written with the header
      case ROUTE_IN, ROUTE_OUT -> router(node, box);
      case LOCAL -> localProcess(box);
      case PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING -> hookBox(node, box);
    }
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
    canvas.text(0, 0, fit(head, WIDTH), Role.STRONG);
    String in = "in" + trace.filter(t -> nodes.visited(Node.IN))
        .map(t -> " " + t.packet().in().orElse("lo")).orElse("");
    String out = "out" + trace.filter(t -> nodes.visited(Node.OUT))
        .map(t -> " " + t.out().orElse("lo")).orElse("");
    Box inBox = boxes.get(Node.IN);
    Box outBox = boxes.get(Node.OUT);
    canvas.text(inBox.center() - in.length() / 2, inBox.y(), in, role(Node.IN));
    canvas.text(outBox.center() - out.length() / 2, outBox.y(), out,
        nodes.endedAt(Node.OUT) ? Role.ACCEPT : role(Node.OUT));
  }

  /**
   * The arrow for {@code arrow}: straight from one box to the next, right along the second row of
   * two boxes side by side, down or up between two boxes one above the other.
   */
  private void arrow(Arrow arrow) {
    Box a = boxes.get(arrow.from());
    Box b = boxes.get(arrow.to());
    boolean way = nodes.travelled(arrow);
    if (a.y() == b.y() && a.x() + a.width() < b.x()) {
      right(a.x() + a.width(), b.x() - 1, a.y() + 1, way);
    } else if (a.center() == b.center() && b.y() > a.bottom()) {
      down(a.center(), a.bottom() + 1, b.y() - 1, way);
    } else if (a.center() == b.center() && a.y() > b.bottom()) {
      up(a.center(), b.bottom() + 1, a.y() - 1, way);
    } else {
      throw new IllegalStateException("the diagram has no straight way to draw " + arrow);
    }
  }

  private void right(int from, int to, int y, boolean way) {
    for (int x = from; x < to; x++) {
      canvas.put(x, y, way ? '=' : '-', way ? Role.PATH : Role.DIM);
    }
    canvas.put(to, y, '>', way ? Role.PATH : Role.DIM);
  }

  private void down(int x, int from, int to, boolean way) {
    for (int y = from; y < to; y++) {
      canvas.put(x, y, way ? '#' : '|', way ? Role.PATH : Role.DIM);
    }
    canvas.put(x, to, way ? 'V' : 'v', way ? Role.PATH : Role.DIM);
  }

  private void up(int x, int from, int to, boolean way) {
    canvas.put(x, from, '^', way ? Role.PATH : Role.DIM);
    for (int y = from + 1; y <= to; y++) {
      canvas.put(x, y, way ? '#' : '|', way ? Role.PATH : Role.DIM);
    }
  }

  private Role role(Node node) {
    return nodes.visited(node) ? Role.PATH : Role.DIM;
  }

  // ---- boxes -------------------------------------------------------------------------------

  private void box(Box at, String title, List<HookBox.Line> lines, Node node) {
    int x = at.x();
    int y = at.y();
    int width = at.width();
    boolean way = nodes.visited(node);
    Role border = way ? Role.PATH : Role.DIM;
    char fill = way ? '=' : '-';
    String top = "+" + fill + " " + title + " ";
    canvas.text(x, y, top + String.valueOf(fill).repeat(width - top.length() - 1) + "+", border);
    for (int i = 0; i < lines.size(); i++) {
      HookBox.Line line = lines.get(i);
      canvas.put(x, y + 1 + i, '|', border);
      canvas.put(x + width - 1, y + 1 + i, '|', border);
      int space = width - 6;
      String body = line.marker() + " " + spread(line.name(), line.note(), space);
      canvas.text(x + 2, y + 1 + i, body, line.role());
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

  static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 3) + "...";
  }

  private void router(Node node, Box at) {
    int x = at.x();
    int y = at.y();
    List<String> lines = List.of("routing", "decision");
    Role border = role(node);
    char fill = nodes.visited(node) ? '=' : '-';
    canvas.text(x, y, "+" + String.valueOf(fill).repeat(ROUTER - 2) + "+", border);
    for (int i = 0; i < lines.size(); i++) {
      canvas.put(x, y + 1 + i, '|', border);
      canvas.text(x + 1, y + 1 + i, pad(lines.get(i), ROUTER - 2), role(node));
      canvas.put(x + ROUTER - 1, y + 1 + i, '|', border);
    }
    canvas.text(x, y + 3, "+" + String.valueOf(fill).repeat(ROUTER - 2) + "+", border);
  }

  private void localProcess(Box at) {
    boolean delivered = nodes.endedAt(Node.LOCAL);
    boolean started = trace.filter(t -> t.packet().isLocal()).isPresent();
    String what = delivered && started ? "starts and ends here"
        : delivered ? "delivered here"
        : started ? "starts here" : "";
    char marker = delivered ? '*' : started ? '>' : ' ';
    Role role = delivered ? Role.ACCEPT : started ? Role.STRONG : Role.DIM;
    box(at, "local process", List.of(new HookBox.Line(marker, what, "", role)), Node.LOCAL);
  }

  private void hookBox(Node node, Box at) {
    Hook hook = node.place().hook().orElseThrow();
    box(at, hook.name(), hookLines.lines(hook, pipeline.stages(hook)), node);
  }

  // ---- legend ------------------------------------------------------------------------------

  private List<String> legend() {
    if (trace.isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.addAll(wrap("Packets that arrive: " + way(Place.ARRIVAL) + ".", WIDTH));
      lines.addAll(wrap("Packets the firewall sends: " + way(Place.LOCAL_PROCESS) + "."
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

  /**
   * The places a packet goes through from {@code start}, in words, as the pipeline's edges lead:
   * {@code PREROUTING, the routing decision, then INPUT (for the firewall itself) or FORWARD and
   * POSTROUTING}. Drops, re-routes and lo are left out; a place with several ways on ends the
   * list, and a routing decision's ways are told as choices.
   */
  private String way(Place start) {
    List<String> names = new ArrayList<>();
    Place at = start;
    while (true) {
      List<Edge> on = pipeline.from(at).stream()
          .filter(e -> e.way() != Way.DROP && e.way() != Way.REROUTE && e.way() != Way.LOOP)
          .toList();
      if (at != start) {
        names.add(name(at));
      }
      if (at.kind() == Place.Kind.ROUTE && on.size() > 1) {
        List<String> choices = on.stream().map(e -> String.join(" and ", choice(e.to()))
            + (e.way() == Way.LOCAL ? " (for the firewall itself)" : "")).toList();
        return String.join(", ", names) + ", then " + String.join(" or ", choices);
      }
      if (on.size() != 1 || on.get(0).to().kind() == Place.Kind.END) {
        return String.join(", ", names);
      }
      at = on.get(0).to();
    }
  }

  /** The places of one choice of a routing decision, to where the way ends or branches. */
  private List<String> choice(Place first) {
    List<String> names = new ArrayList<>();
    Optional<Place> at = Optional.of(first);
    while (at.isPresent() && at.get().kind() != Place.Kind.END) {
      names.add(name(at.get()));
      List<Edge> on = pipeline.from(at.get()).stream()
          .filter(e -> e.way() == Way.ON || e.way() == Way.OUT).toList();
      at = on.size() == 1 ? Optional.of(on.get(0).to()) : Optional.empty();
    }
    return names;
  }

  private static String name(Place place) {
    return place.kind() == Place.Kind.ROUTE ? "the routing decision" : place.name();
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

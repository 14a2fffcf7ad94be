package org.packetpath.engine.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * The netfilter pipeline of one backend as a graph: the places a packet can be ({@link Place})
 * joined by labelled {@link Edge}s, and the order of everything that happens at each hook. The
 * single source of truth for the simulator, which walks it, and for the views, which lay it out.
 *
 * <pre>
 * ARRIVAL -&gt; PREROUTING -&gt; INPUT_ROUTE -local-&gt; INPUT -&gt; LOCAL_PROCESS
 *                                     -forward-&gt; FORWARD -&gt; POSTROUTING -&gt; DEPARTURE
 * LOCAL_PROCESS -&gt; OUTPUT_ROUTE -&gt; OUTPUT (-&gt; REROUTE -&gt; OUTPUT) -&gt; POSTROUTING
 * POSTROUTING -lo-&gt; LOOPBACK -&gt; PREROUTING
 * every hook and routing decision -drop-&gt; DROP
 * </pre>
 *
 * <p>What runs at each hook, by priority:
 *
 * <pre>
 * PREROUTING   raw -300, conntrack -200, mangle -150, nat (DNAT) -100
 * INPUT        mangle -150, filter 0, security 50 (legacy), nat (SNAT) 100, security 150 (nft),
 *              confirm
 * FORWARD      mangle -150, filter 0, security 50/150
 * OUTPUT       raw -300, conntrack -200, mangle -150, nat (DNAT) -100, filter 0, security
 * POSTROUTING  mangle -150, nat (SNAT) 100, confirm
 * </pre>
 *
 * <p>Immutable.
 */
public final class Pipeline {
  public static final int RAW = -300;
  public static final int CONNTRACK = -200;
  public static final int MANGLE = -150;
  public static final int NAT_DST = -100;
  public static final int FILTER = 0;
  public static final int NAT_SRC = 100;
  public static final int CONFIRM = Integer.MAX_VALUE;

  private static final Map<Backend, Pipeline> PIPELINES = new EnumMap<>(Backend.class);

  static {
    for (Backend b : Backend.values()) {
      PIPELINES.put(b, new Pipeline(b, stagesOf(b), kernelPaths()));
    }
  }

  private final Backend backend;
  private final Map<Hook, List<Stage>> stages;
  private final List<Edge> edges;
  private final Set<Place> places;
  /** Where each way out of each place leads: {@link #next} without a search. */
  private final Map<Place, Map<Way, Place>> ways = new EnumMap<>(Place.class);

  private Pipeline(Backend backend, Map<Hook, List<Stage>> stages, List<Edge> edges) {
    this.backend = backend;
    this.stages = stages;
    this.edges = List.copyOf(edges);
    Set<Place> at = EnumSet.noneOf(Place.class);
    for (Edge e : edges) {
      at.add(e.from());
      at.add(e.to());
    }
    this.places = Set.copyOf(at);
    for (Edge e : this.edges) {
      ways.computeIfAbsent(e.from(), p -> new EnumMap<>(Way.class)).putIfAbsent(e.way(), e.to());
    }
  }

  /** The pipeline of {@code backend}. */
  public static Pipeline of(Backend backend) {
    return PIPELINES.get(backend);
  }

  public Backend backend() {
    return backend;
  }

  /** Everything that happens at {@code hook}, in priority order; empty for a hook not here. */
  public List<Stage> stages(Hook hook) {
    return stages.getOrDefault(hook, List.of());
  }

  /** The tables at {@code hook}, in the order their chains are traversed. */
  public List<Table> tables(Hook hook) {
    return stages(hook).stream()
        .filter(s -> s.kind() == Stage.Kind.CHAIN)
        .map(s -> s.table().orElseThrow())
        .toList();
  }

  /** Every edge, grouped by the place it leaves. */
  public List<Edge> edges() {
    return edges;
  }

  /** Whether {@code place} is part of this pipeline. */
  public boolean has(Place place) {
    return places.contains(place);
  }

  /** The edges that leave {@code place}. */
  public List<Edge> from(Place place) {
    return edges.stream().filter(e -> e.from() == place).toList();
  }

  /** The edge from {@code from} to {@code to}, if the pipeline has one. */
  public Optional<Edge> edge(Place from, Place to) {
    return edges.stream().filter(e -> e.from() == from && e.to() == to).findFirst();
  }

  /**
   * Where a packet that leaves {@code place} by {@code way} comes to next.
   *
   * @throws IllegalStateException when no edge leaves {@code place} that way: the simulator asked
   *     for a path the kernel does not have
   */
  public Place next(Place place, Way way) {
    Place to = ways.getOrDefault(place, Map.of()).get(way);
    if (to == null) {
      throw new IllegalStateException("no way " + way + " out of " + place);
    }
    return to;
  }

  /**
   * This pipeline without {@code hook}: what led to the hook leads to where the hook led when it
   * accepted. For tests and what-if teaching, never a kernel's pipeline.
   */
  Pipeline without(Hook hook) {
    Place gone = Place.of(hook);
    Place after = next(gone, Way.ON);
    List<Edge> kept = new ArrayList<>();
    for (Edge e : edges) {
      if (e.from() == gone) {
        continue;
      }
      Place to = e.to() == gone ? after : e.to();
      if (to != e.from()) {
        kept.add(new Edge(e.from(), e.way(), to, e.label()));
      }
    }
    Map<Hook, List<Stage>> left = new EnumMap<>(stages);
    left.remove(hook);
    return new Pipeline(backend, left, kept);
  }

  /** The kernel's paths (netfilter reference, sections 2.1 and 2.4), the same for backends. */
  private static List<Edge> kernelPaths() {
    String rules = "DROP or REJECT";
    return List.of(
        new Edge(Place.ARRIVAL, Way.ON, Place.PREROUTING, "in"),
        new Edge(Place.PREROUTING, Way.ON, Place.INPUT_ROUTE, "accepted"),
        new Edge(Place.PREROUTING, Way.DROP, Place.DROP, rules),
        new Edge(Place.INPUT_ROUTE, Way.LOCAL, Place.INPUT, "local"),
        new Edge(Place.INPUT_ROUTE, Way.FORWARD, Place.FORWARD, "forward"),
        new Edge(Place.INPUT_ROUTE, Way.DROP, Place.DROP,
            "no route, rp_filter, ip_forward=0, martian, multicast, TTL exceeded"),
        new Edge(Place.INPUT, Way.ON, Place.LOCAL_PROCESS, "accepted"),
        new Edge(Place.INPUT, Way.DROP, Place.DROP, rules),
        new Edge(Place.FORWARD, Way.ON, Place.POSTROUTING, "accepted"),
        new Edge(Place.FORWARD, Way.DROP, Place.DROP, rules),
        new Edge(Place.LOCAL_PROCESS, Way.ON, Place.OUTPUT_ROUTE, "sends"),
        new Edge(Place.OUTPUT_ROUTE, Way.ON, Place.OUTPUT, "out an interface or lo"),
        new Edge(Place.OUTPUT_ROUTE, Way.DROP, Place.DROP, "no route"),
        new Edge(Place.OUTPUT, Way.ON, Place.POSTROUTING, "accepted"),
        new Edge(Place.OUTPUT, Way.REROUTE, Place.REROUTE, "mangle or nat OUTPUT changed it"),
        new Edge(Place.OUTPUT, Way.DROP, Place.DROP, rules),
        new Edge(Place.REROUTE, Way.ON, Place.OUTPUT, "the rest of OUTPUT"),
        new Edge(Place.REROUTE, Way.DROP, Place.DROP, "no route"),
        new Edge(Place.POSTROUTING, Way.OUT, Place.DEPARTURE, "out"),
        new Edge(Place.POSTROUTING, Way.LOOP, Place.LOOPBACK, "out lo"),
        new Edge(Place.POSTROUTING, Way.DROP, Place.DROP, rules),
        new Edge(Place.LOOPBACK, Way.ON, Place.PREROUTING, "in lo"));
  }

  private static Map<Hook, List<Stage>> stagesOf(Backend backend) {
    Map<Hook, List<Stage>> stages = new EnumMap<>(Hook.class);
    for (Hook hook : Hook.values()) {
      List<Stage> list = new ArrayList<>();
      for (Table table : Table.values()) {
        if (table.builtinHooks().contains(hook)) {
          list.add(Stage.chain(hook, table, priority(backend, table, hook)));
        }
      }
      if (hook == Hook.PREROUTING || hook == Hook.OUTPUT) {
        list.add(Stage.kernel(hook, Stage.Kind.CONNTRACK, CONNTRACK));
      }
      if (hook == Hook.INPUT || hook == Hook.POSTROUTING) {
        list.add(Stage.kernel(hook, Stage.Kind.CONFIRM, CONFIRM));
      }
      list.sort(Comparator.comparingInt(Stage::priority));
      stages.put(hook, List.copyOf(list));
    }
    return stages;
  }

  private static int priority(Backend backend, Table table, Hook hook) {
    return switch (table) {
      case RAW -> RAW;
      case MANGLE -> MANGLE;
      case NAT -> hook == Hook.PREROUTING || hook == Hook.OUTPUT ? NAT_DST : NAT_SRC;
      case FILTER -> FILTER;
      case SECURITY -> backend.securityPriority();
    };
  }
}

package org.packetpath.engine.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * The order of everything that happens at each hook, for one backend: the single source of
 * truth for the simulator, the traces and the diagrams.
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
 * <p>Between the hooks sit the routing decisions: after PREROUTING (local, forward or drop),
 * before OUTPUT (the egress interface and source address), and again after mangle or nat OUTPUT
 * change the packet.
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
      PIPELINES.put(b, new Pipeline(b));
    }
  }

  private final Backend backend;
  private final Map<Hook, List<Stage>> stages = new EnumMap<>(Hook.class);

  private Pipeline(Backend backend) {
    this.backend = backend;
    for (Hook hook : Hook.values()) {
      List<Stage> list = new ArrayList<>();
      for (Table table : Table.values()) {
        if (table.builtinHooks().contains(hook)) {
          list.add(Stage.chain(hook, table, priority(table, hook)));
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
  }

  /** The pipeline of {@code backend}. */
  public static Pipeline of(Backend backend) {
    return PIPELINES.get(backend);
  }

  public Backend backend() {
    return backend;
  }

  /** Everything that happens at {@code hook}, in priority order. */
  public List<Stage> stages(Hook hook) {
    return stages.get(hook);
  }

  /** The tables at {@code hook}, in the order their chains are traversed. */
  public List<Table> tables(Hook hook) {
    return stages.get(hook).stream()
        .filter(s -> s.kind() == Stage.Kind.CHAIN)
        .map(s -> s.table().orElseThrow())
        .toList();
  }

  private int priority(Table table, Hook hook) {
    return switch (table) {
      case RAW -> RAW;
      case MANGLE -> MANGLE;
      case NAT -> hook == Hook.PREROUTING || hook == Hook.OUTPUT ? NAT_DST : NAT_SRC;
      case FILTER -> FILTER;
      case SECURITY -> backend.securityPriority();
    };
  }
}

package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code cluster} match: which node of a cluster a connection's hash falls to. */
final class Cluster {
  private static final String TOTAL = "--cluster-total-nodes";
  private static final String NODE = "--cluster-local-node";
  private static final String NODEMASK = "--cluster-local-nodemask";
  private static final String SEED = "--cluster-hash-seed";
  /** {@code XT_CLUSTER_NODES_MAX}. */
  private static final long NODES_MAX = 32;

  private Cluster() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("cluster",
            OptionSpec.one(NODEMASK, a -> number(NODEMASK, a, 1, NODES_MAX)).negatable(),
            OptionSpec.one(TOTAL, a -> number(TOTAL, a, 1, NODES_MAX)),
            OptionSpec.one(SEED, a -> number(SEED, a, 0, Args.U32)),
            OptionSpec.one(NODE, a -> number(NODE, a, 1, NODES_MAX)).negatable())
        .withSaveOrder()
        .checkedBy(Cluster::check)
        .withRules(OptionRules.of(TOTAL, NODE, NODEMASK, SEED)
            .mandatory(TOTAL).mandatory(SEED).excludes(NODE, NODEMASK).excludes(NODEMASK, NODE))
        .withFinisher((rule, options) -> canonical(options))
        .meaning(Cluster::meaning);
  }

  private static String number(String option, String text, long min, long max)
      throws ArgException {
    return Long.toString(XtNumbers.xtUnsigned("cluster", option, text, min, max));
  }

  /** libxt_cluster's final check, before the option table's rules. */
  private static List<Option> check(RuleContext rule, List<Option> options) throws ArgException {
    boolean node = Args.has(options, NODE);
    boolean nodemask = Args.has(options, NODEMASK);
    if (Args.has(options, TOTAL) && Args.has(options, SEED) && (node || nodemask)) {
      long total = value(options, TOTAL);
      if (mask(options) >= 1L << total) {
        throw new ArgException(node
                ? "cluster match: `--cluster-local-node' must be <= `--cluster-total-nodes'"
                : "cluster match: `--cluster-local-nodemask' too big for"
                    + " `--cluster-total-nodes'")
            .explained("the cluster has " + total + " node(s), numbered from 1");
      }
      return options;
    }
    if (!node && !nodemask) {
      throw new ArgException("cluster match: `--cluster-local-node' or"
              + "`--cluster-local-nodemask' is missing")
          .explained("say which node this firewall is, as in --cluster-local-node 1");
    }
    return options;
  }

  private static long value(List<Option> options, String name) {
    return Long.parseLong(Args.find(options, name).orElseThrow().arg());
  }

  /** The node mask: {@code --cluster-local-node N} is bit N-1. */
  private static long mask(List<Option> options) {
    return Args.find(options, NODE).map(o -> 1L << (Long.parseLong(o.arg()) - 1))
        .orElseGet(() -> value(options, NODEMASK));
  }

  /** As iptables-save prints it: the node mask, total and seed, the numbers in 8 hex digits. */
  private static List<Option> canonical(List<Option> options) {
    boolean negated = options.stream().anyMatch(o -> o.negated()
        && (o.name().equals(NODE) || o.name().equals(NODEMASK)));
    List<Option> out = new ArrayList<>();
    out.add(new Option(NODEMASK, negated, List.of(hex8(mask(options)))));
    out.add(Option.of(TOTAL, Long.toString(value(options, TOTAL))));
    out.add(Option.of(SEED, hex8(value(options, SEED))));
    return out;
  }

  private static String hex8(long value) {
    return String.format("0x%08x", value);
  }

  /**
   * As {@code xt_cluster} decides: the Jenkins hash of the connection's original source
   * address with the seed, scaled to the number of nodes, must be one of the node mask's nodes
   * ({@code !} inverts it); a packet without a connection never matches.
   */
  private static Condition meaning(List<Option> options) {
    Option mask = options.get(0);
    int total = Integer.parseInt(options.get(1).arg());
    long seed = Meanings.number(options.get(2).arg());
    Condition hashed = new Condition.Opaque("cluster", "the node the hash of the connection's"
        + " source address falls to", new Condition.ClusterNode(total,
            Meanings.number(mask.arg()), seed));
    return Condition.all(new Condition.HasConnection(), Condition.not(mask.negated(), hashed));
  }
}

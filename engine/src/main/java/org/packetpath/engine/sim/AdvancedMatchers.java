package org.packetpath.engine.sim;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.topology.AddressSet;
import org.packetpath.engine.topology.RouteLookup;
import org.packetpath.engine.topology.Topology;

/**
 * The stateful and special matches: {@code recent}, {@code hashlimit}, {@code set}, {@code
 * statistic}, {@code physdev}, {@code policy} and {@code rpfilter}. Those the parser marks as
 * not simulated get exactly the fixed treatment its warning describes; {@code set} and {@code
 * rpfilter} are evaluated as the kernel does, on the topology's sets and routes.
 */
final class AdvancedMatchers {
  private AdvancedMatchers() {}

  static Map<String, Matchers.ModuleCompiler> all() {
    return Map.of(
        "recent", (m, t) -> recent(m),
        "hashlimit", (m, t) -> hashlimit(m),
        "set", AdvancedMatchers::set,
        "statistic", (m, t) -> statistic(m),
        "physdev", (m, t) -> physdev(m),
        "policy", (m, t) -> policy(m),
        "rpfilter", AdvancedMatchers::rpfilter);
  }

  private static boolean has(Match m, String option) {
    return m.option(option).isPresent();
  }

  // ---- recent --------------------------------------------------------------------------------

  /**
   * Not simulated: no address lists are kept, so {@code --rcheck}, {@code --update} and {@code
   * --remove} find no entry and do not match ({@code !} makes them match), and {@code --set}
   * always matches ({@code ! --set} never does). The other options only refine a lookup that
   * finds nothing.
   */
  private static Predicate<Visit> recent(Match m) {
    Option command = m.options().get(0);
    boolean matches = command.name().equals("--set") != command.negated();
    return v -> matches;
  }

  // ---- hashlimit -----------------------------------------------------------------------------

  /**
   * Not simulated: every flow is under its limit, so {@code --hashlimit-upto} matches and
   * {@code --hashlimit-above} does not ({@code ! --hashlimit-upto} is printed, and read, as
   * {@code --hashlimit-above}).
   */
  private static Predicate<Visit> hashlimit(Match m) {
    boolean upto = has(m, "--hashlimit-upto");
    return v -> upto;
  }

  // ---- set -----------------------------------------------------------------------------------

  /**
   * Looks the packet's source or destination up in the topology's set of that name, as {@code
   * ip_set_test} does; {@code hash:ip} and {@code hash:net} have one dimension, so only the first
   * of the {@code src,dst} flags counts. A set the topology does not have is taken as empty.
   * The topology's sets are created without the {@code counters} option, and the kernel ignores
   * {@code --packets-*} and {@code --bytes-*} for such sets; they have no {@code nomatch}
   * entries either, so {@code --return-nomatch} changes nothing, and there are no counters for
   * {@code ! --update-counters} to hold still.
   */
  private static Predicate<Visit> set(Match m, Topology topology) {
    Option matchSet = m.option("--match-set").orElseThrow();
    Optional<AddressSet> set = topology.set(matchSet.args().get(0));
    boolean source = matchSet.args().get(1).split(",")[0].equals("src");
    Predicate<Visit> member = v -> {
      int address = source ? v.packet().source() : v.packet().destination();
      return set.filter(s -> s.contains(address)).isPresent();
    };
    return Matchers.negate(matchSet.negated(), member);
  }

  // ---- statistic -----------------------------------------------------------------------------

  /**
   * Not simulated as chance: {@code --mode random} takes its likelier outcome and matches when
   * {@code --probability} is 0.5 or more ({@code !} inverts this). {@code --mode nth} counts the
   * packets that reach the match, in a counter the compiled rule owns, as the kernel does:
   * {@code --every n --packet p} matches packets p+1, p+1+n, p+1+2n … counted from 1.
   */
  private static Predicate<Visit> statistic(Match m) {
    String mode = m.option("--mode").orElseThrow().arg();
    if (mode.equals("random")) {
      Option p = m.option("--probability").orElseThrow();
      boolean likely = Double.parseDouble(p.arg()) >= 0.5;
      boolean matches = likely != p.negated();
      return v -> matches;
    }
    Option every = m.option("--every").orElseThrow();
    long packet = m.option("--packet").map(o -> Long.parseLong(o.arg())).orElse(0L);
    Nth nth = new Nth(Long.parseLong(every.arg()), packet);
    boolean negated = every.negated();
    return v -> nth.next() != negated;
  }

  /** The packet counter of one {@code --mode nth} match; mutable, owned by the compiled rule. */
  static final class Nth {
    private final long every;
    private final long packet;
    private long count;

    Nth(long every, long packet) {
      this.every = every;
      this.packet = packet;
      this.count = every - 1;
    }

    /** Counts one more packet; whether it is the chosen one of its group. */
    boolean next() {
      count = count == every - 1 ? 0 : count + 1;
      return count == packet;
    }
  }

  // ---- physdev and policy --------------------------------------------------------------------

  /**
   * Not simulated: no packet crosses a bridge, so, as in the kernel for packets that did not,
   * the match succeeds only when every option in it is negated.
   */
  private static Predicate<Visit> physdev(Match m) {
    boolean allNegated = m.options().stream().allMatch(Option::negated);
    return v -> allNegated;
  }

  /** Not simulated: no packet is IPsec-processed; {@code --pol none} matches, ipsec does not. */
  private static Predicate<Visit> policy(Match m) {
    boolean none = m.option("--pol").map(o -> o.arg().equals("none")).orElse(false);
    return v -> none;
  }

  // ---- rpfilter ------------------------------------------------------------------------------

  /**
   * Reverse path filtering as {@code xt_rpfilter} does it, on the topology's routes: packets on
   * {@code lo}, and from 0.0.0.0 to 255.255.255.255 or 224.0.0.0/24, pass; otherwise the route
   * back to the source must be a unicast route out of the interface the packet came in by (any
   * interface with {@code --loose}). A source that is the firewall's own address passes only
   * with {@code --accept-local}, and then through the interface that owns it; a broadcast
   * address or a source without a route never passes. {@code --validmark} puts the packet's mark
   * into the lookup, which changes nothing here: the topology has no rules that route by mark.
   * {@code --invert} inverts the result. The sysctl rp_filter plays no part.
   */
  private static Predicate<Visit> rpfilter(Match m, Topology topology) {
    boolean loose = has(m, "--loose");
    boolean acceptLocal = has(m, "--accept-local");
    boolean invert = has(m, "--invert");
    return v -> reversePathOk(v, topology, loose, acceptLocal) != invert;
  }

  private static boolean reversePathOk(Visit v, Topology topology, boolean loose,
      boolean acceptLocal) {
    String in = v.in().orElse("");
    if (in.equals("lo") || v.in().isEmpty()) {
      return true;
    }
    int src = v.packet().source();
    int dst = v.packet().destination();
    if (src == 0 && (dst == -1 || (dst & 0xffffff00) == 0xe0000000)) {
      return true;
    }
    Optional<LocalTable.Entry> local = LocalTable.lookup(topology, src);
    String device;
    if (local.isPresent()) {
      if (local.get().type() != LocalTable.Type.LOCAL || !acceptLocal) {
        return false;
      }
      device = local.get().device().name();
    } else {
      Optional<RouteLookup> back = topology.route(src);
      if (back.isEmpty()) {
        return false;
      }
      device = back.get().device().name();
    }
    return loose || device.equals(in);
  }
}

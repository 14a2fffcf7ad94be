package org.packetpath.engine.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.engine.rules.Target;

/**
 * A table's jumps as a graph of chains, for the checks the kernel makes on it: loops, how deep
 * chains nest, and which built-in chains reach each chain. Every walk keeps a stack of its own:
 * the input decides how deep chains nest.
 */
final class JumpGraph {
  private JumpGraph() {}

  /** How a chain is reached from a built-in chain: the hook and the jump rules on the way. */
  record Reach(Hook hook, List<Rule> path) {}

  /** A rule of chain {@code from} that jumps or goes to chain {@code to}. */
  record Jump(String from, String to, Rule rule) {}

  /** Each chain's jumps, in rule order. */
  static Map<String, List<Jump>> byChain(TableRules table) {
    Map<String, List<Jump>> jumps = new HashMap<>();
    table.chains().parallelStream().map(JumpGraph::jumps)
        .forEachOrdered(j -> jumps.put(j.getKey(), j.getValue()));
    return jumps;
  }

  /** The jumps of {@code chain}, in rule order. */
  private static Map.Entry<String, List<Jump>> jumps(Chain chain) {
    List<Jump> out = new ArrayList<>();
    for (Rule r : chain.rules()) {
      Optional<Target> t = r.target();
      if (t.isPresent() && t.get().isChainTarget()) {
        out.add(new Jump(chain.name(), t.get().name(), r));
      }
    }
    return Map.entry(chain.name(), out);
  }

  /** All of {@code jumps} in line order. */
  static List<Jump> inLineOrder(Map<String, List<Jump>> jumps) {
    List<Jump> all = new ArrayList<>();
    jumps.values().forEach(all::addAll);
    all.sort(Comparator.comparingInt(j -> j.rule().origin().line()));
    return all;
  }

  /** For each chain, the hooks it is reached from, each by the first path found. */
  static Map<String, Map<Hook, Reach>> reachability(TableRules table,
      Map<String, List<Jump>> jumps) {
    Map<String, Map<Hook, Reach>> reach = new HashMap<>();
    Deque<String> work = new ArrayDeque<>();
    for (Hook hook : table.table().builtinHooks()) {
      reach.computeIfAbsent(hook.name(), k -> new LinkedHashMap<>())
          .put(hook, new Reach(hook, List.of()));
      work.add(hook.name());
    }
    while (!work.isEmpty()) {
      String name = work.poll();
      for (Jump jump : jumps.getOrDefault(name, List.of())) {
        Map<Hook, Reach> into = reach.computeIfAbsent(jump.to(), k -> new LinkedHashMap<>());
        boolean grew = false;
        for (Reach r : reach.get(name).values()) {
          if (!into.containsKey(r.hook())) {
            List<Rule> path = new ArrayList<>(r.path());
            path.add(jump.rule());
            into.put(r.hook(), new Reach(r.hook(), path));
            grew = true;
          }
        }
        if (grew) {
          work.add(jump.to());
        }
      }
    }
    return reach;
  }

  /**
   * The position of the first of {@code jumps} (in line order) by which they fail {@code fails},
   * a test that more jumps never make pass again; -1 when they pass. A binary search, so that a
   * large table is tested a few times rather than once per jump.
   */
  static int firstFailing(List<Jump> jumps, Predicate<List<Jump>> fails) {
    if (!fails.test(jumps)) {
      return -1;
    }
    int lo = 1;
    int hi = jumps.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (fails.test(jumps.subList(0, mid))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo - 1;
  }

  /**
   * The longest path of {@code jumps} from a built-in chain, as chain names; the jumps hold no
   * loop reachable from one. Walked with a stack of its own, as chains can nest deeply.
   */
  static List<String> deepest(Table table, List<Jump> jumps) {
    Map<String, List<String>> edges = new HashMap<>();
    for (Jump j : jumps) {
      edges.computeIfAbsent(j.from(), k -> new ArrayList<>()).add(j.to());
    }
    Map<String, Integer> height = new HashMap<>(); // chains on the longest path down, itself too
    Map<String, String> below = new HashMap<>();
    for (Hook hook : table.builtinHooks()) {
      Deque<String> stack = new ArrayDeque<>(List.of(hook.name()));
      while (!stack.isEmpty()) {
        String chain = stack.peek();
        List<String> next = edges.getOrDefault(chain, List.of());
        boolean ready = true;
        for (String n : next) {
          if (!height.containsKey(n)) {
            stack.push(n);
            ready = false;
          }
        }
        if (!ready) {
          continue;
        }
        stack.pop();
        int best = 0;
        for (String n : next) {
          if (height.get(n) > best) {
            best = height.get(n);
            below.put(chain, n);
          }
        }
        height.put(chain, best + 1);
      }
    }
    String top = null;
    for (Hook hook : table.builtinHooks()) {
      if (top == null || height.get(hook.name()) > height.get(top)) {
        top = hook.name();
      }
    }
    List<String> path = new ArrayList<>();
    for (String c = top; c != null; c = below.get(c)) {
      path.add(c);
    }
    return path;
  }

  /** A cycle reachable from a built-in chain using only {@code jumps}, as chain names. */
  static Optional<List<String>> loop(Table table, List<Jump> jumps) {
    Map<String, List<String>> edges = new HashMap<>();
    for (Jump j : jumps) {
      edges.computeIfAbsent(j.from(), k -> new ArrayList<>()).add(j.to());
    }
    Set<String> done = new HashSet<>();
    for (Hook hook : table.builtinHooks()) {
      Optional<List<String>> cycle = cycleFrom(hook.name(), edges, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  /**
   * The first cycle a depth-first walk from {@code start} meets, as the chain names from
   * {@code start} to the chain met again; chains in {@code done} were walked before and are
   * known to lead to none. The walk keeps its own stack: chains can be nested deeper than a
   * thread's stack.
   */
  private static Optional<List<String>> cycleFrom(String start, Map<String, List<String>> edges,
      Set<String> done) {
    if (done.contains(start)) {
      return Optional.empty();
    }
    Deque<String> path = new ArrayDeque<>();
    Deque<Iterator<String>> next = new ArrayDeque<>();
    Set<String> onPath = new HashSet<>();
    path.push(start);
    onPath.add(start);
    next.push(edges.getOrDefault(start, List.of()).iterator());
    while (!next.isEmpty()) {
      Iterator<String> it = next.peek();
      if (!it.hasNext()) {
        String finished = path.pop();
        onPath.remove(finished);
        done.add(finished);
        next.pop();
        continue;
      }
      String chain = it.next();
      if (onPath.contains(chain)) {
        List<String> cycle = new ArrayList<>(path);
        Collections.reverse(cycle);
        cycle.add(chain);
        return Optional.of(cycle);
      }
      if (!done.contains(chain)) {
        path.push(chain);
        onPath.add(chain);
        next.push(edges.getOrDefault(chain, List.of()).iterator());
      }
    }
    return Optional.empty();
  }
}

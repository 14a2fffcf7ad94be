package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.parse.JumpGraph.Jump;
import org.packetpath.engine.parse.JumpGraph.Reach;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Match;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.engine.rules.Target;

/**
 * The checks the kernel makes when a whole table is committed: jump loops reachable from a
 * built-in chain, and extensions used from tables or hooks they do not support, also through
 * user chains. Also warns about extensions the simulator does not model.
 */
final class Validator {
  private final List<String> lines;
  private final Diagnostics diagnostics;
  private final Backend backend;
  /** The first warning about each module that is not simulated, by module. */
  private final Map<String, Diagnostic> notSimulated = new LinkedHashMap<>();

  /** How many chains deep the nf_tables backend lets jumps go, a built-in chain the first. */
  static final int NFT_JUMP_LEVELS = 16;

  private Validator(List<String> lines, Diagnostics diagnostics, Backend backend) {
    this.lines = lines;
    this.diagnostics = diagnostics;
    this.backend = backend;
  }

  static void validate(Ruleset ruleset, List<String> lines, Diagnostics diagnostics,
      Backend backend) {
    Set<String> warned = new HashSet<>();
    for (TableRules table : ruleset.tables()) {
      new Validator(lines, diagnostics, backend).table(table, warned);
    }
  }

  /**
   * Checks {@code table}; {@code warned} holds the modules already warned about as not
   * simulated. The chains' rules are checked in parallel, each chain on its own, and what they
   * found is reported in chain order, as if they had been checked one after the other.
   */
  private void table(TableRules table, Set<String> warned) {
    Map<String, List<Jump>> jumps = JumpGraph.byChain(table);
    List<Jump> inOrder = JumpGraph.inLineOrder(jumps);
    if (findLoop(table.table(), inOrder)
        || (backend == Backend.NFT && findTooDeep(table.table(), inOrder))) {
      return;
    }
    Map<String, Map<Hook, Reach>> reach = JumpGraph.reachability(table, jumps);
    List<Validator> checked = table.chains().parallelStream().map(chain -> {
      Validator v = new Validator(lines, new Diagnostics(), backend);
      Map<Hook, Reach> hooks = reach.getOrDefault(chain.name(), Map.of());
      for (Rule rule : chain.rules()) {
        v.checkRule(table.table(), chain, rule, hooks);
      }
      return v;
    }).toList();
    for (Validator v : checked) {
      v.diagnostics.list().forEach(diagnostics::add);
      v.notSimulated.forEach((module, warning) -> {
        if (warned.add(module)) {
          diagnostics.add(warning);
        }
      });
    }
  }

  private void checkRule(Table table, Chain chain, Rule rule, Map<Hook, Reach> hooks) {
    for (Match match : rule.matches()) {
      Optional<ModuleSpec> spec = Extensions.match(match.module());
      if (spec.isPresent()) {
        checkPlacement(table, chain, rule, spec.get(), hooks, match.module());
      }
    }
    if (rule.target().isPresent() && rule.target().get().kind() == Target.Kind.EXTENSION) {
      String name = rule.target().get().name();
      Optional<ModuleSpec> spec = Extensions.target(name);
      if (spec.isPresent()) {
        checkPlacement(table, chain, rule, spec.get(), hooks, name);
      }
    }
    checkInterface(chain, rule, hooks, "-i", Hook::knowsInInterface, "in-interface");
    checkInterface(chain, rule, hooks, "-o", Hook::knowsOutInterface, "out-interface");
  }

  private void checkInterface(Chain chain, Rule rule, Map<Hook, Reach> hooks, String flag,
      Predicate<Hook> known, String longName) {
    if (!hasPlainOption(rule, flag)) {
      return; // a negated interface test simply always matches where there is no interface
    }
    List<Hook> bad = new ArrayList<>();
    for (Hook h : hooks.keySet()) {
      if (!known.test(h)) {
        bad.add(h);
      }
    }
    if (bad.isEmpty()) {
      return;
    }
    SourcePosition at = column(rule, " " + flag + " ", " --" + longName + " ");
    String where = bad.stream().map(Hook::name).collect(Collectors.joining("/"));
    String why = flag.equals("-i")
        ? "packets at " + where + " have not come in through an interface yet"
        : "packets at " + where + " have not been routed to an outgoing interface yet";
    if (chain.isBuiltin()) {
      diagnostics.add(Diagnostic.error(at, line(at), "Can't use " + flag + " with " + chain.name())
          .explained(why));
    } else {
      diagnostics.add(Diagnostic.warning(at, line(at), flag + " in chain " + chain.name()
          + " never matches when it is reached from " + where)
          .explained(why + " (reached via " + describe(hooks.get(bad.get(0)).path()) + ")"));
    }
  }

  /** Whether {@code rule} has base option {@code flag} without {@code !}. */
  private static boolean hasPlainOption(Rule rule, String flag) {
    for (Option o : rule.base()) {
      if (o.name().equals(flag)) {
        return !o.negated();
      }
    }
    return false;
  }

  /** Checks where {@code -m name} or {@code -j name} of {@code spec} is used. */
  private void checkPlacement(Table table, Chain chain, Rule rule, ModuleSpec spec,
      Map<Hook, Reach> hooks, String name) {
    if (!spec.tables().isEmpty() && !spec.tables().contains(table)) {
      SourcePosition at = usedAt(rule, spec, name);
      String allowed = spec.tables().stream().sorted().map(Table::label)
          .collect(Collectors.joining("/"));
      diagnostics.add(Diagnostic.error(at, line(at), label(spec) + ": only valid in " + allowed
          + " table, not " + table.label())
          .explained("iptables-restore: RULE_APPEND failed (Invalid argument); " + spec.name()
              + " can only be used in the " + allowed + " table"));
      return;
    }
    if (!spec.hooks().isEmpty()) {
      Set<Hook> bad = EnumSet.noneOf(Hook.class);
      for (Hook h : hooks.keySet()) {
        if (!spec.hooks().contains(h)) {
          bad.add(h);
        }
      }
      if (!bad.isEmpty()) {
        Reach reach = hooks.get(bad.iterator().next());
        SourcePosition failing = latest(rule, reach.path(), usedAt(rule, spec, name));
        String used = bad.stream().map(Hook::name).collect(Collectors.joining("/"));
        String allowed = spec.hooks().stream().sorted().map(Hook::name)
            .collect(Collectors.joining("/"));
        String via = reach.path().isEmpty() ? "" : " (chain " + chain.name() + " is reached via "
            + describe(reach.path()) + ")";
        String verb = spec.kind() == ModuleSpec.Kind.TARGET ? "usable" : "valid";
        diagnostics.add(Diagnostic.error(failing, line(failing), label(spec)
            + ": used from hooks " + used + ", but only " + verb + " from " + allowed)
            .explained("iptables-restore: RULE_APPEND failed (Invalid argument)" + via));
      }
    }
    if (spec.notSimulated().isPresent() && !notSimulated.containsKey(spec.kind() + spec.name())) {
      SourcePosition at = usedAt(rule, spec, name);
      notSimulated.put(spec.kind() + spec.name(), Diagnostic.warning(at, line(at), "module '"
          + spec.name() + "' is not simulated: " + spec.notSimulated().get()));
    }
  }

  /** {@code "tcp match"}, {@code "REJECT target"}. */
  private static String label(ModuleSpec spec) {
    return spec.name() + (spec.kind() == ModuleSpec.Kind.TARGET ? " target" : " match");
  }

  /** Where {@code -m name} or {@code -j name} of {@code spec} is written in {@code rule}'s line. */
  private SourcePosition usedAt(Rule rule, ModuleSpec spec, String name) {
    String usage = (spec.kind() == ModuleSpec.Kind.TARGET ? "-j " : "-m ") + name;
    return column(rule, " " + usage + " ", " " + usage);
  }

  private SourcePosition latest(Rule rule, List<Rule> path, SourcePosition at) {
    SourcePosition best = at;
    for (Rule jump : path) {
      if (jump.origin().line() > best.line()) {
        best = jump.origin();
      }
    }
    return best;
  }

  private static String describe(List<Rule> path) {
    return path.stream()
        .map(r -> "line " + r.origin().line() + " (-j " + r.target().get().name() + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * Detects a jump loop reachable from a built-in chain; reports it at the rule closing it: the
   * first line by which the jumps written so far hold a loop.
   */
  private boolean findLoop(Table table, List<Jump> jumps) {
    int closing = JumpGraph.firstFailing(jumps, prefix -> JumpGraph.loop(table, prefix).isPresent());
    if (closing < 0) {
      return false;
    }
    SourcePosition at = jumps.get(closing).rule().origin();
    String cycle = String.join(" -> ", JumpGraph.loop(table, jumps.subList(0, closing + 1)).orElseThrow());
    diagnostics.add(Diagnostic.error(at, line(at), "Too many links")
        .explained("these jumps go round in a circle: " + cycle
            + "; the kernel refuses a loop that packets could enter"));
    return true;
  }

  /**
   * On the nf_tables backend, detects chains nested {@link #NFT_JUMP_LEVELS} deep below a
   * built-in chain; reports it at the jump that first nests them so deep, in line order.
   */
  private boolean findTooDeep(Table table, List<Jump> jumps) {
    int deepening = JumpGraph.firstFailing(jumps, prefix -> JumpGraph.deepest(table, prefix).size() > NFT_JUMP_LEVELS);
    if (deepening < 0) {
      return false;
    }
    Jump jump = jumps.get(deepening);
    SourcePosition at = jump.rule().origin();
    List<String> path = JumpGraph.deepest(table, jumps.subList(0, deepening + 1));
    diagnostics.add(Diagnostic.error(at, line(at),
            "RULE_APPEND failed (Too many links): rule in chain " + jump.from())
        .explained("nf_tables nests chains at most " + (NFT_JUMP_LEVELS - 1) + " deep below a"
            + " built-in chain, and " + String.join(" -> ", path) + " is " + (path.size() - 1)
            + " deep; iptables-legacy has no such limit"));
    return true;
  }

  private SourcePosition column(Rule rule, String... needles) {
    SourcePosition origin = rule.origin();
    String text = line(origin);
    for (String needle : needles) {
      int i = (text + " ").indexOf(needle);
      if (i >= 0) {
        return origin.atColumn(i + 2);
      }
    }
    return origin;
  }

  private String line(SourcePosition at) {
    int n = at.line();
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}

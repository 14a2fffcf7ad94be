package org.packetpath.lab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/**
 * The firewall namespace's iptables, run through the agent: loading a ruleset so that the kernel
 * holds what it restores and nothing else, zeroing the counters, and reading them back from
 * {@code iptables-save -c}.
 *
 * <p>The backends differ in how a table the ruleset does not restore is emptied: iptables-nft
 * deletes it; legacy, which cannot delete a table, flushes every table, deletes its user chains
 * and sets its policies to ACCEPT (legacy keeps the policy of a built-in chain the text does not
 * declare).
 */
final class Iptables {
  private final Backend backend;
  private final String restore;
  private final String save;
  private final Supplier<Agent> agent;
  private final Set<String> loadedTables = new LinkedHashSet<>();

  /** The iptables of {@code backend}, run by the agent {@code agent} gives while the lab is open. */
  Iptables(Backend backend, Supplier<Agent> agent) {
    this.backend = backend;
    this.restore = Tools.require(Tools.restore(backend));
    this.save = Tools.require(Tools.save(backend));
    this.agent = agent;
  }

  /** The program the agent runs after every packet for the counters: {@code iptables-save -c}. */
  Protocol.Program counters() {
    return new Protocol.Program(List.of(save, "-c"), Optional.empty());
  }

  /**
   * Empties every table {@code rulesText} does not restore, then restores it; {@code
   * iptables-restore}'s exit code and error output. The counters are zero afterwards with nft
   * only (it creates every chain anew): {@link #zeroesOnLoad}.
   */
  Load load(String rulesText) {
    Set<String> restored = new LinkedHashSet<>();
    rulesText.lines().map(String::strip).filter(l -> l.startsWith("*"))
        .forEach(l -> restored.add(l.substring(1).strip()));
    String empty = emptyTables(restored);
    if (!empty.isEmpty()) {
      agent.get().exec(restoreCommand(backend == Backend.LEGACY), empty, true);
    }
    Tools.Result result = agent.get().exec(restoreCommand(false), rulesText, false);
    if (backend == Backend.NFT) {
      loadedTables.clear();
      loadedTables.addAll(restored);
    }
    return new Load(result.exitCode(), result.err());
  }

  /** Whether {@link #load} leaves every counter at zero. */
  boolean zeroesOnLoad() {
    return backend == Backend.NFT;
  }

  /** Zeroes the counters of every rule and policy of every table present. */
  void zero() {
    StringBuilder text = new StringBuilder();
    for (String table : presentTables()) {
      text.append('*').append(table).append("\n-Z\nCOMMIT\n");
    }
    if (text.length() > 0) {
      agent.get().exec(restoreCommand(true), text.toString(), true);
    }
  }

  /** What {@code iptables-save} prints now, without counters. */
  String save() {
    return agent.get().exec(List.of(save), "", true).out();
  }

  /**
   * The ruleset with its counters that {@link #counters()} printed; a {@link
   * KernelLabException} when it failed or printed what PacketPath cannot read.
   */
  Ruleset read(Protocol.Ran counters) {
    if (counters.rc() != 0) {
      throw new KernelLabException(save + " -c failed: " + counters.err().strip());
    }
    Parsed<Ruleset> parsed = RulesParser.parse(save + " -c", counters.out(),
        RulesParser.Format.SAVE);
    if (parsed.hasErrors()) {
      throw new KernelLabException("cannot read what " + save + " printed: "
          + String.join("; ", parsed.errors().stream().map(Diagnostic::render).toList())
          + "\n" + counters.out());
    }
    return parsed.value().orElseThrow();
  }

  /** {@code iptables-restore} input emptying what restoring the tables {@code restored} keeps. */
  private String emptyTables(Set<String> restored) {
    StringBuilder out = new StringBuilder();
    for (String table : presentTables()) {
      if (backend == Backend.NFT) {
        if (!restored.contains(table)) {
          out.append('*').append(table).append("\nCOMMIT\n"); // a plain restore deletes it
        }
        continue;
      }
      out.append('*').append(table).append("\n-F\n-X\n");
      Table.byLabel(table).ifPresent(t -> t.builtinHooks()
          .forEach(h -> out.append("-P ").append(h.name()).append(" ACCEPT\n")));
      out.append("COMMIT\n");
    }
    return out.toString();
  }

  private List<String> restoreCommand(boolean noflush) {
    List<String> command = new ArrayList<>(List.of(restore));
    if (backend == Backend.LEGACY) {
      command.add("-w");
    }
    if (noflush) {
      command.add("--noflush");
    }
    return command;
  }

  /**
   * The tables the kernel may hold: with nft those the last load restored (a restore of an
   * absent table creates nothing, but costs a transaction); with legacy those the kernel lists
   * (naming another one would create it).
   */
  private List<String> presentTables() {
    if (backend == Backend.NFT) {
      return List.copyOf(loadedTables);
    }
    String names = agent.get().call(new Protocol.Read("/proc/net/ip_tables_names"),
        Protocol.Text.class).text();
    return names.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}

package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.ext.Corpora;
import org.packetpath.engine.ext.Corpora.Case;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.topology.AddressSet;
import org.packetpath.engine.topology.Topology;

/**
 * The canonical-form corpora against the kernel: every case of every corpus the engine's
 * CanonicalCorpusTest runs ({@link Corpora#names}, so a corpus added there is checked here with
 * no change) is loaded by iptables-nft-restore into the firewall namespace of a kernel lab. A
 * case the corpus records as accepted must load, and iptables-nft-save must print it exactly as
 * the corpus' {@code =>} line says and as PacketPath's canonical printer does. A case recorded
 * as {@code => ERROR message} must be refused on its line: with that message when iptables
 * refused it in user space; when the kernel refused it ({@code line N: RULE_APPEND failed
 * (Invalid argument)}), the corpus gives the kernel's reason from its log, and the refusal is
 * what is compared, as in {@link RejectionConformanceTest}.
 *
 * <p>The accepted cases of a corpus load in one restore (each table once, each rule appended to
 * its chain in corpus order); cases that restore names as failing are taken out and loaded
 * alone, which decides them. The refused cases load alone. A case whose module the running
 * kernel cannot load (iptables warns {@code Extension X revision 0 not supported, missing kernel
 * module?}) is skipped with that reason, also on CI, and counted in the report's notes.
 *
 * <p>The lab has an empty {@code hash:ip} set for every set an accepted case names (the kernel
 * checks only that it exists). {@code -Dpacketpath.corpus=new.corpus,other.corpus} runs only
 * those corpora, also one not yet in the list. The numbers go to {@code
 * target/conformance-report.md} as the row {@value #CATEGORY}.
 */
class CorpusConformanceTest {
  static final String CATEGORY = "canonical corpora = iptables-save (nft)";

  private static final Pattern SET = Pattern.compile("--(?:match|add|del|map)-set (\\S+)");
  private static final Pattern ACCOUNTING = Pattern.compile("--nfacct-name +(\"[^\"]*\"|\\S+)");
  /** The accounting objects the accepted cases name, made in the lab as its sets are. */
  private static Set<String> accounting = Set.of();
  private static final Pattern MISSING = Pattern.compile(
      "Extension (\\S+) revision \\d+ not supported, missing kernel module\\?");
  /** How iptables-nft-restore reports a rule the kernel refused. */
  private static final Pattern BY_KERNEL = Pattern.compile("(?m)^line \\d+: \\S+ failed \\(");

  private static Topology topology = KernelLabTest.TOPOLOGY;
  private static KernelLab lab;
  private static final Map<String, Integer> NOT_LOADABLE = new TreeMap<>();

  /** What the kernel made of one case: the restore, and what iptables-nft-save printed. */
  private record Outcome(Load load, Optional<String> printed) {}

  @AfterAll
  static void closeAndReport() throws IOException {
    if (lab != null) {
      lab.close();
    }
    NOT_LOADABLE.forEach((module, cases) -> ConformanceReport.note(CATEGORY + ": " + cases
        + " case(s) skipped, the kernel here cannot load " + module));
    ConformanceReport.write();
  }

  /** The corpora to check: {@code -Dpacketpath.corpus=a.corpus,b.corpus}, or all of them. */
  static List<String> corpora() {
    String chosen = System.getProperty("packetpath.corpus", "").strip();
    return chosen.isEmpty() ? Corpora.names()
        : Stream.of(chosen.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @TestFactory
  Stream<DynamicNode> corpusCasesAgreeWithTheKernel() {
    KernelLabTest.requireKernel(Backend.NFT);
    Map<String, List<Case>> all = new LinkedHashMap<>();
    List<DynamicNode> nodes = new ArrayList<>();
    for (String corpus : corpora()) {
      Optional<List<Case>> cases = Corpora.read(corpus);
      if (cases.isEmpty()) {
        nodes.add(dynamicTest(corpus, () -> fail("no corpus " + corpus
            + " among the engine's test resources in org/packetpath/engine/ext/")));
      } else {
        all.put(corpus, cases.get());
      }
    }
    List<Case> accepted =
        all.values().stream().flatMap(List::stream).filter(c -> !c.refused()).toList();
    topology = withSets(KernelLabTest.TOPOLOGY, accepted);
    accounting = accountingObjects(accepted);
    all.forEach((corpus, cases) -> {
      Map<Case, Outcome> outcomes = new HashMap<>();
      nodes.add(dynamicContainer(corpus, cases.stream().map(c -> dynamicTest(
          corpus + ":" + c.line() + " " + c.input(), () -> {
            if (outcomes.isEmpty()) {
              outcomes.putAll(load(cases));
            }
            check(c, outcomes.get(c));
          }))));
    });
    return nodes.stream();
  }

  /** {@code base} with an empty hash:ip set for each set the cases name that it lacks. */
  static Topology withSets(Topology base, List<Case> cases) {
    Set<String> names = new LinkedHashSet<>();
    for (Case c : cases) {
      Matcher m = SET.matcher(c.input());
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    List<AddressSet> sets = new ArrayList<>(base.sets());
    base.sets().forEach(s -> names.remove(s.name()));
    for (String name : names) {
      if (validSetName(name)) {
        sets.add(new AddressSet(name, AddressSet.Type.HASH_IP, List.of()));
      }
    }
    return new Topology(base.firewall(), base.interfaces(), base.routes(), base.sysctls(),
        base.services(), base.names(), sets);
  }

  /** The nfacct objects {@code cases} name; the kernel refuses a rule naming a missing one. */
  static Set<String> accountingObjects(List<Case> cases) {
    Set<String> names = new LinkedHashSet<>();
    for (Case c : cases) {
      Matcher m = ACCOUNTING.matcher(c.input());
      while (m.find()) {
        names.add(m.group(1).replaceAll("^\"|\"$", ""));
      }
    }
    return names;
  }

  private static void addAccounting(String namespace, String name) {
    try {
      Process p = new ProcessBuilder("ip", "netns", "exec", namespace, "nfacct", "add", name)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        fail("nfacct add " + name + " failed (apt install nfacct): " + out);
      }
    } catch (IOException e) {
      fail("nfacct is not installed (apt install nfacct): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private static boolean validSetName(String name) {
    try {
      new AddressSet(name, AddressSet.Type.HASH_IP, List.of());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static KernelLab lab() {
    KernelLabTest.requireKernel(Backend.NFT);
    if (lab == null) {
      lab = KernelLab.start(topology, Backend.NFT);
      accounting.forEach(name -> addAccounting(lab.firewallNamespace(), name));
    }
    return lab;
  }

  /** Loads every case of one corpus: the accepted ones together, the others alone. */
  private static Map<Case, Outcome> load(List<Case> cases) {
    Map<Case, Outcome> outcomes = new HashMap<>();
    List<Case> together = new ArrayList<>(cases.stream().filter(c -> !c.refused()).toList());
    List<Case> alone = new ArrayList<>(cases.stream().filter(Case::refused).toList());
    while (!together.isEmpty()) {
      Batch batch = new Batch(together);
      Load load = lab().load(batch.text());
      if (load.ok()) {
        Optional<List<String>> printed = batch.printed(lab().save());
        if (printed.isEmpty()) {
          alone.addAll(together);
        } else {
          for (int i = 0; i < together.size(); i++) {
            outcomes.put(together.get(i), new Outcome(load, Optional.of(printed.get().get(i))));
          }
        }
        break;
      }
      List<Case> failed = batch.casesOn(failedLines(load.stderr()));
      if (failed.isEmpty()) {
        alone.addAll(together);
        break;
      }
      alone.addAll(failed);
      together.removeAll(failed);
    }
    for (Case c : alone) {
      Load load = lab().load(c.saveFile());
      Optional<String> printed = Optional.empty();
      if (load.ok()) {
        List<String> rules = rules(lab().save()).getOrDefault(key(c), List.of());
        printed = Optional.of(rules.size() == 1 ? rules.get(0) : String.join("\n", rules));
      }
      outcomes.put(c, new Outcome(load, printed));
    }
    return outcomes;
  }

  /**
   * One restore file holding many cases: each table the cases use once, with its built-in
   * chains and the user chains the cases name, and each rule appended to its chain in order.
   */
  private static final class Batch {
    private final List<Case> cases;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, Case> byLine = new HashMap<>();

    Batch(List<Case> cases) {
      this.cases = cases;
      Map<Table, List<Case>> tables = new LinkedHashMap<>();
      cases.forEach(c -> tables.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
      int line = 0;
      for (Map.Entry<Table, List<Case>> table : tables.entrySet()) {
        Set<String> chains = new LinkedHashSet<>();
        table.getKey().builtinHooks().stream().map(Hook::name).forEach(chains::add);
        table.getValue().forEach(c -> chains.add(c.chain()));
        text.append('*').append(table.getKey().label()).append('\n');
        line++;
        for (String chain : chains) {
          text.append(':').append(chain)
              .append(table.getKey().isBuiltin(chain) ? " ACCEPT" : " -").append(" [0:0]\n");
          line++;
        }
        for (Case c : table.getValue()) {
          text.append("-A ").append(c.chain()).append(' ').append(c.input()).append('\n');
          byLine.put(++line, c);
        }
        text.append("COMMIT\n");
        line++;
      }
    }

    String text() {
      return text.toString();
    }

    List<Case> casesOn(Set<Integer> lines) {
      return lines.stream().map(byLine::get).filter(c -> c != null).toList();
    }

    /**
     * What iptables-nft-save printed for each case, in order; empty when a chain holds other
     * rules than the batch appended.
     */
    Optional<List<String>> printed(String saved) {
      Map<String, List<String>> rules = rules(saved);
      Map<String, Integer> next = new HashMap<>();
      List<String> printed = new ArrayList<>();
      for (Case c : cases) {
        int index = next.merge(key(c), 1, Integer::sum) - 1;
        List<String> chain = rules.getOrDefault(key(c), List.of());
        if (index >= chain.size()) {
          return Optional.empty();
        }
        printed.add(chain.get(index));
      }
      boolean exact = next.entrySet().stream()
          .allMatch(e -> rules.getOrDefault(e.getKey(), List.of()).size() == e.getValue());
      return exact ? Optional.of(printed) : Optional.empty();
    }
  }

  private static String key(Case c) {
    return c.table().label() + " " + c.chain();
  }

  /** The rules iptables-save printed, without {@code -A CHAIN}, by table and chain. */
  static Map<String, List<String>> rules(String saved) {
    Map<String, List<String>> rules = new HashMap<>();
    String table = "";
    for (String line : saved.lines().toList()) {
      if (line.startsWith("*")) {
        table = line.substring(1).strip();
      } else if (line.startsWith("-A ")) {
        int space = line.indexOf(' ', 3);
        String chain = space < 0 ? line.substring(3) : line.substring(3, space);
        rules.computeIfAbsent(table + " " + chain, k -> new ArrayList<>())
            .add(space < 0 ? "" : line.substring(space + 1));
      }
    }
    return rules;
  }

  /** Every line iptables-restore names in its error output. */
  static Set<Integer> failedLines(String stderr) {
    Set<Integer> lines = new TreeSet<>();
    Matcher m = RejectionConformanceTest.LINE.matcher(stderr);
    while (m.find()) {
      lines.add(Integer.parseInt(m.group(1)));
    }
    return lines;
  }

  private static void check(Case c, Outcome outcome) {
    Load load = outcome.load();
    String where = c.corpus() + ":" + (c.line() + 1);
    if (!c.refused()) {
      if (!load.ok()) {
        skipIfNotLoadable(load);
        ConformanceReport.count(CATEGORY, false, 0);
        fail("the kernel refused what " + where + " says iptables-save printed as "
            + c.expected() + ":\n" + load.stderr());
      }
      String kernel = outcome.printed().orElseThrow();
      String ours = packetPath(c);
      ConformanceReport.count(CATEGORY, kernel.equals(c.expected()) && kernel.equals(ours), 0);
      assertEquals(c.expected(), kernel, "what iptables-nft-save printed, against " + where);
      assertEquals(kernel, ours, "PacketPath's canonical form of " + where
          + ", against iptables-nft-save");
      return;
    }
    if (load.ok()) {
      ConformanceReport.count(CATEGORY, false, 0);
      fail("the kernel accepted what " + where + " says iptables refused with \"" + c.error()
          + "\"; iptables-nft-save printed: " + outcome.printed().orElseThrow());
    }
    boolean sameWords = load.stderr().contains(c.error());
    boolean byKernel = BY_KERNEL.matcher(load.stderr()).find();
    if (!sameWords) {
      skipIfNotLoadable(load);
    }
    // The rule's line, or the COMMIT after it: iptables-nft finds a jump to a missing chain
    // when it commits, and names that line.
    int rule = (int) c.saveFile().lines().count() - 1;
    OptionalInt named = RejectionConformanceTest.line(load.stderr());
    boolean onItsLine =
        named.equals(OptionalInt.of(rule)) || named.equals(OptionalInt.of(rule + 1));
    ConformanceReport.count(CATEGORY, (sameWords || byKernel) && onItsLine, 0);
    assertTrue(onItsLine, () -> where + ": iptables-nft-restore names another line than " + rule
        + ":\n" + load.stderr());
    assertTrue(sameWords || byKernel, () -> where + " says \"" + c.error()
        + "\", but iptables-nft-restore said:\n" + load.stderr());
  }

  /** Skips the case when the kernel refused it for a module it cannot load. */
  private static void skipIfNotLoadable(Load load) {
    Matcher m = MISSING.matcher(load.stderr());
    Set<String> modules = new TreeSet<>();
    while (m.find()) {
      modules.add(m.group(1));
    }
    if (modules.isEmpty() || !load.stderr().contains("(No such file or directory)")) {
      return;
    }
    String module = String.join(", ", modules);
    synchronized (NOT_LOADABLE) {
      NOT_LOADABLE.merge(module, 1, Integer::sum);
    }
    Assumptions.abort("the kernel here cannot load " + module + ": " + load.stderr().strip());
  }

  /** The case's rule as PacketPath's canonical printer prints it. */
  private static String packetPath(Case c) {
    Parsed<Ruleset> parsed = RulesParser.parse(c.corpus(), c.saveFile());
    if (parsed.hasErrors()) {
      fail("PacketPath refused it: " + String.join("; ",
          parsed.errors().stream().map(Diagnostic::render).toList()));
    }
    return SavePrinter.spec(parsed.orThrow().table(c.table()).orElseThrow().chain(c.chain())
        .orElseThrow().rules().get(0)).strip();
  }
}

package org.packetpath.engine.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Rule;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.Target;

/**
 * Runs the canonical-form corpora in {@code src/test/resources/org/packetpath/engine/ext/}:
 * each {@code *.corpus} file lists rules, each followed by what iptables-save 1.8.9 (nf_tables)
 * printed for it after {@code iptables-restore} loaded it, or by the error iptables gave.
 *
 * <pre>
 * # comment
 * *nat POSTROUTING            table and chain for the cases below (a user chain is declared)
 * -o wan0 -j MASQUERADE       a rule, written after "-A CHAIN"
 * =&gt; =                        canonical form identical to the input
 * -p tcp --dport 22 -j DROP
 * =&gt; -p tcp -m tcp --dport 22 -j DROP
 * -p tcp --dport 70000
 * =&gt; ERROR invalid port/service `70000' specified     (the error message, exactly)
 * </pre>
 *
 * <p>Every case also checks that the canonical form reads back to the same rule.
 */
class CanonicalCorpusTest {
  /** How the warning that iptables-save prints a rule with another meaning begins. */
  private static final String SAVED_OTHERWISE =
      "iptables-save does not print this match as the kernel tests it";

  static final List<String> CORPORA =
      List.of(
          "protocol-matches.corpus",
          "state-matches.corpus",
          "filter-targets.corpus",
          "packet-matches.corpus",
          "advanced-matches.corpus",
          "packet-targets.corpus",
          "nat-targets.corpus",
          "number-forms.corpus",
          "stateful-matches.corpus",
          "header-targets.corpus",
          "host-matches.corpus",
          "header-matches.corpus",
          "canonical-quirks.corpus",
          "special-targets.corpus");

  record Case(String corpus, int line, Table table, String chain, String input, String expected) {}

  @TestFactory
  Stream<DynamicTest> corpusCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String corpus : CORPORA) {
      for (Case c : read(corpus)) {
        tests.add(
            DynamicTest.dynamicTest(
                corpus + ":" + c.line() + " " + c.input(), () -> check(c)));
      }
    }
    return tests.stream();
  }

  static List<Case> read(String corpus) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = CanonicalCorpusTest.class.getResourceAsStream(corpus)) {
      if (in == null) {
        return cases;
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      Table table = Table.FILTER;
      String chain = "INPUT";
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("*")) {
          String[] words = line.substring(1).trim().split("\\s+");
          table = Table.byLabel(words[0]).orElseThrow();
          chain = words[1];
          continue;
        }
        if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("=> ")) {
          fail(corpus + ":" + (i + 1) + ": rule without a following '=> ' line");
        }
        String expected = lines.get(i + 1).substring(3);
        cases.add(new Case(corpus, i + 1, table, chain, line, expected.equals("=") ? line : expected));
        i++;
      }
    }
    return cases;
  }

  static String saveFile(Case c) {
    StringBuilder text = new StringBuilder("*" + c.table().label() + "\n");
    for (org.packetpath.engine.rules.Hook hook : c.table().builtinHooks()) {
      text.append(":").append(hook.name()).append(" ACCEPT [0:0]\n");
    }
    if (!c.table().isBuiltin(c.chain())) {
      text.append(":").append(c.chain()).append(" - [0:0]\n");
    }
    text.append("-A ").append(c.chain()).append(' ').append(c.input()).append("\nCOMMIT\n");
    return text.toString();
  }

  private static void check(Case c) {
    Parsed<Ruleset> result = RulesParser.parse(c.corpus(), saveFile(c));
    if (c.expected().startsWith("ERROR ")) {
      String message = c.expected().substring(6);
      assertTrue(
          result.errors().stream().anyMatch(d -> d.message().equals(message)),
          () -> "expected error \"" + message + "\" but got " + render(result));
      return;
    }
    if (result.hasErrors()) {
      fail("expected " + c.expected() + "\nbut got errors:\n" + render(result));
    }
    Ruleset ruleset = result.orThrow();
    Chain chain = ruleset.table(c.table()).orElseThrow().chain(c.chain()).orElseThrow();
    assertEquals(1, chain.rules().size(), "rules made");
    String printed = SavePrinter.spec(chain.rules().get(0)).strip();
    assertEquals(c.expected(), printed);
    Ruleset again =
        RulesParser.parse("reprint", SavePrinter.print(ruleset, true)).orThrow();
    assertEquals(ruleset, again, "canonical form reads back to the same ruleset");
    Rule rule = chain.rules().get(0);
    Rule reread = again.table(c.table()).orElseThrow().chain(c.chain()).orElseThrow().rules()
        .get(0);
    if (result.diagnostics().stream().anyMatch(d -> d.message().startsWith(SAVED_OTHERWISE))) {
      // iptables-save prints this rule with another meaning; PacketPath keeps the kernel's.
      assertTrue(!rule.condition().equals(reread.condition()),
          "warned that the saved form means something else, but it means the same");
      return;
    }
    assertEquals(rule.condition(), reread.condition(), "the canonical form means the same");
    assertEquals(rule.target().map(Target::action), reread.target().map(Target::action),
        "the canonical form does the same");
  }

  /** Every extension is read into a meaning by some accepted case of the corpora. */
  @Test
  void everyExtensionHasAMeaningInTheCorpora() throws IOException {
    Set<String> seen = new TreeSet<>();
    for (String corpus : CORPORA) {
      for (Case c : read(corpus)) {
        Parsed<Ruleset> result = RulesParser.parse(c.corpus(), saveFile(c));
        if (result.hasErrors()) {
          continue;
        }
        for (Rule rule : result.orThrow().table(c.table()).orElseThrow().chain(c.chain())
            .orElseThrow().rules()) {
          rule.matches().forEach(m -> seen.add(m.module()));
          rule.target().filter(t -> t.kind() == Target.Kind.EXTENSION)
              .ifPresent(t -> seen.add(t.name()));
        }
      }
    }
    Set<String> all = new TreeSet<>();
    Extensions.matches().forEach(m -> all.add(m.name()));
    Extensions.targets().forEach(t -> all.add(t.name()));
    all.removeAll(seen);
    // The kernel here refuses every use of these (no security module; removed from Linux).
    all.removeAll(Set.of("CLUSTERIP", "SECMARK", "ULOG"));
    assertEquals(Set.of(), all, "extensions no corpus case reads");
  }

  private static String render(Parsed<Ruleset> result) {
    return String.join(
        "\n", result.diagnostics().stream().map(Diagnostic::render).toList());
  }
}

package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;

/**
 * No match module is silently ignored: every module the parser accepts has a compiler in the
 * simulator, the not-simulated ones get the treatment their warning promises, and every
 * canonical rule of the match corpora compiles and evaluates.
 */
class ModuleCoverageTest {
  /**
   * One case per module the parser marks as not simulated: a rule, a packet, and whether the
   * warning's treatment makes the rule match. A module newly marked must be added here.
   */
  private record Promise(String table, String rule, String packet, boolean matches) {}

  private static final Map<String, List<Promise>> PROMISES = new TreeMap<>(Map.of(
      "owner", List.of(
          new Promise("filter", "-A OUTPUT -m owner --uid-owner 0 --gid-owner 0",
              "udp fw:1 > attacker:53 local", true),
          new Promise("filter", "-A OUTPUT -m owner --socket-exists",
              "udp fw:1 > attacker:53 local", true),
          new Promise("filter", "-A OUTPUT -m owner --uid-owner 1",
              "udp fw:1 > attacker:53 local", false)),
      "recent", List.of(
          new Promise("filter", "-A INPUT -m recent --set", "udp attacker:1 > fw:161 in wan0",
              true),
          new Promise("filter", "-A INPUT -m recent ! --set", "udp attacker:1 > fw:161 in wan0",
              false),
          new Promise("filter", "-A INPUT -m recent --update", "udp attacker:1 > fw:161 in wan0",
              false),
          new Promise("filter", "-A INPUT -m recent ! --rcheck",
              "udp attacker:1 > fw:161 in wan0", true)),
      "hashlimit", List.of(
          new Promise("filter", "-A INPUT -m hashlimit --hashlimit-upto 1/hour"
              + " --hashlimit-burst 1 --hashlimit-name x", "udp attacker:1 > fw:161 in wan0",
              true),
          new Promise("filter", "-A INPUT -m hashlimit --hashlimit-above 1/sec"
              + " --hashlimit-name x", "udp attacker:1 > fw:161 in wan0", false)),
      "statistic", List.of(
          new Promise("filter", "-A INPUT -m statistic --mode random --probability 0.5",
              "udp attacker:1 > fw:161 in wan0", true),
          new Promise("filter", "-A INPUT -m statistic --mode random --probability 0.4",
              "udp attacker:1 > fw:161 in wan0", false),
          new Promise("filter", "-A INPUT -m statistic --mode random ! --probability 0.4",
              "udp attacker:1 > fw:161 in wan0", true),
          new Promise("filter", "-A INPUT -m statistic --mode nth --every 2 --packet 1",
              "udp attacker:1 > fw:161 in wan0", false)),
      "physdev", List.of(
          new Promise("filter", "-A FORWARD -m physdev ! --physdev-is-bridged",
              "udp attacker:1 > pc1:53 in wan0", true),
          new Promise("filter", "-A FORWARD -m physdev --physdev-is-bridged",
              "udp attacker:1 > pc1:53 in wan0", false)),
      "policy", List.of(
          new Promise("filter", "-A INPUT -m policy --dir in --pol none",
              "udp attacker:1 > fw:161 in wan0", true),
          new Promise("filter", "-A INPUT -m policy --dir in --pol ipsec",
              "udp attacker:1 > fw:161 in wan0", false))));

  static {
    String in = "udp attacker:1 > fw:161 in wan0";
    PROMISES.put("time", List.of(
        new Promise("filter", "-A INPUT -m time --timestart 22:00 --timestop 06:00"
            + " --weekdays Sat,Sun --datestart 2024-01-01", in, true),
        new Promise("filter", "-A INPUT -m time ! --weekdays Mon,Tue,Wed,Thu,Fri,Sat,Sun", in,
            false),
        new Promise("filter", "-A INPUT -m time --datestart 2024-06-01 --datestop 2024-01-01",
            in, false)));
    PROMISES.put("string", List.of(
        new Promise("filter", "-A INPUT -m string --string x --algo bm", in, false),
        new Promise("filter", "-A INPUT -m string ! --hex-string |00| --algo kmp", in, true)));
    PROMISES.put("u32", List.of(
        new Promise("filter", "-A INPUT -m u32 --u32 0>>22&0x3C@0>>16=161", in, false),
        new Promise("filter", "-A INPUT -m u32 ! --u32 6&0xFF=17", in, true)));
    PROMISES.put("bpf", List.of(
        new Promise("filter", "-A INPUT -m bpf --bytecode \"1,6 0 0 1\"", in, false)));
    String ssh = "tcp attacker:40000 > fw:22 in wan0";
    String sent = "udp fw:1 > attacker:53 local";
    PROMISES.put("socket", List.of(
        new Promise("filter", "-A INPUT -m socket --nowildcard", ssh, true),
        new Promise("filter", "-A INPUT -m socket --nowildcard",
            "udp attacker:1 > fw:9999 in wan0", false),
        new Promise("filter", "-A INPUT -m socket --nowildcard", in, true),
        new Promise("filter", "-A INPUT -m socket", ssh, false),
        new Promise("filter", "-A INPUT -m socket --transparent --nowildcard", ssh, false),
        new Promise("mangle", "-A PREROUTING -m socket --nowildcard",
            "tcp attacker:40000 > pc1:443 in wan0", true)));
    PROMISES.put("cgroup", List.of(
        new Promise("filter", "-A OUTPUT -m cgroup --path /", sent, true),
        new Promise("filter", "-A OUTPUT -m cgroup --cgroup 0", sent, true),
        new Promise("filter", "-A OUTPUT -m cgroup ! --cgroup 0", sent, false),
        new Promise("filter", "-A OUTPUT -m cgroup --path /system.slice", sent, false),
        new Promise("filter", "-A INPUT -m cgroup ! --cgroup 0", in, false)));
    PROMISES.put("cpu", List.of(
        new Promise("filter", "-A INPUT -m cpu --cpu 0", in, true),
        new Promise("filter", "-A INPUT -m cpu --cpu 1", in, false),
        new Promise("filter", "-A INPUT -m cpu ! --cpu 1", in, true)));
    PROMISES.put("osf", List.of(
        new Promise("filter", "-A INPUT -p tcp -m osf --genre Linux", ssh, false),
        new Promise("filter", "-A INPUT -p tcp -m osf ! --genre Linux", ssh, false)));
    PROMISES.put("connlabel", List.of(
        new Promise("filter", "-A INPUT -m connlabel --label 1 --set", in, true),
        new Promise("filter", "-A INPUT -m connlabel --label 1", in, false),
        new Promise("filter", "-A INPUT -m connlabel ! --label 1", in, true),
        new Promise("raw", "-A PREROUTING -m connlabel --label 1 --set", in, false)));
    for (String[] spi : new String[][] {{"ah", "--ahspi"}, {"esp", "--espspi"},
        {"ipcomp", "--ipcompspi"}}) {
      String packet = spi[0] + " attacker > fw in wan0";
      String rule = "-A INPUT -p " + spi[0] + " -m " + spi[0] + " ";
      PROMISES.put(spi[0], List.of(
          new Promise("filter", rule + spi[1] + " 0:7", packet, false),
          new Promise("filter", rule + "! " + spi[1] + " 5", packet, true),
          new Promise("filter", rule + spi[1] + " 0:4294967295", packet, true)));
    }
    PROMISES.put("nfacct", List.of(
        new Promise("filter", "-A INPUT -m nfacct --nfacct-name http", in, true)));
  }

  @Test
  void everyNotSimulatedMatchHasItsTreatmentChecked() {
    List<String> marked = Extensions.matches().stream()
        .filter(m -> m.notSimulated().isPresent())
        .map(ModuleSpec::name)
        .sorted()
        .toList();
    assertEquals(marked, List.copyOf(PROMISES.keySet()));
  }

  @TestFactory
  Stream<DynamicTest> notSimulatedMatchesKeepTheirPromise() {
    List<DynamicTest> tests = new ArrayList<>();
    PROMISES.forEach((module, promises) -> {
      for (Promise p : promises) {
        tests.add(DynamicTest.dynamicTest(module + ": " + p.rule(), () -> {
          Simulator fw = MatchTesting.firewall(p.table(), p.rule());
          String chain = p.table() + ":" + p.rule().split(" ")[1];
          assertEquals(p.matches() ? List.of(1) : List.of(),
              MatchTesting.matched(fw, p.packet(), chain), p.packet());
        }));
      }
    });
    return tests.stream();
  }

  // ---- every canonical rule of the match corpora --------------------------------------------

  private static final List<String> CORPORA = List.of(
      "protocol-matches.corpus", "state-matches.corpus", "packet-matches.corpus",
      "advanced-matches.corpus", "number-forms.corpus", "stateful-matches.corpus",
      "header-targets.corpus", "host-matches.corpus",
      "header-matches.corpus",
      "canonical-quirks.corpus",
      "special-targets.corpus");

  /** Packets that together reach every hook: arriving, forwarded, sent by the firewall. */
  private static final List<String> PACKETS = List.of(
      "tcp attacker:40000 > fw:22 in wan0",
      "udp pc1:5353 > internet:53 in lan0",
      "icmp attacker > pc1 icmp echo-request in wan0",
      "tcp fw:40001 > attacker:443 local",
      "udp fw:40002 > fw:161 local");

  @TestFactory
  Stream<DynamicTest> everyCanonicalCorpusRuleCompilesAndEvaluates() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String corpus : CORPORA) {
      for (String[] c : accepted(corpus)) {
        tests.add(DynamicTest.dynamicTest(corpus + ": " + c[2], () -> evaluate(c)));
      }
    }
    assertTrue(tests.size() > 300, "corpora read: " + tests.size() + " rules");
    return tests.stream();
  }

  private static void evaluate(String[] c) {
    Table table = Table.byLabel(c[0]).orElseThrow();
    StringBuilder text = new StringBuilder("*" + c[0] + "\n");
    for (Hook hook : table.builtinHooks()) {
      text.append(':').append(hook.name()).append(" ACCEPT [0:0]\n");
    }
    if (!table.isBuiltin(c[1])) {
      text.append(':').append(c[1]).append(" - [0:0]\n");
    }
    text.append("-A ").append(c[1]).append(' ').append(c[2]).append("\nCOMMIT\n");
    Parsed<Ruleset> parsed = RulesParser.parse("corpus", text.toString());
    Simulator fw = Simulator.of(MatchTesting.example(), parsed.orThrow());
    for (String packet : PACKETS) {
      fw.send(packet);
    }
  }

  /** {table, chain, canonical rule} of each corpus case iptables accepted. */
  private static List<String[]> accepted(String corpus) throws IOException {
    List<String[]> cases = new ArrayList<>();
    String resource = "/org/packetpath/engine/ext/" + corpus;
    try (InputStream in = ModuleCoverageTest.class.getResourceAsStream(resource)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      String table = "filter";
      String chain = "INPUT";
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("*")) {
          String[] words = line.substring(1).trim().split("\\s+");
          table = words[0];
          chain = words[1];
          continue;
        }
        String expected = lines.get(++i).substring(3);
        if (!expected.startsWith("ERROR ")) {
          cases.add(new String[] {table, chain, expected.equals("=") ? line : expected});
        }
      }
    }
    return cases;
  }
}

package org.packetpath.lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.topology.TopologyParser;

/**
 * Rulesets the kernel refuses are refused by PacketPath's checker too, on the same line: one
 * bad line (syntax, unknown option or match, bad address, missing chain, bad placement, bad
 * policy) put at a seeded random place in a valid ruleset, loaded by iptables-nft-restore and
 * iptables-legacy-restore. The two backends name different lines for some problems (nft names
 * the COMMIT line for a missing chain, legacy for a kernel refusal); the checker names the line
 * at fault, which is the earlier of the two.
 */
class RejectionConformanceTest {
  private static final long SEED = Long.getLong("packetpath.seed", 20261121L);
  private static final Topology TOPOLOGY =
      TopologyParser.parse("example.yaml", TopologyParser.exampleText()).orThrow();

  /** A bad line and the table it goes in. */
  private record Bad(String table, String line) {}

  private static final List<Bad> BAD = List.of(
      new Bad("filter", "-A INPUT -p tcp --dprot 22 -j DROP"),
      new Bad("filter", "-A INPUT --dport 22 -j DROP"),
      new Bad("filter", "-A INPUT -s 10.0.0.300 -j DROP"),
      new Bad("filter", "-A INPUT -m nosuchmatch -j DROP"),
      new Bad("filter", "-A INPUT -j NOSUCHCHAIN"),
      new Bad("filter", "-A FORWARD -j MASQUERADE"),
      new Bad("filter", "-A OUTPUT -i eth0 -j ACCEPT"),
      new Bad("filter", "-A INPUT -j SNAT --to-source 192.0.2.1"),
      new Bad("filter", "-A INPUT -p udp -j REJECT --reject-with tcp-reset"),
      new Bad("filter", "-A INPUT -p tcp --dport 70000 -j DROP"),
      new Bad("filter", "-A INPUT -m conntrack --ctstate NEWW -j DROP"),
      new Bad("filter", "-A INPUT -p tcp --tcp-flags SYN -j DROP"),
      new Bad("filter", "-A INPUT -j ACCEPTT"),
      new Bad("filter", "-A NOWHERE -j ACCEPT"),
      new Bad("nat", "-A PREROUTING -j SNAT --to-source 192.0.2.1"),
      new Bad("nat", "-A POSTROUTING -p tcp -j DNAT --to-destination 10.0.0.2:80"),
      new Bad("nat", "-A POSTROUTING -o wan0 -j DROP"),
      new Bad("nat", "-A PREROUTING -o wan0 -j MASQUERADE"),
      new Bad("mangle", "-A PREROUTING -j REJECT"),
      new Bad("raw", "-A PREROUTING -j DNAT --to-destination 10.0.0.2"),
      new Bad("filter", "-A INPUT -j ACCEPT\r"),
      new Bad("filter", "-A INPUT -p tcp --dport 22\r"),
      new Bad("filter", "-A INPUT -m comment --comment \"x\"\r"),
      new Bad("filter", "\r"),
      new Bad("filter", "   "),
      new Bad("filter", "COMMIT "),
      new Bad("filter", " COMMIT"),
      new Bad("filter", " :LATE - [0:0]"),
      new Bad("filter", "-A INPUT -m comment --comment \"a\"b -j ACCEPT"));

  private static final String BASE = """
      *raw
      :PREROUTING ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      -A PREROUTING -p udp --dport 53 -j CT --notrack
      COMMIT
      *mangle
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A PREROUTING -i wan0 -p tcp --dport 22 -j MARK --set-mark 1
      COMMIT
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A PREROUTING -i wan0 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
      -A POSTROUTING -o wan0 -j MASQUERADE
      COMMIT
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -i lo -j ACCEPT
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -s 198.51.100.0/24 -p tcp --dport 22 -j ACCEPT
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan0 -o wan0 -j ACCEPT
      COMMIT
      """;

  private static KernelLab nft;
  private static KernelLab legacy;

  @AfterAll
  static void close() {
    if (nft != null) {
      nft.close();
    }
    if (legacy != null) {
      legacy.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> rejectedRulesetsAreRejectedOnTheSameLine() {
    Random random = new Random(SEED);
    List<DynamicTest> tests = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (Bad bad : BAD) {
        String text = insert(BASE, bad, random);
        tests.add(DynamicTest.dynamicTest(bad.line() + " (round " + round + ")",
            () -> check(text)));
      }
    }
    tests.add(DynamicTest.dynamicTest(":INPUT REJECT", () ->
        check(BASE.replace(":INPUT DROP [0:0]", ":INPUT REJECT [0:0]"))));
    tests.add(DynamicTest.dynamicTest("missing COMMIT", () ->
        check(BASE.substring(0, BASE.lastIndexOf("COMMIT")))));
    tests.add(DynamicTest.dynamicTest("Windows line endings", () ->
        check(BASE.replace("\n", "\r\n"))));
    tests.add(DynamicTest.dynamicTest("*nat\\r", () -> check(BASE.replace("*nat\n", "*nat\r\n"))));
    tests.add(DynamicTest.dynamicTest("COMMIT\\r", () ->
        check(BASE.replace("COMMIT\n*filter", "COMMIT\r\n*filter"))));
    tests.add(DynamicTest.dynamicTest(" *nat", () -> check(BASE.replace("*nat\n", " *nat\n"))));
    return tests.stream();
  }

  /**
   * Rulesets one backend loads and the other refuses: PacketPath reading them as each backend
   * refuses them exactly when that backend does, on the same line.
   */
  @TestFactory
  Stream<DynamicTest> backendsRefuseWhatTheCheckerRefusesAsThem() {
    String last = BASE.substring(0, BASE.lastIndexOf("COMMIT"));
    return Stream.of(
        BASE.replace("-A INPUT -i lo -j ACCEPT", "-A INPUT ! -s 0.0.0.0/0 -j DROP"),
        BASE.replace("-A INPUT -i lo -j ACCEPT", "-A INPUT ! -d 0.0.0.0/0 -j DROP"),
        BASE.replace(":OUTPUT ACCEPT [0:0]\n-A INPUT", ":OUTPUT ACCEPT [0:0]\n:MINE DROP [0:0]"
            + "\n-A INPUT"),
        last + "COMMIT",
        BASE.replace("COMMIT\n*filter", "COMMIT \n*filter"),
        BASE.replace("-A INPUT -i lo -j ACCEPT", "-A INPUT -m comment --comment \""
            + "é".repeat(200) + "\" -j ACCEPT"))
        .map(text -> DynamicTest.dynamicTest(text.lines().filter(l -> !BASE.contains(l + "\n"))
            .findFirst().orElse("last line"), () -> checkEach(text)));
  }

  private static void checkEach(String text) {
    startLabs();
    for (KernelLab lab : List.of(nft, legacy)) {
      Load load = lab.load(text);
      Parsed<Ruleset> ours = RulesParser.parse("rules.v4", text, lab.backend());
      assertEquals(load.exitCode() != 0, ours.hasErrors(), () -> lab.backend() + ": kernel "
          + load.stderr() + "\nours: " + ours.errors());
      if (ours.hasErrors()) {
        assertEquals(line(load.stderr()).orElseThrow(), ours.errors().get(0).position().line(),
            () -> lab.backend() + ": " + load.stderr() + "\nours: " + ours.errors());
      }
    }
  }

  private static void startLabs() {
    KernelLabTest.requireKernel(Backend.NFT);
    KernelLabTest.requireKernel(Backend.LEGACY);
    if (nft == null) {
      nft = KernelLab.start(TOPOLOGY, Backend.NFT);
      legacy = KernelLab.start(TOPOLOGY, Backend.LEGACY);
    }
  }

  /** Puts {@code bad} at a random place among the rules of its table. */
  private static String insert(String base, Bad bad, Random random) {
    List<String> lines = new ArrayList<>(base.lines().toList());
    int start = lines.indexOf("*" + bad.table());
    int commit = lines.subList(start, lines.size()).indexOf("COMMIT") + start;
    int first = start + 1;
    while (lines.get(first).startsWith(":")) {
      first++;
    }
    lines.add(first + random.nextInt(commit - first + 1), bad.line());
    return String.join("\n", lines) + "\n";
  }

  private static void check(String text) {
    startLabs();
    Load n = nft.load(text);
    Load l = legacy.load(text);
    assertNotEquals(0, n.exitCode(), () -> "iptables-nft-restore accepted:\n" + text);
    assertNotEquals(0, l.exitCode(), () -> "iptables-legacy-restore accepted:\n" + text);
    Parsed<Ruleset> ours = RulesParser.parse("rules.v4", text);
    assertTrue(ours.hasErrors(), () -> "PacketPath accepted what the kernel refused:\n" + text
        + "\nnft: " + n.stderr() + "\nlegacy: " + l.stderr());
    int kernelLine = Math.min(line(n.stderr()).orElse(Integer.MAX_VALUE),
        line(l.stderr()).orElse(Integer.MAX_VALUE));
    if (n.stderr().contains("COMMIT expected")) {
      // iptables names the line after the last; the checker points at the last line itself.
      assertEquals("COMMIT expected at line " + kernelLine, ours.errors().get(0).message());
      return;
    }
    assertEquals(kernelLine, ours.errors().get(0).position().line(),
        () -> "nft: " + n.stderr() + "\nlegacy: " + l.stderr() + "\nours: "
            + ours.errors().get(0).render() + "\n" + text);
  }

  static final Pattern LINE = Pattern.compile(
      "(?:line:? |at line )(\\d+)");

  /** The line iptables-restore names in its error output. */
  static OptionalInt line(String stderr) {
    Matcher m = LINE.matcher(stderr);
    OptionalInt found = OptionalInt.empty();
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      found = OptionalInt.of(found.isPresent() ? Math.min(found.getAsInt(), n) : n);
    }
    return found;
  }
}

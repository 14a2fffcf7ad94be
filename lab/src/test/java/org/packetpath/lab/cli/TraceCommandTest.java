package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./packetpath trace} as a user runs it. */
class TraceCommandTest {
  @TempDir Path dir;

  private static final String RULES = """
      *nat
      :POSTROUTING ACCEPT [0:0]
      -A POSTROUTING -o wan0 -j MASQUERADE
      COMMIT
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -p tcp --dport 22 -j DROP
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan0 -o wan0 -j ACCEPT
      COMMIT
      """;

  private Path rules() throws IOException {
    Path p = dir.resolve("rules.v4");
    Files.writeString(p, RULES);
    return p;
  }

  @Test
  void showsTheDiagramAndTheStepsOfEachPacket() throws IOException {
    RulesCommandTest.Run run = RulesCommandTest.run("trace", "--rules", rules().toString(),
        "tcp attacker:40000 > fw:22 in wan0");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().contains("+= PREROUTING"), run.out());
    assertTrue(run.out().contains(
        "DROPPED by filter INPUT rule 2: -A INPUT -p tcp -m tcp --dport 22 -j DROP"), run.out());
    assertFalse(run.out().contains("\u001b["), "no colour when not on a terminal");
  }

  @Test
  void jsonIsTheContractForTools() throws IOException {
    RulesCommandTest.Run run = RulesCommandTest.run("trace", "--json", "--rules",
        rules().toString(), "tcp pc1:40000 > internet:80 in lan0",
        "tcp internet:80 > 203.0.113.1:40000 SYN,ACK in wan0", "udp attacker:1 > fw:53 in wan0");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    String json = run.out();
    assertTrue(json.startsWith("[\n  {\n    \"packet\": \"tcp 10.0.0.2:40000 > 192.0.2.10:80 SYN in lan0\","),
        json);
    assertTrue(json.contains("\"disposition\": \"FORWARDED\""), json);
    assertTrue(json.contains("\"final\": \"tcp 203.0.113.1:40000 > 192.0.2.10:80 SYN\""), json);
    assertTrue(json.contains("\"ctstate\": \"ESTABLISHED\""), json);
    assertTrue(json.contains("\"final\": \"tcp 192.0.2.10:80 > 10.0.0.2:40000 SYN,ACK\""), json);
    assertTrue(json.contains("\"rule\": \"policy\",\n        \"target\": \"DROP\""), json);
  }

  @Test
  void legacyBackendIsSelectable() throws IOException {
    RulesCommandTest.Run run = RulesCommandTest.run("trace", "--backend", "legacy", "--rules",
        rules().toString(), "tcp office:40000 > fw:80 in wan0");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    assertTrue(run.out().contains("(iptables-legacy)"), run.out());
    assertEquals(ExitCodes.USAGE, RulesCommandTest.run("trace", "--backend", "pf", "--rules",
        rules().toString(), "tcp office:40000 > fw:80 in wan0").code());
  }

  @Test
  void badPacketsAreLocatedAndExit2() throws IOException {
    RulesCommandTest.Run run = RulesCommandTest.run("trace", "--rules", rules().toString(),
        "tcp attacker:40000 > fw:22 in wan0", "tcp nobody:1 > fw:22 in wan0",
        "tcp attacker:1 > fw:22 in eth9");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().contains("packet 2:1:5: error: unknown host `nobody'"), run.err());
    assertTrue(run.err().contains("packet 3:1:27: error: the firewall has no interface eth9"),
        run.err());
    assertEquals("", run.out(), "nothing is simulated when a packet is wrong");
  }

  @Test
  void badTopologyAndRulesAreLocatedAndExit2() throws IOException {
    Path topology = dir.resolve("t.yaml");
    Files.writeString(topology, "firewall: fw\ninterfaces:\n  - {name: wan0, address: 10.0.0.300/24}\n");
    RulesCommandTest.Run run = RulesCommandTest.run("trace", "--topology", topology.toString(),
        "--rules", rules().toString(), "tcp 1.2.3.4:1 > 10.0.0.1:22 in wan0");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().contains(topology + ":3:"), run.err());
    Path broken = dir.resolve("broken.v4");
    Files.writeString(broken, "*filter\n-A INPUT -j ACCEPTT\nCOMMIT\n");
    RulesCommandTest.Run bad = RulesCommandTest.run("trace", "--rules", broken.toString(),
        "tcp attacker:1 > fw:22 in wan0");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains(broken + ":2:13: error: Chain 'ACCEPTT' does not exist"), bad.err());
    RulesCommandTest.Run missing = RulesCommandTest.run("trace", "--rules",
        dir.resolve("nope").toString(), "tcp attacker:1 > fw:22 in wan0");
    assertEquals(ExitCodes.USAGE, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }
}

package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.lab.kernel.KernelLabTest;

/** {@code ./packetpath verify --kernel}, run against the real kernel (root only; required on CI). */
class VerifyCommandTest {
  @TempDir Path dir;

  @Test
  void simulatorAndKernelAgreeOnTheSeedScenario() throws IOException {
    KernelLabTest.requireKernel(Backend.NFT);
    Path rules = dir.resolve("rules.v4");
    Files.writeString(rules, """
        *nat
        :POSTROUTING ACCEPT [0:0]
        -A POSTROUTING -o wan0 -j MASQUERADE
        COMMIT
        *filter
        :INPUT DROP [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A INPUT -s 198.51.100.0/24 -p tcp --dport 22 -j ACCEPT
        -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A FORWARD -i lan0 -o wan0 -j ACCEPT
        COMMIT
        """);
    RulesCommandTest.Run run = RulesCommandTest.run("verify", "--kernel", "--rules",
        rules.toString(), "tcp attacker:40000 > fw:22 in wan0", "tcp office:40001 > fw:22 in wan0",
        "tcp pc1:40002 > internet:80 in lan0",
        "tcp internet:80 > 203.0.113.1:40002 SYN,ACK in wan0");
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("The simulator and the kernel agree."), run.out());
    assertTrue(run.out().contains("agree: filter:FORWARD:rule 2 +1/40, nat:POSTROUTING:rule 1 +1/40"),
        run.out());
  }

  @Test
  void badPacketsAreUsageErrors() throws IOException {
    KernelLabTest.requireKernel(Backend.NFT);
    RulesCommandTest.Run run = RulesCommandTest.run("verify", "--kernel", "--rules",
        acceptAll().toString(), "tcp nobody:1 > fw:22 in wan0");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().contains("unknown host `nobody'"), run.err());
  }

  // The packets are read before the kernel is looked at, so that these need no root.

  @Test
  void aPacketGivenTwiceIsNumberedByWhereItStands() throws IOException {
    String bad = "tcp nobody:1 > fw:22 in wan0";
    RulesCommandTest.Run run = RulesCommandTest.run("verify", "--kernel", "--rules",
        acceptAll().toString(), bad, "tcp attacker:1 > fw:22 in wan0", bad);
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().contains("packet 1:1:5: error: unknown host `nobody'"), run.err());
    assertTrue(run.err().contains("packet 3:1:5: error: unknown host `nobody'"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void anUnknownInterfaceIsLocatedBeforeAnyNamespaceIsBuilt() throws IOException {
    RulesCommandTest.Run run = RulesCommandTest.run("verify", "--kernel", "--rules",
        acceptAll().toString(), "tcp attacker:1 > fw:22 in nosuch0");
    assertEquals(ExitCodes.USAGE, run.code(), run.err());
    assertTrue(run.err().startsWith(
        "packet 1:1:27: error: the firewall has no interface nosuch0\n"), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
    assertFalse(run.err().contains("kernel"), "the kernel is not even looked at: " + run.err());
    assertEquals("", run.out());
  }

  @Test
  void packetsTheKernelLabCannotSendAreLocatedErrors() throws IOException {
    RulesCommandTest.Run run = RulesCommandTest.run("verify", "--kernel", "--rules",
        acceptAll().toString(), "tcp attacker:1 > fw:22 in wan0",
        "tcp 127.0.0.1:1 > 127.0.0.1:22 in lo", "tcp attacker:1 > fw:22 in wan0 mark 1");
    assertEquals(ExitCodes.USAGE, run.code(), run.err());
    assertTrue(run.err().contains("packet 2:1: error: a packet cannot arrive on lo from outside"),
        run.err());
    assertTrue(run.err().contains("packet 3:1: error: a packet cannot arrive with a mark"),
        run.err());
    assertEquals("", run.out());
  }

  private Path acceptAll() throws IOException {
    Path rules = dir.resolve("accept.v4");
    Files.writeString(rules, "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
    return rules;
  }

  @Test
  void withoutRulesItComparesTheCurrentExercisesWorkingCopy() {
    KernelLabTest.requireKernel(Backend.NFT);
    String work = dir.resolve("work").toString();
    RulesCommandTest.Run none = RulesCommandTest.run("--workspace", work, "verify", "--kernel",
        "tcp internet:40000 > fw:443 in wan0");
    assertEquals(ExitCodes.USAGE, none.code());
    assertTrue(none.err().contains("no working copy"), none.err());

    assertEquals(ExitCodes.OK, RulesCommandTest.run("--workspace", work, "start", "1").code());
    RulesCommandTest.Run run = RulesCommandTest.run("--workspace", work, "verify", "--kernel",
        "tcp internet:40000 > fw:443 in wan0");
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("The simulator and the kernel agree."), run.out());
  }
}

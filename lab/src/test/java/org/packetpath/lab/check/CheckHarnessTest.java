package org.packetpath.lab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.lab.ContentFixture;
import org.packetpath.lab.term.Colour;

/** The check harness on the built-in exercises: results as data, and their explanations. */
class CheckHarnessTest {
  @TempDir Path dir;

  private static CheckResult result(CheckRun run, String check) {
    return run.results().stream().filter(r -> r.check().equals(check)).findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + check + " in " + run));
  }

  @Test
  void theReferenceSolutionPassesEveryCheckInOrder() {
    CheckRun run = CheckHarness.run("misplaced-rules", RulesSpec.exercise("solution.rules"));
    assertEquals(List.of(), run.problems());
    assertTrue(run.allPassed());
    assertEquals(List.of("internet-no-https", "internet-no-http", "attacker-no-ssh",
        "internet-no-snmp", "lan-cannot-administer", "office-ssh", "office-web-ui",
        "web-ui-polls-snmp", "lan-browses"),
        run.results().stream().map(CheckResult::check).toList());
    CheckResult first = run.results().get(0);
    assertEquals("The internet cannot reach the monitoring web UI over https", first.goal());
    assertEquals(3, first.earned());
    assertEquals("blocked (dropped or rejected) in filter INPUT", first.expected());
    assertEquals(17, run.earned());
  }

  @Test
  void aFailedCheckSaysWhatWasExpectedWhatHappenedAndShowsThePath() {
    CheckRun run = CheckHarness.run("1", RulesSpec.exercise("wrong/forgot-http.rules"));
    assertEquals(List.of("internet-no-http"), run.failed().stream().map(CheckResult::check)
        .toList());
    CheckResult http = result(run, "internet-no-http");
    assertEquals(CheckResult.Status.FAILED, http.status());
    assertEquals(0, http.earned());
    assertEquals(List.of("it was delivered to the firewall itself; the policy ACCEPT of filter"
        + " INPUT let it through"), http.problems());
    String text = CheckText.explanation(http, Colour.PLAIN);
    assertTrue(text.startsWith("""
        sent      tcp 192.0.2.10:40001 > 203.0.113.1:80 SYN in wan0
        expected  blocked (dropped or rejected) in filter INPUT
        but       it was delivered to the firewall itself; the policy ACCEPT of filter INPUT\
         let it through
        its way through the firewall:
          PREROUTING
        """), text);
    assertTrue(text.contains("""
            filter INPUT
              . 1  -A INPUT -i lo -j ACCEPT
              . 2  -A INPUT -s 198.51.100.0/24 -p tcp -m multiport --dports 22,443 -j ACCEPT
        """), text);
  }

  @Test
  void aRuleInTheWrongTableIsToldApart() {
    CheckRun run = CheckHarness.run("1", RulesSpec.exercise("wrong/in-mangle.rules"));
    assertEquals(List.of("it was dropped by mangle INPUT rule 3 (-A INPUT -p tcp -m multiport"
        + " --dports 22,80,443 -j DROP), not in filter INPUT"),
        result(run, "internet-no-https").problems());
  }

  @Test
  void aMissingNatShowsTheHeaderThatLeft() {
    CheckRun run = CheckHarness.run("1", RulesSpec.exercise("wrong/no-masquerade.rules"));
    assertEquals(List.of("it left as tcp 10.0.0.2:40008 > 192.0.2.10:443, not as"
        + " tcp 203.0.113.1:40008 > 192.0.2.10:443"), result(run, "lan-browses").problems());
    assertEquals("forwarded out wan0 as tcp 203.0.113.1:40008 > 192.0.2.10:443",
        result(run, "lan-browses").expected());
  }

  @Test
  void aSequenceShowsEveryPacketAndTheLastOnesPath() {
    CheckRun run = CheckHarness.run("dont-lock-yourself-out", RulesSpec.exercise("start.rules"));
    CheckResult updates = result(run, "updates-answered");
    assertEquals(2, updates.traces().size());
    assertEquals(List.of("it was dropped by the policy DROP of filter INPUT"),
        updates.problems());
    String text = CheckText.explanation(updates, Colour.PLAIN);
    assertTrue(text.startsWith("""
        sent      1. tcp 203.0.113.1:40100 > 192.0.2.80:443 SYN local  (sent by the firewall out wan0 as tcp\
         203.0.113.1:40100 > 192.0.2.80:443; the policy ACCEPT of filter OUTPUT let it through)
                  2. tcp 192.0.2.80:443 > 203.0.113.1:40100 SYN,ACK in wan0
        expected  delivered to the firewall itself, with conntrack state ESTABLISHED
        but       it was dropped by the policy DROP of filter INPUT
        the last packet's way through the firewall:
        """), text);
    assertTrue(text.contains("conntrack: ESTABLISHED"), text);
  }

  @Test
  void theFirewallsAnswerCanBeChecked() {
    CheckRun run = CheckHarness.run("stop-the-bot",
        RulesSpec.exercise("wrong/output-policy-drop.rules"));
    assertEquals(List.of("the firewall's answer (tcp 203.0.113.1:22 > 198.51.100.1:40300 SYN,ACK)"
        + " was dropped by the policy DROP of filter OUTPUT"),
        result(run, "office-ssh-answered").problems());
  }

  @Test
  void trivialRulesetsKeepTheSolutionsNat() {
    CheckRun accept = CheckHarness.run("1", RulesSpec.builtin(RulesSpec.Trivial.ACCEPT_EVERYTHING));
    assertTrue(result(accept, "lan-browses").passed(), "NAT is kept");
    assertFalse(result(accept, "internet-no-https").passed());
    CheckRun drop = CheckHarness.run("1", RulesSpec.builtin(RulesSpec.Trivial.DROP_EVERYTHING));
    assertFalse(result(drop, "office-ssh").passed());
    assertTrue(result(drop, "internet-no-https").passed());
  }

  @Test
  void aLearnersScriptIsCheckedLikeASaveFile() throws IOException {
    Path rules = dir.resolve("mine.sh");
    Files.writeString(rules, """
        iptables -t nat -A POSTROUTING -o wan0 -j MASQUERADE
        iptables -P FORWARD DROP
        iptables -A INPUT -i lo -j ACCEPT
        iptables -A INPUT -s 198.51.100.0/24 -p tcp -m multiport --dports 22,80,443 -j ACCEPT
        iptables -A INPUT -p tcp -m multiport --dports 22,80,443 -j DROP
        iptables -A INPUT -p udp --dport 161 -j DROP
        iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        iptables -A FORWARD -i lan0 -o wan0 -j ACCEPT
        """);
    CheckRun run = CheckHarness.run("misplaced-rules", RulesSpec.file(rules));
    assertTrue(run.allPassed(), run.toString());
  }

  @Test
  void rulesWithErrorsStopTheRunWithLocatedDiagnostics() throws IOException {
    Path rules = dir.resolve("bad.rules");
    Files.writeString(rules, "*filter\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n");
    CheckRun run = CheckHarness.run("misplaced-rules", RulesSpec.file(rules));
    assertEquals(1, run.problems().size(), run.toString());
    assertEquals(rules + ":2:17: error: unknown option \"--dprot\"",
        run.problems().get(0).toString());
    assertEquals(9, run.results().size());
    assertTrue(run.results().stream()
        .allMatch(r -> r.status() == CheckResult.Status.NOT_RUN
            && r.problems().equals(List.of("the rules have errors"))));
    assertFalse(run.allPassed());
  }

  @Test
  void anUnknownExerciseIsAProblemNotAPass() {
    CheckRun run = CheckHarness.run("nope", RulesSpec.exercise("solution.rules"));
    assertEquals(List.of(), run.results());
    assertEquals("packetpath.exercise: error: no exercise \"nope\"",
        run.problems().get(0).toString());
    assertFalse(run.allPassed());
  }

  @Test
  void exercisesCanComeFromAFolder() {
    ContentFixture fixture = ContentFixture.write(dir.resolve("content"));
    CheckRun run = CheckHarness.run("first", RulesSpec.exercise("wrong/open.rules"),
        Optional.of(fixture.root()));
    assertEquals(List.of("attacker-no-ssh"), run.failed().stream().map(CheckResult::check)
        .toList());
  }
}

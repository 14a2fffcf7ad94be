package org.packetpath.engine.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Ruleset;

/**
 * What the canonical corpus cannot show for the packet matches: placement checked through user
 * chains, where the error lands, and the warning for the unsimulated {@code owner} match. The
 * expected behaviour was taken from iptables-restore 1.8.9 (nf_tables) on a 6.18 kernel.
 */
class PacketMatchesTest {
  private static Parsed<Ruleset> parse(String... ruleLines) {
    StringBuilder text =
        new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n")
            .append(":OUTPUT ACCEPT [0:0]\n:USER - [0:0]\n");
    for (String line : ruleLines) {
      text.append(line).append('\n');
    }
    return RulesParser.parse("rules.v4", text.append("COMMIT\n").toString());
  }

  private static Diagnostic onlyError(Parsed<Ruleset> result) {
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    return errors.get(0);
  }

  @Test
  void ownerInUserChainReachedFromInputFailsAtTheJump() {
    // iptables-restore: "line 8: RULE_APPEND failed (Invalid argument): rule in chain INPUT"
    Parsed<Ruleset> result =
        parse("-A USER -m owner --uid-owner 0", "-A OUTPUT -j USER", "-A INPUT -j USER");
    Diagnostic error = onlyError(result);
    assertEquals(
        "owner match: used from hooks INPUT, but only valid from OUTPUT/POSTROUTING",
        error.message());
    assertEquals(8, error.position().line());
  }

  @Test
  void ownerInUserChainReachedOnlyFromOutputIsAccepted() {
    Parsed<Ruleset> result =
        parse("-A OUTPUT -j USER", "-A USER -m owner --uid-owner 1000 -j DROP");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
  }

  @Test
  void macInUserChainReachedFromOutputFailsAtTheRuleWhenItComesLast() {
    Parsed<Ruleset> result =
        parse("-A INPUT -j USER", "-A OUTPUT -j USER", "-A USER -m mac --mac-source 1:2:3:4:5:6");
    Diagnostic error = onlyError(result);
    assertEquals(
        "mac match: used from hooks OUTPUT, but only valid from PREROUTING/INPUT/FORWARD",
        error.message());
    assertEquals(8, error.position().line());
  }

  @Test
  void addrtypeInterfaceLimitIsOnlyCheckedInBuiltinChains() {
    // The kernel learns the hook only for built-in chains, so a user chain reached from OUTPUT
    // may use --limit-iface-in; the same rule directly in OUTPUT is refused.
    Parsed<Ruleset> viaUserChain =
        parse("-A OUTPUT -j USER", "-A USER -m addrtype --dst-type LOCAL --limit-iface-in");
    assertFalse(viaUserChain.hasErrors(), () -> "errors: " + viaUserChain.errors());

    Parsed<Ruleset> direct = parse("-A OUTPUT -m addrtype --dst-type LOCAL --limit-iface-in");
    Diagnostic error = onlyError(direct);
    assertEquals("input interface limitation not valid in POSTROUTING and OUTPUT", error.message());
    assertEquals(6, error.position().line());
    assertTrue(error.explanation().contains("RULE_APPEND failed"), error.explanation());
  }

  @Test
  void ownerWarnsOnceThatItIsNotSimulated() {
    Parsed<Ruleset> result =
        parse("-A OUTPUT -m owner --uid-owner 0 -j ACCEPT", "-A OUTPUT -m owner --socket-exists");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
    List<Diagnostic> warnings = result.warnings();
    assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
    assertEquals(
        "module 'owner' is not simulated: packets sent by the firewall are treated as owned by"
            + " root (uid 0, gid 0); --socket-exists matches them",
        warnings.get(0).message());
    assertEquals(6, warnings.get(0).position().line());
  }

  @Test
  void theOtherPacketMatchesAreSimulated() {
    Parsed<Ruleset> result =
        parse(
            "-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -m limit --limit 5/sec"
                + " -m mac --mac-source 00:11:22:33:44:55 -m mark --mark 1 -m connmark --mark 2"
                + " -m addrtype --dst-type LOCAL -m length --length 100 -m ttl --ttl-lt 5"
                + " -m tos --tos 0x10 -m dscp --dscp 10 -m pkttype --pkt-type unicast");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
    assertEquals(List.of(), result.warnings());
  }

  @Test
  void badArgumentIsReportedAtTheArgument() {
    String rule = "-A INPUT -m limit --limit 5/week -j ACCEPT";
    Diagnostic error = onlyError(parse(rule));
    assertEquals("bad rate \"5/week\"'", error.message());
    assertEquals(rule.indexOf("5/week") + 1, error.position().column());
    assertFalse(error.explanation().isEmpty());
  }
}

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
 * Where the kernel lets the NAT, CT, TCPMSS and CLASSIFY targets be used when they sit in user chains.
 * Each file here was loaded with {@code iptables-restore} 1.8.9 (nf_tables) on Linux 6.18: the
 * kernel refuses a target reached from a hook it does not support, blaming the last line of the
 * file involved (the target's rule or a jump to it), and accepts a chain no hook reaches.
 */
class TargetPlacementTest {
  private static final String NAT_CHAINS =
      "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
          + ":POSTROUTING ACCEPT [0:0]\n";

  private static Diagnostic onlyError(Parsed<Ruleset> result) {
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    return errors.get(0);
  }

  @Test
  void snatInUserChainReachedFromPreroutingIsRefusedAtItsRule() {
    Parsed<Ruleset> result = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":MYSNAT - [0:0]\n"
        + "-A PREROUTING -j MYSNAT\n"
        + "-A POSTROUTING -j MYSNAT\n"
        + "-A MYSNAT -j SNAT --to-source 10.0.0.1\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(result);
    assertEquals(
        "SNAT target: used from hooks PREROUTING, but only usable from INPUT/POSTROUTING",
        error.message());
    assertEquals(9, error.position().line());
  }

  @Test
  void snatInUserChainReachedOnlyFromPostroutingOrFromNowhereIsAccepted() {
    Parsed<Ruleset> result = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":MYSNAT - [0:0]\n"
        + ":UNUSED - [0:0]\n"
        + "-A POSTROUTING -j MYSNAT\n"
        + "-A MYSNAT -j SNAT --to-source 10.0.0.1\n"
        + "-A UNUSED -j SNAT --to-source 10.0.0.1\n"
        + "-A UNUSED -j DNAT --to-destination 10.0.0.2\n"
        + "-A UNUSED -j MASQUERADE\n"
        + "COMMIT\n");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
  }

  @Test
  void aJumpAddedAfterTheRuleIsWhereTheKernelFails() {
    Parsed<Ruleset> result = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":MYSNAT - [0:0]\n"
        + "-A MYSNAT -j SNAT --to-source 10.0.0.1\n"
        + "-A MYSNAT -j ACCEPT\n"
        + "-A POSTROUTING -j MYSNAT\n"
        + "-A PREROUTING -p tcp -j MYSNAT\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(result);
    assertEquals(
        "SNAT target: used from hooks PREROUTING, but only usable from INPUT/POSTROUTING",
        error.message());
    assertEquals(10, error.position().line());
  }

  @Test
  void masqueradeTwoChainsDeepIsTracedBackToPrerouting() {
    Parsed<Ruleset> result = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":A - [0:0]\n"
        + ":B - [0:0]\n"
        + "-A PREROUTING -j A\n"
        + "-A A -j B\n"
        + "-A B -j MASQUERADE\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(result);
    assertEquals("MASQUERADE target: used from hooks PREROUTING, but only usable from POSTROUTING",
        error.message());
    assertEquals(10, error.position().line());
  }

  @Test
  void dnatReachedFromInputIsRefusedButFromOutputAndPreroutingAccepted() {
    Parsed<Ruleset> refused = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":PORTFW - [0:0]\n"
        + "-A OUTPUT -j PORTFW\n"
        + "-A INPUT -p tcp -j PORTFW\n"
        + "-A PORTFW -p tcp -j DNAT --to-destination 10.0.0.1:80\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(refused);
    assertEquals("DNAT target: used from hooks INPUT, but only usable from PREROUTING/OUTPUT",
        error.message());
    assertEquals(9, error.position().line());

    Parsed<Ruleset> accepted = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":PORTFW - [0:0]\n"
        + "-A PREROUTING -g PORTFW\n"
        + "-A OUTPUT -j PORTFW\n"
        + "-A PORTFW -p tcp -j DNAT --to-destination 10.0.0.1:80\n"
        + "COMMIT\n");
    assertFalse(accepted.hasErrors(), () -> "errors: " + accepted.errors());
  }

  @Test
  void masqueradeReachedByGotoFromInputIsRefused() {
    Parsed<Ruleset> result = RulesParser.parse("nat.rules", NAT_CHAINS
        + ":OUT - [0:0]\n"
        + "-A POSTROUTING -g OUT\n"
        + "-A INPUT -g OUT\n"
        + "-A OUT -j MASQUERADE\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(result);
    assertEquals("MASQUERADE target: used from hooks INPUT, but only usable from POSTROUTING",
        error.message());
    assertEquals(9, error.position().line());
  }

  @Test
  void conntrackTargetsInARawUserChainAreAccepted() {
    Parsed<Ruleset> result = RulesParser.parse("raw.rules", "*raw\n"
        + ":PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:NOTRK - [0:0]\n"
        + "-A PREROUTING -j NOTRK\n"
        + "-A OUTPUT -j NOTRK\n"
        + "-A NOTRK -p udp --dport 53 -j NOTRACK\n"
        + "-A NOTRK -p tcp --dport 21 -j CT --helper ftp\n"
        + "COMMIT\n");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
  }

  @Test
  void notrackOutsideTheRawTableIsRefused() {
    Parsed<Ruleset> result = RulesParser.parse("filter.rules", "*filter\n"
        + ":INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "-A INPUT -j NOTRACK\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(result);
    assertTrue(error.message().endsWith("target: only valid in raw table, not filter"),
        error::message);
    assertEquals(5, error.position().line());
  }

  /**
   * Path-MTU clamping is refused in a built-in PREROUTING chain (see packet-targets.corpus), but
   * the kernel only knows the hook of a base chain when it checks TCPMSS, so from a user chain
   * reached from PREROUTING it is accepted.
   */
  @Test
  void clampingInAUserChainIsAcceptedWhereverItIsReachedFrom() {
    Parsed<Ruleset> result = RulesParser.parse("mangle.rules", "*mangle\n"
        + ":PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
        + ":OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:MSS - [0:0]\n"
        + "-A PREROUTING -j MSS\n"
        + "-A MSS -p tcp -j TCPMSS --clamp-mss-to-pmtu\n"
        + "COMMIT\n");
    assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
    assertTrue(result.warnings().stream().anyMatch(
        w -> w.message().equals("module 'TCPMSS' is not simulated: the MSS option is not"
            + " rewritten; the packet continues")), () -> "warnings: " + result.warnings());
  }

  @Test
  void classifyInUserChainReachedFromPreroutingIsRefusedAtItsRule() {
    Parsed<Ruleset> result = RulesParser.parse("mangle.rules", "*mangle\n"
        + ":PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
        + ":OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:MYC - [0:0]\n"
        + "-A POSTROUTING -j MYC\n"
        + "-A PREROUTING -j MYC\n"
        + "-A MYC -j CLASSIFY --set-class 1:1\n"
        + "COMMIT\n");
    Diagnostic error = onlyError(result);
    assertEquals("CLASSIFY target: used from hooks PREROUTING, but only usable from"
        + " FORWARD/OUTPUT/POSTROUTING", error.message());
    assertEquals(10, error.position().line());
  }
}

package org.packetpath.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.packetpath.engine.sim.MatchTesting.matched;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.Trace;

/**
 * HMARK sets the mark the kernel's hash gives (the marks below were read from conntrack after
 * the same packets crossed HMARK rules on Linux 6.18); SYNPROXY stops SYNs and ACKs; TPROXY, with
 * no transparent socket, drops; the targets acting beside the packet let it go on unchanged.
 */
class SpecialTargetsTest {
  private static final String UDP = "udp attacker:40000 > fw:161 in wan0";

  private static List<Integer> marked(String hmark, long mark, String packet) {
    Simulator fw = MatchTesting.firewall("mangle", "-A PREROUTING " + hmark,
        "-A PREROUTING -m mark --mark " + mark);
    return matched(fw, packet, "mangle:PREROUTING");
  }

  @Test
  void hmarkHashesAddressesPortsAndProtocolAsTheKernel() {
    assertEquals(List.of(1, 2), marked("-j HMARK --hmark-tuple src,dst,sport,dport,proto"
        + " --hmark-mod 1000 --hmark-rnd 0x12345678 --hmark-offset 7", 40, UDP));
    assertEquals(List.of(1, 2), marked("-j HMARK --hmark-tuple src,dst --hmark-mod 16"
        + " --hmark-rnd 0xcafe --hmark-offset 0x100", 262, "tcp attacker:40001 > fw:22 in wan0"));
    assertEquals(List.of(1, 2), marked("-j HMARK --hmark-tuple src,dst,proto,sport"
        + " --hmark-mod 1000000 --hmark-rnd 3", 463112, "icmp attacker > fw in wan0"));
  }

  @Test
  void hmarkOfAnIcmpErrorHashesTheHeaderItReportsOn() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A OUTPUT -p icmp -j HMARK --hmark-tuple src,dst,proto,sport --hmark-mod 1000000"
            + " --hmark-rnd 3",
        "-A OUTPUT -m mark --mark 564936");
    // a closed port (the kernel case used 161, closed there); the hash leaves out the port
    Trace t = fw.send("udp attacker:40000 > fw:9 in wan0");
    Trace unreachable = t.generated().get(0);
    assertEquals(List.of(1, 2), matched(unreachable, "mangle:OUTPUT"));
  }

  @Test
  void hmarkOfTheConnectionNeedsConnectionTracking() {
    String hmark = "-A PREROUTING -j HMARK --hmark-tuple ct,src,dst,sport,dport"
        + " --hmark-mod 77777 --hmark-rnd 9";
    Simulator tracked = MatchTesting.firewall("mangle", hmark,
        "-A PREROUTING -m mark --mark 20648", "-A PREROUTING -m conntrack --ctstate NEW");
    String packet = "udp attacker:40002 > fw:53 in wan0";
    assertEquals(List.of(1, 2, 3), matched(tracked, packet, "mangle:PREROUTING"));
    Simulator untracked = MatchTesting.firewall("mangle", hmark,
        "-A PREROUTING -m mark --mark 0");
    assertEquals(List.of(1, 2), matched(untracked, packet, "mangle:PREROUTING"),
        "without a connection the mark stays");
  }

  @Test
  void synproxyStopsSynsAndAcksAndLetsOtherSegmentsOn() {
    Simulator fw = MatchTesting.firewall("filter", "-A INPUT -p tcp -j SYNPROXY",
        "-A INPUT -p tcp");
    Trace syn = fw.send("tcp attacker:40001 > fw:22 SYN in wan0");
    assertEquals(Disposition.DROPPED, syn.disposition());
    assertEquals(List.of(1), matched(syn, "filter:INPUT"));
    assertEquals(Disposition.DROPPED, fw.send("tcp attacker:40001 > fw:22 ACK in wan0")
        .disposition());
    assertEquals(List.of(1, 2), matched(fw, "tcp attacker:40001 > fw:22 FIN,ACK in wan0",
        "filter:INPUT"));
  }

  @Test
  void tproxyDropsForWantOfATransparentSocket() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A PREROUTING -p tcp -j TPROXY --on-port 3128 --tproxy-mark 1", "-A INPUT");
    Trace t = fw.send("tcp attacker:40001 > fw:22 in wan0");
    assertEquals(Disposition.DROPPED, t.disposition());
    assertEquals(List.of(), matched(t, "mangle:INPUT"));
  }

  @Test
  void targetsActingBesideThePacketLetItGoOnUnchanged() {
    Simulator fw = MatchTesting.firewall("mangle",
        "-A PREROUTING -j AUDIT --type accept",
        "-A PREROUTING -j IDLETIMER --timeout 10 --label idle",
        "-A PREROUTING -j RATEEST --rateest-name r --rateest-interval 1s --rateest-ewmalog 8s",
        "-A PREROUTING -j TEE --gateway 10.0.0.2",
        "-A PREROUTING -j SET --add-set seen src",
        "-A PREROUTING -j CONNSECMARK --restore",
        "-A PREROUTING -j LED --led-trigger-id fw",
        "-A PREROUTING -m mark --mark 0");
    Trace t = fw.send(UDP);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), matched(t, "mangle:PREROUTING"));
    assertNotEquals(Disposition.DROPPED, t.disposition());
  }

  @Test
  void targetsWhoseEffectIsNotModelledAreWarnedAbout() {
    String rules = "*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n"
        + "-A PREROUTING -p tcp -j TPROXY --on-port 3128\n"
        + "-A PREROUTING -j TEE --gateway 10.0.0.2\n"
        + "-A PREROUTING -j SET --add-set seen src\n"
        + "-A PREROUTING -j LED --led-trigger-id fw\n"
        + "-A INPUT -p tcp -j SYNPROXY\nCOMMIT\n";
    List<String> warned = RulesParser.parse("rules.v4", rules).warnings().stream()
        .map(Diagnostic::message).map(m -> m.replaceAll("^module '(\\w+)'.*", "$1")).toList();
    assertEquals(List.of("TPROXY", "TEE", "SET", "LED", "SYNPROXY"), warned);
    assertTrue(RulesParser.parse("rules.v4", rules).errors().isEmpty());
  }
}

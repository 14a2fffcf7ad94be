package org.packetpath.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.parse.RulesParser;

/** The Condition and Action trees rules are read into, for the base options and the targets. */
class RuleMeaningTest {
  private static Rule rule(String table, String line) {
    Ruleset r = RulesParser.parse("t.rules", "*" + table + "\n" + line + "\nCOMMIT\n",
        RulesParser.Format.SAVE).orThrow();
    return r.tables().get(0).chains().stream().filter(c -> !c.rules().isEmpty()).findFirst()
        .orElseThrow().rules().get(0);
  }

  private static Action action(String table, String line) {
    return rule(table, line).target().orElseThrow().action();
  }

  private static long ip(int a, int b, int c, int d) {
    return ((long) a << 24) | (b << 16) | (c << 8) | d;
  }

  @Test
  void baseOptionsAndATcpMatchBecomeOneTree() {
    Rule rule = rule("filter", "-A INPUT -s 10.0.0.0/8 ! -i eth0 -p tcp -m tcp ! --dport 22"
        + " -j DROP");
    assertEquals(Condition.all(
        Condition.in(Field.SOURCE, IntervalSet.range(ip(10, 0, 0, 0), ip(10, 255, 255, 255))),
        new Condition.Not(new Condition.Iface(Condition.Direction.IN, "eth0")),
        Condition.is(Field.PROTOCOL, 6),
        Condition.is(Field.PROTOCOL, 6),
        new Condition.Not(Condition.is(Field.DESTINATION_PORT, 22))), rule.condition());
  }

  @Test
  void aNetmaskWithHolesIsAMaskedComparison() {
    Rule rule = rule("filter", "-A INPUT -d 10.0.5.0/255.0.255.0 -j ACCEPT");
    assertEquals(new Condition.FieldIn(Field.DESTINATION, 0xff00ff00L,
        IntervalSet.of(ip(10, 0, 5, 0))), rule.condition());
  }

  @Test
  void multiportAndConntrackSayWhatTheKernelTests() {
    Rule rule = rule("filter", "-A INPUT -p udp -m multiport --dports 53,1024:2048"
        + " -m conntrack --ctstate NEW,DNAT -j ACCEPT");
    Condition ports = Condition.in(Field.DESTINATION_PORT,
        IntervalSet.of(53).union(IntervalSet.range(1024, 2048)));
    assertEquals(List.of(
        Condition.is(Field.PROTOCOL, 17),
        Condition.in(Field.PROTOCOL, IntervalSet.union(List.of(IntervalSet.of(6),
            IntervalSet.of(17), IntervalSet.of(33), IntervalSet.of(132), IntervalSet.of(136)))),
        ports,
        new Condition.Any(List.of(new Condition.CtStates(Set.of(CtState.NEW)),
            new Condition.CtStatus(Set.of(Condition.Status.DST_NAT))))),
        ((Condition.All) rule.condition()).parts());
  }

  @Test
  void targetsBecomeActions() {
    assertEquals(new Action.Reject(Action.RejectWith.TCP_RESET),
        action("filter", "-A INPUT -p tcp -j REJECT --reject-with tcp-reset"));
    assertEquals(new Action.Reject(Action.RejectWith.ICMP_PORT_UNREACHABLE),
        action("filter", "-A INPUT -j REJECT"));
    assertEquals(new Action.Nat(Action.NatKind.DNAT,
            Optional.of(Action.Range.of(ip(10, 0, 1, 2), ip(10, 0, 1, 3))),
            Optional.of(Action.Range.of(80, 80)), false, false),
        action("nat", "-A PREROUTING -p tcp -j DNAT --to-destination 10.0.1.2-10.0.1.3:80"));
    assertEquals(new Action.Nat(Action.NatKind.MASQUERADE, Optional.empty(), Optional.empty(),
        true, false), action("nat", "-A POSTROUTING -o wan0 -j MASQUERADE --random"));
    assertEquals(new Action.Netmap((int) ip(192, 168, 0, 0), 16),
        action("nat", "-A PREROUTING -j NETMAP --to 192.168.7.7/16"));
    assertEquals(new Action.SetMark(0x1, 0x1), action("mangle", "-A PREROUTING -j MARK"
        + " --or-mark 1"));
    assertEquals(new Action.ConnMark(Action.ConnMarkOp.SAVE, 0, 0xffL, 0xffL, 0),
        action("mangle", "-A PREROUTING -j CONNMARK --save-mark --mask 0xff"));
    assertEquals(new Action.NoTrack(), action("raw", "-A PREROUTING -j CT --notrack"));
    assertEquals(new Action.Log(false, "fw: "), action("filter", "-A INPUT -j LOG"
        + " --log-prefix \"fw: \""));
    assertEquals(new Action.Queue(true), action("filter", "-A INPUT -j NFQUEUE --queue-bypass"));
    assertEquals(new Action.Jump("LOGDROP"), rule("filter", ":LOGDROP - [0:0]\n"
        + "-A INPUT -j LOGDROP").target().orElseThrow().action());
  }
}

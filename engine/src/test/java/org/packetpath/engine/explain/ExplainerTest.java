package org.packetpath.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.parse.RulesParser;

class ExplainerTest {
  private static List<String> explain(String text) {
    return Explainer.explain(RulesParser.parse("r", text).orThrow()).stream()
        .map(Explanation::toString)
        .toList();
  }

  @Test
  void describesChainsAndRulesInOrder() {
    List<String> lines = explain("""
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :LOGDROP - [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT ! -s 198.51.100.0/24 -p tcp --dport 22 -j LOGDROP
        -A INPUT -p udp -m multiport --dports 53,123 -j ACCEPT
        -A INPUT -p tcp --syn -j REJECT --reject-with tcp-reset
        -A LOGDROP -j LOG --log-prefix "ssh: "
        -A LOGDROP -j DROP
        COMMIT
        """);
    assertEquals(List.of(
        "filter INPUT: built-in chain, policy DROP: sees packets addressed to the firewall"
            + " itself; packets that match no rule are dropped",
        "filter INPUT rule 1: accept packets from anywhere arriving on lo",
        "filter INPUT rule 2: send TCP packets to port 22 from anything but 198.51.100.0/24"
            + " to chain LOGDROP, then continue here",
        "filter INPUT rule 3: accept UDP packets to port 53, 123 from anywhere",
        "filter INPUT rule 4: reject (answer with tcp-reset) TCP packets starting a new"
            + " connection (SYN) from anywhere",
        "filter FORWARD: built-in chain, policy ACCEPT: sees packets passing through the firewall"
            + " from one interface to another; packets that match no rule are accepted"
            + " (it has no rules)",
        "filter OUTPUT: built-in chain, policy ACCEPT: sees packets the firewall itself sends;"
            + " packets that match no rule are accepted (it has no rules)",
        "filter LOGDROP: user-defined chain: reached from INPUT rule 2; packets that match no"
            + " rule return to the rule after the jump",
        "filter LOGDROP rule 1: log packets from anywhere with prefix \"ssh: \", then continue",
        "filter LOGDROP rule 2: drop packets from anywhere"),
        lines);
  }

  @Test
  void describesHeaderRewrites() {
    List<String> lines = explain("""
        *mangle
        :PREROUTING ACCEPT [0:0]
        -A PREROUTING -j TTL --ttl-set 5
        -A PREROUTING -j TTL --ttl-dec 2
        -A PREROUTING -j TTL --ttl-inc 1
        -A PREROUTING -j DSCP --set-dscp-class EF
        -A PREROUTING -j TOS --xor-tos 0x10
        COMMIT
        """).stream().filter(l -> l.matches(".* rule \\d+: .*")).toList();
    assertEquals(List.of(
        "mangle PREROUTING rule 1: set the TTL of packets from anywhere to 5, then continue",
        "mangle PREROUTING rule 2: lower the TTL of packets from anywhere by 2 (to no less"
            + " than 0), then continue",
        "mangle PREROUTING rule 3: raise the TTL of packets from anywhere by 1 (to at most"
            + " 255), then continue",
        "mangle PREROUTING rule 4: set bits 0xfc of the TOS byte of packets from anywhere to"
            + " 0xb8, then continue",
        "mangle PREROUTING rule 5: set the TOS byte of packets from anywhere to (TOS AND 0xff)"
            + " XOR 0x10, then continue"),
        lines);
  }
}

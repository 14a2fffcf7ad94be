package org.packetpath.engine.trace.view;

import java.util.List;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.trace.Trace;

/**
 * The seed scenario's packets whose views are golden files: the attacker's SYN to ssh on the
 * compromised firewall (accepted by the INPUT policy, answered with a SYN-ACK) and on the fixed
 * one (dropped by INPUT rule 4), a LAN PC reaching the Internet through MASQUERADE and the reply
 * coming back, and an SNMP probe rejected with an ICMP error. The engine's views and the lab's
 * JSON are checked against them.
 */
public final class SeedTraces {
  private SeedTraces() {}

  /** Packets sent one after another through the example firewall with rules file {@code rules}. */
  public record Case(String name, String rules, List<String> packets) {
    /** The traces of the packets, from a fresh firewall. */
    public List<Trace> traces() {
      return Goldens.send(rules, Backend.NFT, packets.toArray(String[]::new));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case, in a fixed order. */
  public static List<Case> all() {
    return List.of(
        new Case("compromised-ssh", "compromised.rules",
            List.of("tcp attacker:40001 > fw:22 in wan0")),
        new Case("fixed-ssh", "fixed.rules", List.of("tcp attacker:40001 > fw:22 in wan0")),
        new Case("masquerade", "fixed.rules", List.of("tcp pc1:40004 > internet:80 in lan0",
            "tcp internet:80 > 203.0.113.1:40004 SYN,ACK in wan0")),
        new Case("reject", "reject.rules", List.of("udp attacker:40005 > fw:161 in wan0")));
  }
}

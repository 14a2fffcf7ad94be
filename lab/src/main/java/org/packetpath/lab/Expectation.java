package org.packetpath.lab;

import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;

/**
 * What must happen to the last packet of a check. Only {@code outcome} is required; every other
 * part is checked only when present.
 *
 * @param outcome how the packet's journey ends
 * @param where the table and chain that gave the verdict: for a stopped packet the rule or
 *     policy that stopped it, for a packet that went on one that accepted it
 * @param ctstate the packet's connection-tracking state, in capitals ({@code ESTABLISHED})
 * @param out the interface the packet leaves by
 * @param finalHeader the header the packet leaves with, after NAT; only protocol, addresses and
 *     ports are compared
 * @param finalText {@code finalHeader} as the exercise file wrote it, for messages
 * @param answer how the firewall's own answer to the packet (a SYN,ACK, a reset, an ICMP error)
 *     ends
 */
public record Expectation(
    Outcome outcome,
    Optional<Where> where,
    Optional<String> ctstate,
    Optional<String> out,
    Optional<Packet> finalHeader,
    Optional<String> finalText,
    Optional<Outcome> answer) {

  public Expectation {
    Checks.nonNull("outcome", outcome, "where", where, "ctstate", ctstate, "out", out,
        "finalHeader", finalHeader, "finalText", finalText, "answer", answer);
  }

  /** Only an outcome. */
  public static Expectation of(Outcome outcome) {
    return new Expectation(outcome, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }
}

package org.packetpath.engine.trace;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.rules.CtState;

/**
 * What happened to one simulated packet: every step in order, the rules and policies it hit,
 * its connection-tracking state, how it ended, the interface it left by and its header as it
 * left, and the packets the firewall generated in response, each with its own trace.
 *
 * @param ctState the conntrack state of the packet as rules after the raw table saw it
 * @param steps what happened, in order; empty when the simulator does not record steps
 * @param hits exactly what the packet added to the counters, in order
 * @param out the interface the packet left by, if it left
 * @param finalPacket the packet as it left, after NAT, if it left
 */
public record Trace(
    PacketSpec packet,
    CtState ctState,
    List<Step> steps,
    List<RuleHit> hits,
    Disposition disposition,
    Optional<String> out,
    Optional<Packet> finalPacket,
    List<Trace> generated) {

  public Trace {
    Checks.nonNull("packet", packet, "ctState", ctState, "disposition", disposition, "out", out,
        "finalPacket", finalPacket);
    steps = List.copyOf(steps);
    hits = List.copyOf(hits);
    generated = List.copyOf(generated);
  }

  /**
   * The places of the pipeline the packet entered, in order, from where it started to where it
   * ended ({@link Place#DROP} when it was dropped); a place entered twice is listed twice. Read
   * from the steps, so empty when the simulator does not record them.
   */
  public List<Place> places() {
    return steps.stream()
        .filter(s -> s instanceof Step.Entered)
        .map(s -> ((Step.Entered) s).place())
        .toList();
  }

  /**
   * The text of the rule {@code hit} counts, as the last step that found it matching records
   * it; empty for a policy, or when the steps do not hold it (the simulator does not record
   * steps).
   */
  public Optional<String> ruleText(RuleHit hit) {
    if (hit.isPolicy()) {
      return Optional.empty();
    }
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof Step.RuleChecked r && r.matched() && r.rule() == hit.rule()
          && r.table() == hit.table() && r.chain().equals(hit.chain())) {
        return Optional.of(r.text());
      }
    }
    return Optional.empty();
  }

  /** The last routing decision taken, if the steps record any. */
  public Optional<Step.Routed> lastRouting() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof Step.Routed r) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The chains the packet entered, in order, as {@code table:CHAIN}. */
  public List<String> path() {
    return steps.stream()
        .filter(s -> s instanceof Step.ChainEntered)
        .map(s -> (Step.ChainEntered) s)
        .map(c -> c.table().label() + ":" + c.chain())
        .toList();
  }
}

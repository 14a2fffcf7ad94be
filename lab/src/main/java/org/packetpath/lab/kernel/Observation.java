package org.packetpath.lab.kernel;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.Ruleset;

/**
 * What the kernel did with one packet.
 *
 * @param counters every rule and policy of every table the kernel holds, with its absolute
 *     counters after the packet (subtract those of an earlier observation, or rely on {@link
 *     KernelLab#reset}, for what this packet added)
 * @param saveText the {@code iptables-save -c} output the counters were read from
 * @param frames the IPv4 frames that left the firewall because of the packet, in the order
 *     they left: the packet itself if it was forwarded or sent, and every answer the firewall
 *     generated (SYN-ACK, RST, ICMP errors, echo replies)
 * @param conntrack the lines of {@code conntrack -L} after the packet
 * @param sendError for a packet the firewall sends itself, the error its raw socket reported
 *     (for example "Operation not permitted" when a rule in OUTPUT dropped it)
 */
public record Observation(
    Ruleset counters,
    String saveText,
    List<Frame> frames,
    List<String> conntrack,
    Optional<String> sendError) {

  public Observation {
    Checks.nonNull("counters", counters, "saveText", saveText, "sendError", sendError);
    frames = List.copyOf(frames);
    conntrack = List.copyOf(conntrack);
  }

  /** The packets that left by interface {@code out}, in order. */
  public List<Packet> leftBy(String out) {
    return frames.stream().filter(f -> f.out().equals(out)).map(Frame::packet).toList();
  }
}

package org.packetpath.engine.sim;

import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * Everything a rule can look at while a packet traverses one chain: the packet as it is now,
 * the interfaces it came in and goes out by (when known at this hook), and its connection.
 *
 * @param ct the packet's connection-tracking entry and direction, if it has one
 * @param ctState the state matches see (INVALID in the raw table, before conntrack ran)
 * @param local whether the firewall itself sent the packet, from one of its sockets (the owner
 *     match looks at this socket); false for packets that arrived and are forwarded
 */
record Visit(
    Packet packet,
    Optional<String> in,
    Optional<String> out,
    Hook hook,
    Table table,
    CtState ctState,
    Optional<ConnView> ct,
    boolean local) {

  public Visit {
    Checks.nonNull("packet", packet, "in", in, "out", out, "hook", hook, "table", table,
        "ctState", ctState, "ct", ct);
  }

  /** What rules can see of a connection-tracking entry. */
  public interface ConnView {
    /** Whether the packet travels in the reply direction of its connection. */
    boolean reply();

    /** The original direction's tuple: source, destination, ports, protocol. */
    Tuple original();

    /** The reply direction's tuple, after NAT. */
    Tuple replyTuple();

    boolean seenReply();

    boolean assured();

    boolean confirmed();

    boolean sourceNat();

    boolean destinationNat();

    long mark();

    /** The packets counted in the reply (or the original) direction, this one included. */
    long packets(boolean replyDirection);

    /** The bytes counted in the reply (or the original) direction, this packet's included. */
    long bytes(boolean replyDirection);

    /** Whether the entry is in the table: confirmed and not deleted since. */
    boolean tracked();
  }
}

package org.packetpath.lab.kernel;

import org.packetpath.engine.input.Checks;
import org.packetpath.engine.packet.Packet;

/**
 * A frame that left the firewall: the firewall interface it left by and the IPv4 packet it
 * carried, as seen on the wire after every NAT rewrite.
 */
public record Frame(String out, Packet packet) {
  public Frame {
    Checks.nonNull("out", out, "packet", packet);
  }

  /** {@code wan0: tcp 203.0.113.1:22 > 192.0.2.66:40000 SYN,ACK ttl 64 length 44}. */
  @Override
  public String toString() {
    return out + ": " + packet + " ttl " + packet.ttl() + " length " + packet.length();
  }
}

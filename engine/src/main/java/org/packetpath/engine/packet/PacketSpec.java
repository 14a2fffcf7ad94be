package org.packetpath.engine.packet;

import java.util.Optional;
import org.packetpath.engine.input.Checks;

/**
 * A packet to simulate and where it starts: arriving on an interface ({@code in wan0}) or sent
 * by the firewall itself ({@code local}, when {@code in} is empty).
 */
public record PacketSpec(Packet packet, Optional<String> in) {
  public PacketSpec {
    Checks.nonNull("packet", packet, "in", in);
  }

  public boolean isLocal() {
    return in.isEmpty();
  }

  /** In packet syntax: {@code tcp 192.0.2.7:40001 > 203.0.113.1:22 SYN in wan0}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(packet.toString());
    out.append(in.map(i -> " in " + i).orElse(" local"));
    if (packet.ttl() != 64) {
      out.append(" ttl ").append(packet.ttl());
    }
    if (packet.mark() != 0) {
      out.append(" mark 0x").append(Long.toHexString(packet.mark()));
    }
    return out.toString();
  }
}

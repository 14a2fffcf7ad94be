package org.packetpath.lab;

import org.packetpath.engine.input.Checks;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.packet.PacketSpec;

/**
 * A packet a check sends, as the exercise file wrote it ({@code tcp office:40000 > fw:22 in
 * wan0}) and as it reads in the exercise's topology.
 *
 * @param position where the exercise file wrote it
 */
public record Probe(String text, PacketSpec spec, SourcePosition position) {
  public Probe {
    Checks.nonNull("text", text, "spec", spec, "position", position);
  }
}

package org.packetpath.engine.ext;

import java.util.List;

final class PacketMatches {
  private PacketMatches() {}

  static List<ModuleSpec> all() {
    return List.of();
  }
}

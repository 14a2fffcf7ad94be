package org.packetpath.engine.ext;

import java.util.List;

final class PacketTargets {
  private PacketTargets() {}

  static List<ModuleSpec> all() {
    return List.of();
  }
}

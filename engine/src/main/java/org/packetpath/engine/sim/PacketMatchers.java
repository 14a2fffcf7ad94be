package org.packetpath.engine.sim;

import java.util.Map;

final class PacketMatchers {
  private PacketMatchers() {}

  static Map<String, Matchers.ModuleCompiler> all() {
    return Map.of();
  }
}

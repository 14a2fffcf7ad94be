package org.packetpath.engine.sim;

import java.util.Map;

final class AdvancedMatchers {
  private AdvancedMatchers() {}

  static Map<String, Matchers.ModuleCompiler> all() {
    return Map.of();
  }
}

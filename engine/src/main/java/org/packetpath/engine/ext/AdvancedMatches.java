package org.packetpath.engine.ext;

import java.util.List;

final class AdvancedMatches {
  private AdvancedMatches() {}

  static List<ModuleSpec> all() {
    return List.of();
  }
}

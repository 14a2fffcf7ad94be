package org.packetpath.engine.ext;

import java.util.List;

final class NatTargets {
  private NatTargets() {}

  static List<ModuleSpec> all() {
    return List.of();
  }
}

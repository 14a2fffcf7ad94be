package org.packetpath.engine.ext;

import org.packetpath.engine.rules.Action;

/** The {@code TRACE} target: the kernel logs every rule the packet meets from here on. */
final class TraceTarget {
  private TraceTarget() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("TRACE")
        .does(options -> new Action.Continue("TRACE", "logs the packet's way through the rules"
            + " that follow; the trace here shows it anyway", false));
  }
}

package org.packetpath.engine.trace.view;

import org.packetpath.engine.trace.Step;

/** Routing decisions as the views print them. */
final class Routing {
  private Routing() {}

  /**
   * The decision of {@code step} without a leading {@code "route: "}: the views print their own
   * heading before it, and the simulator words the output route {@code "route: out wan0 ..."}.
   */
  static String decision(Step.Routed step) {
    String d = step.decision();
    return d.startsWith("route: ") ? d.substring("route: ".length()) : d;
  }
}

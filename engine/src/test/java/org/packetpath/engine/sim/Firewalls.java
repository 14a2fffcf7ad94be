package org.packetpath.engine.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.topology.Topology;

/** Builds simulated firewalls for tests: the example topology with a given ruleset. */
final class Firewalls {
  private Firewalls() {}

  static Topology example() {
    try {
      return SeedScenarioTest.topology();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Simulator with(String rules) {
    return with(rules, Backend.NFT);
  }

  static Simulator with(String rules, Backend backend) {
    return Simulator.of(example(), RulesParser.parse("rules.v4", rules).orThrow(), backend);
  }

  static Simulator with(Topology topology, String rules) {
    return Simulator.of(topology, RulesParser.parse("rules.v4", rules).orThrow());
  }
}

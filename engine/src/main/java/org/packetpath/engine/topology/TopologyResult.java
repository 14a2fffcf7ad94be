package org.packetpath.engine.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.parse.Diagnostic;
import org.packetpath.engine.parse.RulesException;

/**
 * What reading a topology file produced: the topology when there were no errors, and every
 * diagnostic (errors and warnings) in file order.
 */
public record TopologyResult(Optional<Topology> topology, List<Diagnostic> diagnostics) {
  public TopologyResult {
    Objects.requireNonNull(topology, "topology");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  /** The topology, or a {@link RulesException} carrying the errors. */
  public Topology orThrow() {
    return topology.orElseThrow(() -> new RulesException(errors()));
  }
}

package org.packetpath.engine.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnosed;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;

/**
 * What reading a topology file produced: the topology when there were no errors, and every
 * diagnostic (errors and warnings) in file order.
 */
public record TopologyResult(Optional<Topology> topology, List<Diagnostic> diagnostics)
    implements Diagnosed {
  public TopologyResult {
    Objects.requireNonNull(topology, "topology");
    diagnostics = List.copyOf(diagnostics);
  }

  /** The topology, or a {@link InputException} carrying the errors. */
  public Topology orThrow() {
    return topology.orElseThrow(() -> new InputException(errors()));
  }
}

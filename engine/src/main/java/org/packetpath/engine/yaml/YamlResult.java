package org.packetpath.engine.yaml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnosed;
import org.packetpath.engine.input.Diagnostic;

/**
 * What reading a YAML document produced: the root node when there were no errors (an empty
 * document is an empty plain scalar), and every diagnostic in file order.
 */
record YamlResult(Optional<YamlNode> root, List<Diagnostic> diagnostics)
    implements Diagnosed {
  public YamlResult {
    Objects.requireNonNull(root, "root");
    diagnostics = List.copyOf(diagnostics);
  }
}

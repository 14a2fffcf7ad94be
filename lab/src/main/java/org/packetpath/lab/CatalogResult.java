package org.packetpath.lab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnosed;
import org.packetpath.engine.input.Diagnostic;

/**
 * What reading the exercises produced: the catalog when no file had an error, and every
 * diagnostic, each at the file and line of the mistake.
 */
public record CatalogResult(Optional<ExerciseCatalog> catalog, List<Diagnostic> diagnostics)
    implements Diagnosed {
  public CatalogResult {
    Objects.requireNonNull(catalog, "catalog");
    diagnostics = List.copyOf(diagnostics);
  }

  /** The catalog; throws {@link IllegalStateException} listing the errors when there is none. */
  public ExerciseCatalog orThrow() {
    return catalog.orElseThrow(() -> new IllegalStateException("the exercises have errors:\n"
        + String.join("\n", errors().stream().map(Diagnostic::render).toList())));
  }
}

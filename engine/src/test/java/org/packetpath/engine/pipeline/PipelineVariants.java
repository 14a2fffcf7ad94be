package org.packetpath.engine.pipeline;

import org.packetpath.engine.rules.Hook;

/** Pipelines that are not a kernel's, for tests in other packages. */
public final class PipelineVariants {
  private PipelineVariants() {}

  /** {@code pipeline} without {@code hook}: what led to it leads past it. */
  public static Pipeline without(Pipeline pipeline, Hook hook) {
    return pipeline.without(hook);
  }
}

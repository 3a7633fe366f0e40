package dev.executortools.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a catalog run goes.
 *
 * @param outDir where the {@code <slug>.json} cache files go (created when missing)
 * @param jobs how many specs are extracted at once, each in its own worker JVM
 * @param timeoutPerSpec the time budget of one spec, reading included; past it the worker is
 *     stopped
 * @param heapMbPerJob each worker's heap, the memory budget of one spec
 * @param inputSchemas whether each tool gets the full input schema {@code openapi.addSource} gives
 *     it (integrations.sh's own lists have none)
 */
public record ExtractOptions(
    Path outDir, int jobs, Duration timeoutPerSpec, int heapMbPerJob, boolean inputSchemas) {
  public ExtractOptions {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(timeoutPerSpec, "timeoutPerSpec");
    if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
    if (timeoutPerSpec.isNegative() || timeoutPerSpec.isZero()) {
      throw new IllegalArgumentException("the per-spec timeout must be positive");
    }
    if (heapMbPerJob < 64)
      throw new IllegalArgumentException("the heap per job must be at least 64 MB");
  }

  /**
   * The default heap of a worker: this JVM's own maximum shared among the jobs, at least 256 MB.
   */
  public static int defaultHeapMb(int jobs) {
    return (int) Math.max(256, (Runtime.getRuntime().maxMemory() >> 20) / jobs);
  }
}

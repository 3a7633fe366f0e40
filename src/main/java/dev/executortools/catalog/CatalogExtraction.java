package dev.executortools.catalog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A catalog run: every spec extracted into its cache file by a pool of worker JVMs ({@code jobs} of
 * them, each owned by one thread here), with a time and memory budget per spec. A spec that fails
 * in any way gets an {@code error} entry with its reason and the run goes on. Only counts are kept
 * here; tools go straight from the worker to disk.
 *
 * <p>Specs are handed out largest file first (URLs last): the few huge documents start at once and
 * the many small ones fill the gaps, so no big spec is left running alone at the end.
 */
public final class CatalogExtraction {
  private CatalogExtraction() {}

  public static RunSummary run(
      List<SpecInput> inputs, ExtractOptions options, PrintStream progressTo, boolean terminal)
      throws IOException, InterruptedException {
    Files.createDirectories(options.outDir());
    RunSummary summary = new RunSummary(inputs.size());
    ProgressLine progress = new ProgressLine(progressTo, terminal);
    List<SpecInput> order = largestFirst(inputs);
    AtomicInteger next = new AtomicInteger();
    int threads = Math.max(1, Math.min(options.jobs(), inputs.size()));
    List<Thread> pool = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      Thread thread =
          new Thread(() -> work(order, next, options, summary, progress), "catalog-job-" + i);
      pool.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : pool) thread.join();
    } finally {
      for (Thread thread : pool) thread.interrupt();
    }
    progress.update(summary, true);
    return summary;
  }

  private static List<SpecInput> largestFirst(List<SpecInput> inputs) {
    List<Map.Entry<SpecInput, Long>> sized = new ArrayList<>(inputs.size());
    for (SpecInput input : inputs) sized.add(Map.entry(input, size(input)));
    sized.sort(Map.Entry.<SpecInput, Long>comparingByValue().reversed());
    return sized.stream().map(Map.Entry::getKey).toList();
  }

  private static long size(SpecInput input) {
    if (input.url()) return -1;
    try {
      return Files.size(Path.of(input.spec()));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void work(
      List<SpecInput> inputs,
      AtomicInteger next,
      ExtractOptions options,
      RunSummary summary,
      ProgressLine progress) {
    try (WorkerProcess worker = new WorkerProcess(options)) {
      for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
        SpecInput input = inputs.get(i);
        Path file = options.outDir().resolve(input.slug() + ".json");
        ExtractOutcome outcome = clearPrevious(file);
        if (outcome == null) outcome = worker.extract(input, options.timeoutPerSpec());
        if (outcome.status() == ExtractStatus.ERROR && !hasEntry(file))
          outcome = recordFailure(file, outcome);
        summary.record(input, outcome);
        progress.update(summary, false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Removes an entry left by an earlier run, so that an entry present afterwards is this run's; an
   * error outcome when it cannot be removed.
   */
  private static ExtractOutcome clearPrevious(Path file) {
    try {
      Files.deleteIfExists(file);
      return null;
    } catch (IOException e) {
      return ExtractOutcome.failed("cannot replace " + file + ": " + e.getMessage(), 0);
    }
  }

  /** True when the worker wrote this spec's entry (it does, unless it was stopped or died). */
  private static boolean hasEntry(Path file) {
    return Files.exists(file);
  }

  /** The entry of a spec whose worker was stopped or died: written here, from the parent. */
  private static ExtractOutcome recordFailure(Path file, ExtractOutcome outcome) {
    try {
      Files.deleteIfExists(CacheFile.temporary(file));
      CacheFile.writeFailure(file, Instant.now(), outcome.reason());
      return outcome;
    } catch (IOException e) {
      return ExtractOutcome.failed(
          outcome.reason() + "; and its cache file could not be written: " + e.getMessage(),
          outcome.millis());
    }
  }
}

package dev.executortools.catalog;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counts of a catalog run, its slowest specs and its errors, kept in bounded memory however many
 * specs there are (the tools themselves are in the cache files). Thread-safe.
 */
public final class RunSummary {
  static final int SLOWEST = 10;
  static final int MAX_ERRORS_LISTED = 200;

  private record Entry(SpecInput input, ExtractOutcome outcome) {}

  private final int total;
  private final long startNanos = System.nanoTime();
  private final PriorityQueue<Entry> slowest =
      new PriorityQueue<>(Comparator.comparingLong((Entry e) -> e.outcome().millis()));
  private final List<Entry> errors = new ArrayList<>();
  private int done;
  private int ok;
  private int error;
  private long operations;
  private long tools;

  public RunSummary(int total) {
    this.total = total;
  }

  public synchronized void record(SpecInput input, ExtractOutcome outcome) {
    done++;
    if (outcome.status() == ExtractStatus.OK) ok++;
    else error++;
    operations += outcome.operations();
    tools += outcome.count();
    Entry entry = new Entry(input, outcome);
    slowest.add(entry);
    if (slowest.size() > SLOWEST) slowest.poll();
    if (outcome.status() == ExtractStatus.ERROR && errors.size() < MAX_ERRORS_LISTED)
      errors.add(entry);
  }

  public synchronized int done() {
    return done;
  }

  public synchronized int ok() {
    return ok;
  }

  public synchronized int errors() {
    return error;
  }

  public int total() {
    return total;
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /**
   * {@code {"counts": {...}, "elapsedMillis", "specsPerSecond", "slowest": [...], "errors":
   * [...]}}.
   */
  public synchronized ObjectNode toJson() {
    long elapsed = elapsedMillis();
    ObjectNode json = Json.object();
    json.putObject("counts")
        .put("total", total)
        .put("ok", ok)
        .put("error", error)
        .put("operations", operations)
        .put("tools", tools);
    json.put("elapsedMillis", elapsed);
    json.put("specsPerSecond", elapsed == 0 ? 0 : Math.round(done * 10_000.0 / elapsed) / 10.0);
    ArrayNode slow = json.putArray("slowest");
    slowest.stream()
        .sorted(Comparator.comparingLong((Entry e) -> e.outcome().millis()).reversed())
        .forEach(e -> slow.add(describe(e)));
    ArrayNode failed = json.putArray("errors");
    errors.forEach(e -> failed.add(describe(e)));
    if (error > errors.size()) json.put("errorsNotListed", error - errors.size());
    return json;
  }

  private static ObjectNode describe(Entry e) {
    ObjectNode json = Json.object().put("slug", e.input().slug()).put("spec", e.input().spec());
    json.put("status", e.outcome().status().wireName());
    json.put("millis", e.outcome().millis()).put("operations", e.outcome().operations());
    if (e.outcome().reason() != null) json.put("reason", e.outcome().reason());
    return json;
  }
}

package dev.executortools.bench;

import dev.executortools.ToolRegistry;
import dev.executortools.search.ApiTaskSets;
import java.util.List;

/**
 * On demand: recall@5 and @10 of the sixteen APIs' task sets ({@code ApiTaskSets}), tuned and
 * held-out parts, each API with its source given and across all sixteen in one registry, with the
 * misses.
 *
 * <pre>
 * java -cp ... dev.executortools.bench.SearchEvaluationBenchmark [tuned|heldout|both]
 * </pre>
 */
public final class SearchEvaluationBenchmark {
  private SearchEvaluationBenchmark() {}

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "both";
    try (ToolRegistry registry = ApiTaskSets.registry()) {
      for (boolean heldOut : new boolean[] {false, true}) {
        if (which.equals(heldOut ? "tuned" : "heldout")) continue;
        String part = heldOut ? "held-out" : "tuned";
        for (String api : ApiTaskSets.SPECS.keySet()) {
          ApiTaskSets.Result r = ApiTaskSets.run(registry, heldOut, List.of(api));
          if (r.withSource().outcomes().isEmpty()) continue;
          System.out.printf(
              "%s %-15s tasks %3d  source given r@5 %.3f r@10 %.3f  across r@5 %.3f r@10 %.3f%n",
              part,
              api,
              r.withSource().outcomes().size(),
              r.withSource().recallAt(5),
              r.withSource().recallAt(10),
              r.across().recallAt(5),
              r.across().recallAt(10));
        }
        ApiTaskSets.Result all =
            ApiTaskSets.run(registry, heldOut, List.copyOf(ApiTaskSets.SPECS.keySet()));
        System.out.printf("%s, all, source given: %s", part, all.withSource().summary());
        System.out.printf("%s, all, across: %s", part, all.across().summary());
      }
    }
  }
}

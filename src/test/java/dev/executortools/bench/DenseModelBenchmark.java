package dev.executortools.bench;

import dev.executortools.SearchHit;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.naming.Words;
import dev.executortools.search.ApiTaskSets;
import dev.executortools.search.SearchEvaluation;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On demand: the upper bound of the dense part, the full sentence model all-MiniLM-L6-v2 (test
 * scope) in place of the word vectors distilled from it, on the tuned task sets of {@link
 * ApiTaskSets}: each tool's id words, the start of its description and its parameter names as one
 * sentence, the query as another; ranked by cosine alone, and fused with the lexical ranking as the
 * search fuses them (lexical score over the best one's plus the cosine; the 100 nearest tools that
 * scored nothing lexically with the cosine alone), without the search's grouping of copies.
 *
 * <pre>
 * java -cp ... dev.executortools.bench.DenseModelBenchmark [tuned|heldout|blind|hard] [--eleven]
 * </pre>
 *
 * {@code --eleven}: only the eleven APIs of the issue's own held-out set in the registry.
 */
public final class DenseModelBenchmark {
  private DenseModelBenchmark() {}

  public static void main(String[] args) {
    System.setProperty("executortools.search.ranking", "lexical");
    List<String> flags = List.of(args);
    ApiTaskSets.Part part =
        flags.contains("heldout")
            ? ApiTaskSets.Part.HELD_OUT
            : flags.contains("blind")
                ? ApiTaskSets.Part.BLIND_TUNED
                : flags.contains("hard") ? ApiTaskSets.Part.HARD : ApiTaskSets.Part.TUNED;
    List<String> apis =
        flags.contains("--eleven") ? ApiTaskSets.ELEVEN : List.copyOf(ApiTaskSets.SPECS.keySet());
    AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    try (ToolRegistry registry = ApiTaskSets.registry(apis)) {
      List<Tool> tools = registry.tools();
      List<float[]> vectors = new ArrayList<>();
      long start = System.nanoTime();
      for (int from = 0; from < tools.size(); from += 256) {
        List<TextSegment> batch = new ArrayList<>();
        for (Tool tool : tools.subList(from, Math.min(tools.size(), from + 256))) {
          batch.add(TextSegment.from(text(tool)));
        }
        for (Embedding e : model.embedAll(batch).content()) vectors.add(unit(e.vector()));
      }
      System.out.printf(
          "embedded %d tools in %.0f s%n", tools.size(), (System.nanoTime() - start) / 1e9);
      for (boolean across : new boolean[] {false, true}) {
        List<SearchEvaluation.Outcome> dense = new ArrayList<>();
        List<SearchEvaluation.Outcome> fused = new ArrayList<>();
        for (String api : apis) {
          String source = across ? null : api;
          SearchEvaluation tasks = ApiTaskSets.tasks(api, part);
          dense.addAll(
              tasks.run((q, k) -> nearest(model, q, tools, vectors, source, k, null)).outcomes());
          fused.addAll(
              tasks
                  .run(
                      (q, k) ->
                          nearest(
                              model, q, tools, vectors, source, k, registry.search(q, 200, source)))
                  .outcomes());
        }
        String name = part + (across ? ", across" : ", source given");
        System.out.printf(
            "%s, MiniLM dense: %s", name, new SearchEvaluation.Report(dense).summary());
        System.out.printf(
            "%s, MiniLM fused: %s", name, new SearchEvaluation.Report(fused).summary());
      }
    }
  }

  /** The best {@code k} ids by cosine, or fused with {@code lexical} when given. */
  private static List<String> nearest(
      AllMiniLmL6V2QuantizedEmbeddingModel model,
      String query,
      List<Tool> tools,
      List<float[]> vectors,
      String source,
      int k,
      List<SearchHit> lexical) {
    float[] q = unit(model.embed(query).content().vector());
    Map<String, Double> cosine = new HashMap<>();
    List<Map.Entry<String, Double>> all = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      if (source != null && !tools.get(i).source().equals(source)) continue;
      double dot = 0;
      for (int j = 0; j < q.length; j++) dot += q[j] * vectors.get(i)[j];
      cosine.put(tools.get(i).id(), dot);
      all.add(Map.entry(tools.get(i).id(), dot));
    }
    all.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    if (lexical == null)
      return all.subList(0, Math.min(k, all.size())).stream().map(e -> e.getKey()).toList();
    double best = lexical.stream().mapToDouble(SearchHit::score).max().orElse(1);
    Map<String, Double> fused = new HashMap<>();
    for (SearchHit hit : lexical) {
      fused.put(hit.id(), hit.score() / best + cosine.getOrDefault(hit.id(), 0.0));
    }
    for (Map.Entry<String, Double> e : all.subList(0, Math.min(100, all.size()))) {
      fused.putIfAbsent(e.getKey(), e.getValue());
    }
    return fused.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(k)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String text(Tool tool) {
    String description = tool.description() == null ? "" : tool.description();
    if (description.length() > 300) description = description.substring(0, 300);
    List<String> parameters = new ArrayList<>();
    tool.inputSchema().path("properties").propertyNames().forEach(parameters::add);
    return String.join(" ", Words.words(tool.id()))
        + ". "
        + description
        + ". "
        + String.join(" ", parameters);
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float f : v) norm += f * f;
    float[] out = v.clone();
    if (norm > 0) for (int j = 0; j < v.length; j++) out[j] /= (float) Math.sqrt(norm);
    return out;
  }
}

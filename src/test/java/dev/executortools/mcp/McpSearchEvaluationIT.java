package dev.executortools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.search.ApiTaskSets;
import dev.executortools.search.SearchEvaluation;
import dev.executortools.testing.Corpus;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Search measured as the held-out set of #23 is: the eleven APIs stored in one home, each task
 * asked of MCP {@code search_tools} of the packaged jar in a 512 MB heap, with its source given and
 * across all of them. The server reads the indexes stored with the sources, so this shows that the
 * figures the evaluation reports in memory ({@link ApiTaskSets}) are what an MCP host gets.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class McpSearchEvaluationIT {
  @TempDir Path home;

  @Test
  void searchToolsRanksAsTheEvaluationInMemoryOnTheElevenApisOfOneHome() {
    try (ToolRegistry stored = ToolRegistry.builder().home(home).build()) {
      for (String namespace : ApiTaskSets.ELEVEN) {
        ToolResult added =
            stored.addSource(
                Json.object()
                    .put("spec", Corpus.read(ApiTaskSets.SPECS.get(namespace)))
                    .put("namespace", namespace));
        assertThat(added.ok()).as(namespace + ": " + added).isTrue();
      }
    }
    ToolRegistry inMemory = ApiTaskSets.registry(ApiTaskSets.ELEVEN);

    List<SearchEvaluation.Outcome> given = new ArrayList<>();
    List<SearchEvaluation.Outcome> across = new ArrayList<>();
    Map<String, List<String>> differing = new HashMap<>();
    try (McpJarClient mcp = new McpJarClient(home, Map.of(), false)) {
      for (String namespace : ApiTaskSets.ELEVEN) {
        SearchEvaluation tasks = ApiTaskSets.tasks(namespace, ApiTaskSets.Part.BLIND_TUNED);
        for (String source : new String[] {namespace, null}) {
          SearchEvaluation.Report report =
              tasks.run(
                  (query, limit) -> {
                    List<String> served = searchTools(mcp, query, limit, source);
                    List<String> expected = ids(inMemory.search(query, limit, source));
                    if (!served.equals(expected)) differing.put(query + " @" + source, served);
                    return served;
                  });
          (source == null ? across : given).addAll(report.outcomes());
        }
      }
    }

    assertThat(differing).as("rankings that differ from the registry in memory").isEmpty();
    assertThat(given).hasSize(110);
    SearchEvaluation.Report withSource = new SearchEvaluation.Report(given);
    assertThat(withSource.recallAt(5)).as(withSource.summary()).isGreaterThanOrEqualTo(0.85);
    SearchEvaluation.Report all = new SearchEvaluation.Report(across);
    // the issue's goal across ten or more APIs in one home; 0.764 on the build it was filed against
    assertThat(all.recallAt(5)).as(all.summary()).isGreaterThanOrEqualTo(0.80);
  }

  private static List<String> searchTools(
      McpJarClient mcp, String query, int limit, String source) {
    Map<String, Object> arguments = new HashMap<>(Map.of("query", query, "limit", limit));
    if (source != null) arguments.put("source", source);
    McpSchema.CallToolResult result = mcp.call("search_tools", arguments);
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(result.isError()).as(text).isFalse();
    JsonNode answer = Json.parse(text);
    JsonNode hits = answer.has("data") ? answer.get("data") : answer;
    List<String> ids = new ArrayList<>();
    hits.forEach(hit -> ids.add(hit.path("id").asString()));
    return ids;
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }
}

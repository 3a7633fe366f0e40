package dev.executortools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.bench.SyntheticGraphSpec;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@code describe_tool} answer, text and structured content together, is at most 64 KB on the
 * wire, for Kubernetes (the corpus) and a Graph-shaped spec whose output schemas reach every entity
 * (hundreds of kilobytes each) plus one inline output schema of over a megabyte; the parts left out
 * are shown by {@code describe_tool {"id", "definition"}}, also within 64 KB.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class McpDescribeSizeTest {
  private static final int MAX = 64 * 1024;
  private static final Pattern ASKED = Pattern.compile("\"definition\": \"([^\"]+)\"");

  @TempDir static Path graphHome;
  @TempDir static Path kubernetesHome;

  /**
   * One server a source: a server keeps every tool it read (a tool of 1 MB of schemas, many
   * megabytes).
   */
  static McpJarClient graphMcp;

  static McpJarClient kubernetesMcp;
  static List<Tool> graph;
  static List<Tool> kubernetes;

  @BeforeAll
  static void serveLargeSpecsInSearchMode(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("graph.json");
    SyntheticGraphSpec.main(new String[] {spec.toString(), "160", "300"});
    ObjectNode doc = (ObjectNode) Json.parse(Files.readString(spec));
    ObjectNode huge = Json.object().put("type", "object");
    ObjectNode properties = huge.putObject("properties");
    for (int i = 0; i < 3000; i++) {
      properties
          .putObject("field" + i)
          .put("type", "string")
          .put("description", ("Inline field " + i + ". ").repeat(20));
    }
    ((ObjectNode) doc.path("paths"))
        .putObject("/huge")
        .putObject("get")
        .put("operationId", "huge.get")
        .put("summary", "One inline output schema of over a megabyte")
        .putObject("responses")
        .putObject("200")
        .put("description", "ok")
        .putObject("content")
        .putObject("application/json")
        .set("schema", huge);
    Files.writeString(spec, Json.write(doc));
    try (ToolRegistry registry = ToolRegistry.builder().home(graphHome).build()) {
      ToolResult added = registry.addSource(spec, Json.object().put("namespace", "graph"));
      assertThat(added.ok()).as(added.toString()).isTrue();
      graph = registry.tools().stream().filter(t -> t.source().equals("graph")).toList();
    }
    try (ToolRegistry registry = ToolRegistry.builder().home(kubernetesHome).build()) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", Corpus.read("kubernetes.io__v1.10.0.swagger.yaml"))
                  .put("namespace", "kubernetes"));
      assertThat(added.ok()).as(added.toString()).isTrue();
      kubernetes = registry.tools().stream().filter(t -> t.source().equals("kubernetes")).toList();
    }
    graphMcp = McpJarClient.fromClasspath(graphHome, "--tools", "search");
    kubernetesMcp = McpJarClient.fromClasspath(kubernetesHome, "--tools", "search");
  }

  @AfterAll
  static void stop() {
    if (graphMcp != null) graphMcp.close();
    if (kubernetesMcp != null) kubernetesMcp.close();
  }

  @Test
  void everyGraphToolIsDescribedWithinSixtyFourKilobytesAndItsCutDefinitionsByName()
      throws Exception {
    assertThat(graph).hasSize(161);
    int cut = 0;
    for (Tool tool : graph) {
      JsonNode data = describe(graphMcp, tool.id(), null);
      if (tool.outputSchema() == null) continue;
      assertThat(data.has("outputSchema")).as(tool.id()).isTrue();
      String definition = firstAsked(data.path("outputSchema"));
      if (definition == null) continue;
      cut++;
      JsonNode part = describe(graphMcp, tool.id(), definition);
      assertThat(part.path("definition").asString()).isEqualTo(definition);
      if (!definition.startsWith("/")) {
        assertThat(part.path("schema"))
            .as(definition)
            .isEqualTo(tool.outputSchema().path("$defs").path(definition));
      }
    }
    // every output schema here is hundreds of kilobytes: each was cut (the 80 GETs and the inline
    // one)
    assertThat(cut)
        .as("tools whose output schema was cut")
        .isEqualTo(81)
        .isEqualTo(graph.stream().filter(t -> t.outputSchema() != null).count());
  }

  @Test
  void aHugeInlineOutputSchemaIsCutInPartsEachShownByItsPointer() throws Exception {
    Tool huge =
        graph.stream().filter(t -> t.id().equals("graph.huge.get")).findFirst().orElseThrow();
    assertThat(Json.write(huge.outputSchema()).length()).isGreaterThan(1_000_000);

    JsonNode data = describe(graphMcp, huge.id(), null);
    assertThat(data.path("description").asString()).startsWith("One inline output schema");
    String pointer = firstAsked(data.path("outputSchema"));
    assertThat(pointer).startsWith("/outputSchema/properties");

    JsonNode part = describe(graphMcp, huge.id(), pointer);
    assertThat(part.path("pointer").asString()).isEqualTo(pointer);
    assertThat(part.path("schema").isObject()).isTrue();
  }

  @Test
  void everyKubernetesToolIsDescribedWithinSixtyFourKilobytes() throws Exception {
    assertThat(kubernetes).hasSize(945);
    for (Tool tool : kubernetes) describe(kubernetesMcp, tool.id(), null);
  }

  @Test
  void anUnknownDefinitionIsAClearError() {
    McpSchema.CallToolResult result =
        graphMcp.call("describe_tool", Map.of("id", graph.get(0).id(), "definition", "NoSuchDef"));

    assertThat(result.isError()).isTrue();
    assertThat(result.content().get(0).toString())
        .contains("invalid_arguments")
        .contains("NoSuchDef");
  }

  /**
   * The definition the first placeholder in {@code schema} asks describe_tool for; null when none.
   */
  private static String firstAsked(JsonNode schema) {
    if (schema.path("description").isString()) {
      Matcher asked = ASKED.matcher(schema.path("description").asString());
      if (asked.find()) return asked.group(1);
    }
    for (JsonNode child : schema) {
      String found = firstAsked(child);
      if (found != null) return found;
    }
    return null;
  }

  /** describe_tool's data, after checking the whole answer's size on the wire. */
  private static JsonNode describe(McpJarClient mcp, String id, String definition)
      throws Exception {
    McpSchema.CallToolResult result =
        mcp.call(
            "describe_tool",
            definition == null ? Map.of("id", id) : Map.of("id", id, "definition", definition));
    int bytes =
        McpJsonDefaults.getMapper()
            .writeValueAsString(result)
            .getBytes(StandardCharsets.UTF_8)
            .length;
    assertThat(bytes).as("describe_tool %s %s", id, definition).isLessThanOrEqualTo(MAX);
    assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
    JsonNode answer = Json.MAPPER.valueToTree(result.structuredContent());
    return answer.path("data");
  }
}

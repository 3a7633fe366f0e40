package dev.executortools.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Results larger than the MCP result budget, through the packaged jar as a host runs it: a 2 MB
 * upstream answer comes back shaped within the budget, and the rest is reached with read_result (a
 * page, a JSONPath selection, the body saved to a file); smaller results are as they were; the kept
 * results stay bounded.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpResultShapingIT {
  private static final String TOOL = "items_items_listItems";
  private static final int ITEMS = 20_000;

  @RegisterExtension
  static final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;

  @BeforeEach
  void addTheSource() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(
              registry
                  .addSource(
                      Json.object()
                          .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                          .put("namespace", "items")
                          .put("baseUrl", "http://127.0.0.1:" + upstream.getPort()))
                  .ok())
          .isTrue();
    }
  }

  /** 20,000 objects, over 2 MB, written as compact JSON (as the plugin writes JSON). */
  private static String largeBody(String tag) {
    ArrayNode items = Json.array();
    for (int i = 0; i < ITEMS; i++) {
      items
          .addObject()
          .put("id", i)
          .put("name", "item-" + i)
          .put("tag", tag)
          .put(
              "description",
              "the " + i + "th item of a long list, written out to make the answer large");
    }
    String body = Json.write(items);
    assertThat(body.length()).isGreaterThan(2_000_000);
    return body;
  }

  private void serve(String body) {
    upstream.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  /** The options of the README's example command (what follows {@code mcp}). */
  private static String[] readmeOptions() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String line =
        readme
            .lines()
            .filter(l -> l.startsWith("java -jar target/executor-tools.jar mcp --result-budget"))
            .findFirst()
            .orElseThrow();
    return line.substring(line.indexOf(" mcp ") + 5).trim().split("\\s+");
  }

  private static long wireSize(McpSchema.CallToolResult result) throws Exception {
    return McpJsonDefaults.getMapper().writeValueAsString(result).length();
  }

  private static JsonNode structured(McpSchema.CallToolResult result) {
    return Json.MAPPER.valueToTree(result.structuredContent());
  }

  private static JsonNode text(McpSchema.CallToolResult result) {
    return Json.parse(((McpSchema.TextContent) result.content().get(0)).text());
  }

  @Test
  void aTwoMegabyteResultComesBackShapedAndTheRestIsReachable() throws Exception {
    String body = largeBody("big");
    serve(body);
    JsonNode upstreamItems = Json.parse(body);
    try (McpJarClient mcp = new McpJarClient(home, Map.of(), false, readmeOptions())) {
      assertThat(mcp.client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .contains("read_result", TOOL);

      McpSchema.CallToolResult answer = mcp.call(TOOL, Map.of());

      assertThat(wireSize(answer)).isLessThanOrEqualTo(25_000L * 4);
      assertThat(answer.isError()).isFalse();
      JsonNode shown = structured(answer);
      assertThat(text(answer)).isEqualTo(shown);
      assertThat(shown.path("ok").asBoolean()).isTrue();
      assertThat(shown.path("http").path("status").asInt()).isEqualTo(200);
      assertThat(shown.path("http").path("headers").path("content-type").asString())
          .isEqualTo("application/json");
      JsonNode data = shown.path("data");
      int kept = data.size();
      assertThat(kept).isBetween(100, ITEMS - 1);
      for (int i = 0; i < kept; i++) assertThat(data.get(i)).isEqualTo(upstreamItems.get(i));
      JsonNode shaped = shown.path("shaped");
      assertThat(shaped.path("omitted").get(0).path("path").asString()).isEqualTo("$.data");
      assertThat(shaped.path("omitted").get(0).path("items").path("kept").asInt()).isEqualTo(kept);
      assertThat(shaped.path("omitted").get(0).path("items").path("total").asInt())
          .isEqualTo(ITEMS);
      assertThat(shaped.path("pages").path("pageSize").asInt()).isEqualTo(kept);
      assertThat(shaped.path("pages").path("pages").asInt()).isEqualTo((ITEMS + kept - 1) / kept);
      String id = shaped.path("resultId").asString();
      assertThat(shaped.path("note").asString())
          .contains("read_result", id, "\"page\": 2", "select", "saveToFile");

      JsonNode page =
          structured(mcp.call("read_result", Map.of("resultId", id, "page", 2))).path("data");
      assertThat(page.path("from").asInt()).isEqualTo(kept);
      assertThat(page.path("items").size()).isEqualTo(kept);
      for (int i = 0; i < kept; i++)
        assertThat(page.path("items").get(i)).isEqualTo(upstreamItems.get(kept + i));
      int last = shaped.path("pages").path("pages").asInt();
      JsonNode lastPage =
          structured(mcp.call("read_result", Map.of("resultId", id, "page", last))).path("data");
      assertThat(lastPage.path("to").asInt()).isEqualTo(ITEMS - 1);
      assertThat(lastPage.path("items").get(lastPage.path("items").size() - 1))
          .isEqualTo(upstreamItems.get(ITEMS - 1));

      McpSchema.CallToolResult selected =
          mcp.call(
              "read_result",
              Map.of("resultId", id, "select", "$.data[?(@.id == 12345 || @.id == 19999)].name"));
      assertThat(structured(selected).path("data"))
          .isEqualTo(Json.parse("[\"item-12345\", \"item-19999\"]"));
      McpSchema.CallToolResult allNames =
          mcp.call("read_result", Map.of("resultId", id, "select", "$.data[*].name"));
      assertThat(wireSize(allNames))
          .as("a large selection is shaped too")
          .isLessThanOrEqualTo(25_000L * 4);
      assertThat(
              structured(allNames)
                  .path("shaped")
                  .path("omitted")
                  .get(0)
                  .path("items")
                  .path("total")
                  .asInt())
          .isEqualTo(ITEMS);

      JsonNode saved =
          structured(mcp.call("read_result", Map.of("resultId", id, "saveToFile", true)))
              .path("data");
      Path file = Path.of(saved.path("path").asString());
      assertThat(file).isEqualTo(home.resolve("results").resolve(id + ".json").toAbsolutePath());
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(body);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");

      McpSchema.CallToolResult bad =
          mcp.call("read_result", Map.of("resultId", id, "select", "$.data[?(@.name =~ /a.*/)]"));
      assertThat(bad.isError()).isTrue();
      assertThat(structured(bad).path("error").path("message").asString()).contains("=~");
    }
  }

  @Test
  void aResultWithinTheBudgetIsAnsweredAsItIs() throws Exception {
    serve("[{\"id\": 1, \"name\": \"one\"}, {\"id\": 2, \"name\": \"two\"}]");
    try (McpJarClient mcp = new McpJarClient(home, Map.of(), false)) {
      McpSchema.CallToolResult answer = mcp.call(TOOL, Map.of());

      JsonNode shown = structured(answer);
      assertThat(shown.has("shaped")).isFalse();
      assertThat(shown.path("data"))
          .isEqualTo(
              Json.parse("[{\"id\": 1, \"name\": \"one\"}, {\"id\": 2, \"name\": \"two\"}]"));
      assertThat(shown.path("http").path("status").asInt()).isEqualTo(200);
      assertThat(answer.content()).hasSize(1);
      assertThat(((McpSchema.TextContent) answer.content().get(0)).text())
          .isEqualTo(Json.write(shown));
    }
  }

  @Test
  void overHttpAKeptResultIsReadOnlyByTheSessionThatMadeIt() throws Exception {
    serve(largeBody("mine"));
    try (McpHttpJar server = new McpHttpJar(home, Map.of(), "--http", "127.0.0.1:0")) {
      McpJarClient owner = server.connect(null, null);
      McpJarClient other = server.connect(null, null);
      String id = structured(owner.call(TOOL, Map.of())).path("shaped").path("resultId").asString();
      assertThat(id).startsWith("r-");

      McpSchema.CallToolResult stolen =
          other.call("read_result", Map.of("resultId", id, "page", 2));
      McpSchema.CallToolResult own = owner.call("read_result", Map.of("resultId", id, "page", 2));

      assertThat(stolen.isError()).isTrue();
      assertThat(structured(stolen).path("error").path("code").asString())
          .isEqualTo("invalid_arguments");
      assertThat(Json.write(structured(stolen))).doesNotContain("item-");
      assertThat(own.isError()).isFalse();
      assertThat(Json.write(structured(own))).contains("\"tag\":\"mine\"");
    }
  }

  @Test
  void keptResultsStayBoundedAndADroppedOneSaysSo() throws Exception {
    List<String> ids = new ArrayList<>();
    try (McpJarClient mcp = new McpJarClient(home, Map.of(), false, "--kept-results", "2")) {
      for (String tag : List.of("first", "second", "third")) {
        serve(largeBody(tag));
        ids.add(structured(mcp.call(TOOL, Map.of())).path("shaped").path("resultId").asString());
      }

      McpSchema.CallToolResult oldest =
          mcp.call("read_result", Map.of("resultId", ids.get(0), "page", 2));
      assertThat(oldest.isError()).isTrue();
      assertThat(structured(oldest).path("error").path("code").asString())
          .isEqualTo("invalid_arguments");
      assertThat(structured(oldest).path("error").path("message").asString())
          .contains(ids.get(0), "dropped", "latest 2");
      for (int i = 1; i < 3; i++) {
        JsonNode page =
            structured(
                mcp.call("read_result", Map.of("resultId", ids.get(i), "select", "$.data[0].tag")));
        assertThat(page.path("data").asString())
            .isEqualTo(List.of("first", "second", "third").get(i));
      }
      McpSchema.CallToolResult unknown =
          mcp.call("read_result", Map.of("resultId", "r-0000000000000000", "page", 1));
      assertThat(structured(unknown).path("error").path("message").asString())
          .contains("not one this server kept");
    }
  }

  @Test
  void theResponseCapStaysConfigurable() throws Exception {
    serve(largeBody("capped"));
    try (McpJarClient mcp = new McpJarClient(home, Map.of(), false, "--max-response-mib", "1")) {
      McpSchema.CallToolResult answer = mcp.call(TOOL, Map.of());
      assertThat(answer.isError()).isTrue();
      assertThat(structured(answer).path("error").path("code").asString())
          .isEqualTo("response_too_large");
    }
  }
}

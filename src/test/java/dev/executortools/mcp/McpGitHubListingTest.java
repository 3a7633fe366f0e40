package dev.executortools.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.agent.ToolNames;
import dev.executortools.internal.Json;
import dev.executortools.testing.ArgumentGenerator;
import dev.executortools.testing.Corpus;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub (the corpus spec, 749 tools with the built-in ones) listed in {@code mcp --tools all
 * --max-name-length 56}, with the SDK's client: every name fits Claude Code's cap after {@code
 * mcp__et__}, the listing carries the {@code server} override in one short property and each
 * description starts with the operation's summary, and calls by the listed names still validate
 * against the full schema.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class McpGitHubListingTest {
  /** The listing measured before the compact server and the summaries: 1,260,851 bytes. */
  private static final int LISTING_BEFORE = 1_260_851;

  /** The listing measured after: 978,598 bytes; the bound leaves room for small changes. */
  private static final int LISTING_BOUND = 1_050_000;

  @TempDir static Path home;
  static WireMockServer upstream;
  static McpJarClient mcp;
  static List<McpSchema.Tool> listed;
  static Map<String, Tool> stored;

  @BeforeAll
  static void serveGitHubInAllMode() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", Corpus.read("github.com__api.github.com__1.1.4.openapi.yaml"))
                  .put("namespace", "github"));
      assertThat(added.ok()).as(added.toString()).isTrue();
      stored = registry.tools().stream().collect(Collectors.toMap(Tool::id, Function.identity()));
    }
    upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    upstream.start();
    upstream.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("content-type", "application/json")
                    .withBody("{\"answered\": true}")));
    mcp =
        McpJarClient.fromClasspath(
            home, "--tools", "all", "--max-name-length", "56", "--allow-private-network");
    // the registry's tools (read_result, the server's own, is listed beside them)
    listed =
        mcp.client.listTools().tools().stream()
            .filter(t -> !t.name().equals("read_result"))
            .toList();
  }

  @AfterAll
  static void stop() {
    if (mcp != null) mcp.close();
    if (upstream != null) upstream.stop();
  }

  @Test
  void everyNameFitsFiftySixCharactersAndIsUnique() {
    assertThat(listed).hasSize(stored.size());
    Set<String> names = new HashSet<>();
    for (McpSchema.Tool tool : listed) {
      assertThat(tool.name())
          .as(tool.title())
          .hasSizeLessThanOrEqualTo(56)
          .matches(ToolNames.VALID);
      assertThat(names.add(tool.name())).as(tool.name()).isTrue();
    }
    assertThat(listed)
        .filteredOn(t -> !t.name().equals(t.title().replace('.', '_')))
        .hasSizeGreaterThan(10);
  }

  @Test
  void everyListedSchemaHasTheCompactServerAndTheListingShrank() throws Exception {
    int withServer = 0;
    for (McpSchema.Tool tool : listed) {
      Object server =
          ((Map<?, ?>) tool.inputSchema().getOrDefault("properties", Map.of())).get("server");
      if (server == null) continue;
      withServer++;
      @SuppressWarnings("unchecked")
      Map<String, Object> compact = (Map<String, Object>) server;
      assertThat(compact.keySet())
          .as(tool.title())
          .containsExactlyInAnyOrder("type", "description");
      assertThat((String) compact.get("description"))
          .startsWith("Optional: send this call to another server: {\"url\"");
    }
    assertThat(withServer)
        .isEqualTo(stored.size() - 5 + 3); // every GitHub tool and the three SSO-OIDC ones

    int bytes =
        McpJsonDefaults.getMapper()
            .writeValueAsString(new McpSchema.ListToolsResult(listed, null))
            .getBytes(StandardCharsets.UTF_8)
            .length;
    System.out.println(
        "GitHub listing in all mode: " + bytes + " bytes (before: " + LISTING_BEFORE + ")");
    assertThat(bytes).isLessThan(LISTING_BOUND);
  }

  @Test
  void descriptionsStartWithTheSummaryWhileTheStoredOnesStayExecutors() {
    int led = 0;
    for (McpSchema.Tool tool : listed) {
      Tool full = stored.get(tool.title());
      String summary = full.summary() == null ? "" : full.summary().strip();
      if (summary.isEmpty()) {
        assertThat(tool.description()).isEqualTo(full.description());
        continue;
      }
      assertThat(tool.description())
          .as(tool.title())
          .startsWith(summary)
          .endsWith(full.description().strip());
      if (!full.description().startsWith(summary)) led++;
    }
    assertThat(led).as("descriptions that did not start with the summary").isGreaterThan(600);
  }

  @Test
  void aCallByAFiftySixCharacterNameWithServerReachesTheGivenServer() {
    McpSchema.Tool longGet =
        listed.stream()
            .filter(
                t ->
                    t.name().length() == 56
                        && "GET"
                            .equals(
                                stored.get(t.title()).annotations().method() == null
                                    ? null
                                    : stored.get(t.title()).annotations().method().toUpperCase()))
            .findFirst()
            .orElseThrow();
    Tool full = stored.get(longGet.title());
    Map<String, Object> arguments =
        McpToolAdapter.map(ArgumentGenerator.arguments(full.inputSchema(), 0));
    arguments.put("server", Map.of("url", upstream.baseUrl()));

    McpSchema.CallToolResult result = mcp.call(longGet.name(), arguments);

    assertThat(result.isError()).as(result.toString()).isFalse();
    assertThat(upstream.getAllServeEvents())
        .anySatisfy(
            e ->
                assertThat(e.getRequest().getUrl())
                    .startsWith(full.annotations().pathTemplate().replaceAll("\\{.*", "")));
  }

  @Test
  void aServerTheFullSchemaRefusesIsRefusedThoughTheCompactOneWouldTakeIt() {
    String name =
        listed.stream()
            .filter(t -> t.title().equals("github.meta.get"))
            .findFirst()
            .orElseThrow()
            .name();

    McpSchema.CallToolResult refused =
        mcp.call(name, Map.of("server", Map.of("url", 5, "port", 443)));

    assertThat(refused.isError()).isTrue();
    Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) refused.structuredContent()).get("error");
    assertThat(error.get("code")).isEqualTo("invalid_arguments");
    assertThat(error.toString()).contains("/server");
  }
}

package dev.executortools.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.agent.ToolMode;
import dev.executortools.bench.McpProbe;
import dev.executortools.cli.Main;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Past {@link ToolMode#ALL_LIMIT} tools (the SDK answers tools/list in one message), {@code mcp
 * --tools all} lists every tool a page at a time from the store, and a tool from the last page,
 * registered with the SDK only then, can be called; {@code auto} serves the discovery tools counted
 * from the sources' summaries.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpAllModePagingTest {
  @TempDir static Path home;

  @BeforeAll
  static void addMoreToolsThanAllModeLists(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("many.json");
    ManyToolSpec.write(spec, ToolMode.ALL_LIMIT, 20);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult added = registry.addSource(spec, Json.object().put("namespace", "many"));
      assertThat(added.ok()).as(added.toString()).isTrue();
    }
  }

  @Test
  void allModeListsEveryToolAPageAtATimeAndCallsOneFromTheLastPage() throws Exception {
    JsonNode session =
        McpProbe.run(
            command("all"), null, Json.parse("{\"server\": {\"url\": \"http://127.0.0.1:9\"}}"));

    assertThat(session.path("complete").asBoolean()).as(session.toString()).isTrue();
    assertThat(session.path("tools").asInt())
        .isEqualTo(ToolMode.ALL_LIMIT + 1 + 5 + 1); // and read_result
    assertThat(session.path("pages").asInt()).isGreaterThan(1);
    // the call reaches the registry: the model-chosen loopback server is refused by the network
    // policy (an unknown tool would be a protocol error instead, and fail the session)
    assertThat(session.path("called").asString()).startsWith("many_");
    assertThat(session.path("call_is_error").asBoolean()).isTrue();
    assertThat(session.path("call_text").asString()).contains("blocked_address");
    assertThat(session.path("exit").asInt()).isZero();
  }

  @Test
  void autoModeServesTheDiscoveryTools() throws Exception {
    JsonNode session = McpProbe.run(command("auto"), "send mail");

    assertThat(session.path("complete").asBoolean()).as(session.toString()).isTrue();
    assertThat(session.path("tools").asInt()).isEqualTo(5 + 3 + 1); // and read_result
    assertThat(session.path("top").asString()).isEqualTo("many.mail.sendMail");
    assertThat(session.path("exit").asInt()).isZero();
  }

  private static List<String> command(String mode) {
    return List.of(
        McpProbe.java(),
        "-Xmx256m",
        "-XX:+UseSerialGC",
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "--home",
        home.toString(),
        "mcp",
        "--tools",
        mode);
  }
}

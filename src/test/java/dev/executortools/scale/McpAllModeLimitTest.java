package dev.executortools.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.bench.McpProbe;
import dev.executortools.cli.Main;
import dev.executortools.internal.Json;
import dev.executortools.mcp.ToolMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code mcp --tools all} lists at most {@link ToolMode#ALL_LIMIT} tools (the SDK answers
 * tools/list in one message): past it, the server refuses at start with one line saying why,
 * while {@code auto} serves the discovery tools counted from the sources' summaries.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpAllModeLimitTest {
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
  void allModeRefusesAtStartWithOneLineSayingWhy() throws Exception {
    JsonNode session = McpProbe.run(command("all"), null);

    assertThat(session.path("exit").asInt()).isEqualTo(1);
    assertThat(session.path("complete").asBoolean()).isFalse();
    assertThat(session.path("stderr").asString()).isEqualTo("executor-tools: --tools all lists at most 5000"
        + " tools (the MCP server answers tools/list in one message, without paging) and the sources hold "
        + (ToolMode.ALL_LIMIT + 1 + 5) + "; use --tools search or auto");
  }

  @Test
  void autoModeServesTheDiscoveryTools() throws Exception {
    JsonNode session = McpProbe.run(command("auto"), "send mail");

    assertThat(session.path("complete").asBoolean()).as(session.toString()).isTrue();
    assertThat(session.path("tools").asInt()).isEqualTo(5 + 3);
    assertThat(session.path("top").asString()).isEqualTo("many.mail.sendMail");
    assertThat(session.path("exit").asInt()).isZero();
  }

  private static List<String> command(String mode) {
    return List.of(McpProbe.java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--home", home.toString(), "mcp", "--tools", mode);
  }
}

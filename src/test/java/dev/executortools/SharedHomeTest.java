package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** A long-running registry (an MCP server, say) sees what another process does to the same home. */
class SharedHomeTest {
  @TempDir Path home;

  private ToolRegistry open() {
    return ToolRegistry.builder().home(home).build();
  }

  private static ObjectNode items(String version) {
    return Json.object()
        .put("spec", Corpus.resource("/specs/items-" + version + ".yaml"))
        .put("namespace", "items")
        .put("baseUrl", "http://127.0.0.1:9");
  }

  @Test
  void sourcesAddedReplacedAndRemovedElsewhereShowUpWithoutARestart() {
    try (ToolRegistry server = open();
        ToolRegistry other = open()) {
      assertThat(server.tools()).hasSize(5);

      assertThat(other.addSource(items("v1")).ok()).isTrue();
      assertThat(server.tool("items.items.deleteItem")).isPresent();
      assertThat(server.tools()).hasSize(8);

      assertThat(other.addSource(items("v2").put("replace", true)).ok()).isTrue();
      assertThat(server.tool("items.items.archiveItem")).isPresent();
      assertThat(server.tool("items.items.deleteItem")).isEmpty();

      assertThat(other.removeSource("items").ok()).isTrue();
      assertThat(server.tools()).hasSize(5);
      ToolResult gone = server.call("items.items.listItems", Json.object());
      assertThat(gone.error().code()).isEqualTo(ErrorCode.UNKNOWN_TOOL);
    }
  }

  @Test
  void aSourceDamagedElsewhereIsReportedAndItsLoadedToolsStay() throws Exception {
    try (ToolRegistry server = open();
        ToolRegistry other = open()) {
      assertThat(other.addSource(items("v1")).ok()).isTrue();
      assertThat(server.tool("items.items.listItems")).isPresent();

      Files.writeString(
          home.resolve("sources").resolve("items.json"), "{\"formatVersion\": 2, \"cut");

      assertThat(server.sourceProblems()).extracting(p -> p.namespace()).containsExactly("items");
      assertThat(server.tool("items.items.listItems"))
          .as("what was loaded keeps working")
          .isPresent();
    }
  }
}

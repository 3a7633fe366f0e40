package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ToolsSearchCommandTest {
  @TempDir Path home;

  @Test
  void printsRankedHitsInTheResultEnvelope() {
    CliRunner.Run run =
        new CliRunner(home).run("", "tools", "search", "register a client", "--limit", "2");

    assertThat(run.exit()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("data")).hasSize(2);
    JsonNode first = json.path("data").get(0);
    assertThat(first.path("id").asString()).isEqualTo("client.registerClient");
    assertThat(first.path("description").asString()).isNotBlank();
    assertThat(first.path("score").asDouble())
        .isGreaterThan(json.path("data").get(1).path("score").asDouble());
  }

  @Test
  void joinsSeveralWordsIntoOneQuery() {
    CliRunner.Run run =
        new CliRunner(home).run("", "tools", "search", "add", "an", "openapi", "source");

    assertThat(run.exit()).isZero();
    assertThat(run.json().path("data").get(0).path("id").asString()).isEqualTo("openapi.addSource");
  }

  @Test
  void aStoredSourceDamagedPartWayThroughItsToolsIsLeftOutOfSearch() throws Exception {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("namespace", "items")
                  .put("spec", Corpus.resource("/specs/items-v1.yaml")));
      assertThat(added.ok()).as(added.toString()).isTrue();
    }
    assertThat(
            new CliRunner(home).run("", "tools", "search", "items").json().path("data").toString())
        .contains("items.");
    Path file = home.resolve("sources").resolve("items.json");
    String stored = Files.readString(file);
    int secondTool = stored.indexOf("{\"tool\":", stored.indexOf("{\"tool\":") + 1);
    // the first tool and the file's head and index stay whole; the second tool is no longer one
    Files.writeString(
        file, stored.substring(0, secondTool) + "{\"lost\":" + stored.substring(secondTool + 8));

    CliRunner.Run run = new CliRunner(home).run("", "tools", "search", "items");

    assertThat(run.exit()).isZero();
    assertThat(run.json().path("data").toString()).doesNotContain("items.");
  }

  @Test
  void aLimitBelowOneIsAUsageError() {
    CliRunner.Run run = new CliRunner(home).run("", "tools", "search", "token", "--limit", "0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.json().path("error").path("code").asString()).isEqualTo("invalid_usage");
  }
}

package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.naming.ToolPathOrder;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code tools list}: streamed from the store, in executor's order, with or without schemas. */
class ToolsListTest {
  @TempDir Path home;
  private CliRunner cli;

  @BeforeEach
  void addSources() {
    cli = new CliRunner(home);
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      // namespaces whose tools sort around the bundled and plugin tools, and one the prefix of
      // another
      for (String namespace : List.of("graph", "graph_beta", "tokens", "a", "zz")) {
        assertThat(
                registry
                    .addSource(
                        Json.object()
                            .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                            .put("namespace", namespace))
                    .ok())
            .isTrue();
      }
    }
  }

  private List<Tool> expected() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      return registry.tools();
    }
  }

  @Test
  void listsEveryToolInExecutorsOrderWithoutSchemas() {
    CliRunner.Run run = cli.run("", "tools", "list");
    assertThat(run.exit()).isZero();
    List<String> ids = new ArrayList<>();
    for (JsonNode tool : run.data()) {
      ids.add(tool.path("id").asString());
      assertThat(tool.has("inputSchema")).isFalse();
      assertThat(tool.path("description").isString()).isTrue();
      assertThat(tool.path("annotations").has("requiresApproval")).isTrue();
    }
    assertThat(ids).hasSize(5 + 5 * 3);
    assertThat(ids).isSortedAccordingTo(ToolPathOrder.INSTANCE);
    assertThat(ids).isEqualTo(expected().stream().map(Tool::id).toList());
  }

  @Test
  void withSchemasEveryToolIsWhatTheRegistryHolds() {
    CliRunner.Run run = cli.run("", "tools", "list", "--schemas");
    assertThat(run.exit()).isZero();
    List<JsonNode> expected = expected().stream().map(t -> (JsonNode) t.toJson()).toList();
    List<JsonNode> listed = new ArrayList<>();
    run.data().forEach(listed::add);
    assertThat(listed).isEqualTo(expected);
  }

  @Test
  void sourceNarrowsTheListToOneSource() {
    CliRunner.Run run = cli.run("", "tools", "list", "--source", "graph");
    assertThat(run.exit()).isZero();
    assertThat(run.data()).hasSize(3);
    run.data().forEach(t -> assertThat(t.path("id").asString()).startsWith("graph."));
    CliRunner.Run bundled = cli.run("", "tools", "list", "--source", "aws_sso_oidc");
    assertThat(bundled.data())
        .extracting(t -> t.path("id").asString())
        .containsExactly(
            "client.registerClient",
            "deviceAuthorization.startDeviceAuthorization",
            "token.createToken");
  }

  @Test
  void describeAndCallReadOnlyTheToolTheyName() {
    CliRunner.Run run = cli.run("", "tools", "describe", "graph_beta.items.listItems");
    assertThat(run.exit()).isZero();
    assertThat(run.data().path("inputSchema").path("type").asString()).isEqualTo("object");
    assertThat(
            cli.run("", "tools", "describe", "graph_beta.items.nothing")
                .json()
                .at("/error/code")
                .asString())
        .isEqualTo("unknown_tool");
  }
}

package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code tools list} and {@code tools describe} show model-facing schemas; {@code --definition} the
 * rest.
 */
class ToolsDescribeModelSchemaTest {
  private static final String ADYEN =
      "src/test/resources/corpus/adyen.com__CheckoutService__68.openapi31.yaml";

  @TempDir Path home;

  @Test
  void aSchemaOverTheBudgetIsShownCutAndItsOmittedDefinitionOnRequest() {
    CliRunner cli = new CliRunner(home);
    assertThat(
            cli.run(
                    "",
                    "call",
                    "--yes",
                    "openapi.addSource",
                    "--arg-file",
                    "spec=" + ADYEN,
                    "{\"namespace\": \"adyen\"}")
                .exit())
        .isZero();

    JsonNode listed = cli.run("", "tools", "list", "--schemas").json().path("data");
    String id = null;
    String omitted = null;
    for (JsonNode tool : listed) {
      for (Map.Entry<String, JsonNode> def : tool.path("inputSchema").path("$defs").properties()) {
        if (def.getValue().path("description").asString().contains("omitted to keep this schema")) {
          id = tool.path("id").asString();
          omitted = def.getKey();
        }
      }
      assertThat(Json.write(tool.path("inputSchema")).getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(64 * 1024);
    }
    assertThat(id).as("a CheckoutService tool over 64 KB").isNotNull();

    CliRunner.Run described = cli.run("", "tools", "describe", id);
    assertThat(described.exit()).isZero();
    assertThat(
            described
                .json()
                .path("data")
                .path("inputSchema")
                .path("$defs")
                .path(omitted)
                .path("description")
                .asString())
        .contains("tools describe " + id + " --definition " + omitted);

    CliRunner.Run definition = cli.run("", "tools", "describe", id, "--definition", omitted);
    assertThat(definition.exit()).isZero();
    assertThat(definition.json().path("data").path("schema").path("description").asString())
        .doesNotContain("omitted to keep this schema");
    assertThat(definition.json().path("data").path("schema").size()).isGreaterThan(0);

    CliRunner.Run unknown = cli.run("", "tools", "describe", id, "--definition", "NoSuchDef");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("invalid_arguments");
  }
}

package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PoliciesCommandTest {
  @TempDir Path home;
  private CliRunner cli;

  @BeforeEach
  void addItems() {
    cli = new CliRunner(home);
    String args = Json.write(Json.object().put("spec", Corpus.resource("/specs/items-v1.yaml"))
        .put("namespace", "items").put("baseUrl", "http://127.0.0.1:9"));
    assertThat(cli.run(args, "call", "--yes", "openapi.addSource", "-").exit()).isZero();
  }

  private JsonNode tool(String id) {
    return cli.run("", "tools", "describe", id).json();
  }

  private List<String> ids() {
    List<String> ids = new ArrayList<>();
    cli.run("", "tools", "list").json().forEach(t -> ids.add(t.path("id").asString()));
    return ids;
  }

  @Test
  void byDefaultOnlyUnsafeMethodsAndAddSourceRequireApproval() {
    assertThat(tool("items.items.listItems").path("annotations").path("requiresApproval").asBoolean()).isFalse();
    assertThat(tool("items.items.createItem").path("annotations").path("requiresApproval").asBoolean()).isTrue();
    assertThat(tool("items.items.deleteItem").path("annotations").path("requiresApproval").asBoolean()).isTrue();
    assertThat(tool("openapi.addSource").path("annotations").path("requiresApproval").asBoolean()).isTrue();
    assertThat(tool("openapi.previewSpec").path("annotations").path("requiresApproval").asBoolean()).isFalse();
    CliRunner.Run call = cli.run("", "call", "items.items.deleteItem", "{\"id\": \"1\"}");
    assertThat(call.json().path("error").path("code").asString()).isEqualTo("approval_required");
  }

  @Test
  void blockedToolsVanishFromListingsAndRefuseCalls() {
    assertThat(cli.run("", "policies", "add", "items.*", "block").exit()).isZero();
    assertThat(ids()).noneMatch(id -> id.startsWith("items.")).hasSize(5);
    CliRunner.Run call = cli.run("", "call", "--yes", "items.items.listItems", "{}");
    assertThat(call.exit()).isEqualTo(1);
    assertThat(call.json().path("error").path("code").asString()).isEqualTo("blocked");
    assertThat(cli.run("", "tools", "describe", "items.items.listItems").exit()).isEqualTo(2);
  }

  @Test
  void theFirstMatchingRuleWins() {
    cli.run("", "policies", "add", "items.items.deleteItem", "approve");
    cli.run("", "policies", "add", "items.*", "block");
    cli.run("", "policies", "add", "*", "require_approval");
    JsonNode rules = cli.run("", "policies", "list").json();
    assertThat(rules).hasSize(3);
    assertThat(rules.get(0).path("pattern").asString()).isEqualTo("items.items.deleteItem");
    assertThat(ids()).contains("items.items.deleteItem").doesNotContain("items.items.listItems");
    assertThat(tool("items.items.deleteItem").path("annotations").path("requiresApproval").asBoolean()).isFalse();
    assertThat(tool("openapi.previewSpec").path("annotations").path("requiresApproval").asBoolean()).isTrue();

    assertThat(cli.run("", "policies", "remove", "items.*").exit()).isZero();
    assertThat(tool("items.items.listItems").path("annotations").path("requiresApproval").asBoolean()).isTrue();
    assertThat(cli.run("", "policies", "remove", "items.*").exit()).isEqualTo(1);
  }

  @Test
  void unreadableRulesStopEveryCallInsteadOfFallingBackToDefaults() throws Exception {
    cli.run("", "policies", "add", "items.*", "block");
    java.nio.file.Files.writeString(home.resolve("policies.json"), "{broken");
    CliRunner.Run call = cli.run("", "call", "items.items.listItems", "{}");
    assertThat(call.exit()).isEqualTo(1);
    assertThat(call.json().path("error").path("code").asString()).isEqualTo("store_failed");
    assertThat(tool("openapi.previewSpec").path("annotations").path("requiresApproval").asBoolean()).isTrue();
  }

  @Test
  void invalidRulesAreUsageErrors() {
    assertThat(cli.run("", "policies", "add", "items.*", "maybe").exit()).isEqualTo(2);
    assertThat(cli.run("", "policies", "add", "it*ms", "block").exit()).isEqualTo(2);
    assertThat(cli.run("", "policies", "list").json()).isEmpty();
  }
}

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
    String args =
        Json.write(
            Json.object()
                .put("spec", Corpus.resource("/specs/items-v1.yaml"))
                .put("namespace", "items")
                .put("baseUrl", "http://127.0.0.1:9"));
    assertThat(cli.run(args, "call", "--yes", "openapi.addSource", "-").exit()).isZero();
  }

  private JsonNode tool(String id) {
    return cli.run("", "tools", "describe", id).data();
  }

  private List<String> ids() {
    List<String> ids = new ArrayList<>();
    cli.run("", "tools", "list").data().forEach(t -> ids.add(t.path("id").asString()));
    return ids;
  }

  @Test
  void byDefaultOnlyUnsafeMethodsAndAddSourceRequireApproval() {
    assertThat(
            tool("items.items.listItems").path("annotations").path("requiresApproval").asBoolean())
        .isFalse();
    assertThat(
            tool("items.items.createItem").path("annotations").path("requiresApproval").asBoolean())
        .isTrue();
    assertThat(
            tool("items.items.deleteItem").path("annotations").path("requiresApproval").asBoolean())
        .isTrue();
    assertThat(tool("openapi.addSource").path("annotations").path("requiresApproval").asBoolean())
        .isTrue();
    assertThat(tool("openapi.previewSpec").path("annotations").path("requiresApproval").asBoolean())
        .isFalse();
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
    CliRunner.Run describe = cli.run("", "tools", "describe", "items.items.listItems");
    assertThat(describe.exit()).isEqualTo(1);
    assertThat(describe.errorCode()).isEqualTo("blocked");
  }

  @Test
  void theMostSpecificRuleWinsAndListShowsTheRulesInTheOrderTheyApply() {
    cli.run("", "policies", "add", "*", "require_approval");
    cli.run("", "policies", "add", "items.*", "block");
    cli.run("", "policies", "add", "items.items.deleteItem", "approve");
    cli.run("", "policies", "add", "items.items.*", "block");
    JsonNode rules = cli.run("", "policies", "list").data();
    assertThat(rules)
        .extracting(r -> r.path("pattern").asString())
        .containsExactly("items.items.deleteItem", "items.items.*", "items.*", "*");
    cli.run("", "policies", "remove", "items.items.*");
    assertThat(ids()).contains("items.items.deleteItem").doesNotContain("items.items.listItems");
    assertThat(
            tool("items.items.deleteItem").path("annotations").path("requiresApproval").asBoolean())
        .isFalse();
    assertThat(tool("openapi.previewSpec").path("annotations").path("requiresApproval").asBoolean())
        .isTrue();

    assertThat(cli.run("", "policies", "remove", "items.*").exit()).isZero();
    assertThat(
            tool("items.items.listItems").path("annotations").path("requiresApproval").asBoolean())
        .isTrue();
    CliRunner.Run again = cli.run("", "policies", "remove", "items.*");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.errorCode()).isEqualTo("unknown_rule");
  }

  @Test
  void addingAnExistingPatternReplacesItsAction() {
    cli.run("", "policies", "add", "items.*", "block");
    JsonNode rules = cli.run("", "policies", "add", "items.*", "approve").data();
    assertThat(rules.toString()).isEqualTo("[{\"pattern\":\"items.*\",\"action\":\"approve\"}]");
    assertThat(ids()).contains("items.items.deleteItem");
  }

  @Test
  void explainNamesTheDecidingRuleTheRulesItBeatsAndWhy() {
    cli.run("", "policies", "add", "*", "block");
    cli.run("", "policies", "add", "items.*", "require_approval");
    cli.run("", "policies", "add", "items.items.deleteItem", "approve");
    JsonNode exact = cli.run("", "policies", "explain", "items.items.deleteItem").data();
    assertThat(exact.path("action").asString()).isEqualTo("approve");
    assertThat(exact.path("rule").path("pattern").asString()).isEqualTo("items.items.deleteItem");
    assertThat(exact.path("overridden"))
        .extracting(r -> r.path("pattern").asString())
        .containsExactly("items.*", "*");
    assertThat(exact.path("reason").asString()).contains("exactly");

    JsonNode prefix = cli.run("", "policies", "explain", "items.items.listItems").data();
    assertThat(prefix.path("action").asString()).isEqualTo("require_approval");
    assertThat(prefix.path("rule").path("pattern").asString()).isEqualTo("items.*");
    assertThat(prefix.path("reason").asString()).contains("longest prefix");

    JsonNode blocked = cli.run("", "policies", "explain", "token.createToken").data();
    assertThat(blocked.path("action").asString()).isEqualTo("block");
    assertThat(blocked.path("listed").asBoolean())
        .as("explain also covers blocked tools")
        .isFalse();

    cli.run("", "policies", "remove", "*");
    JsonNode byDefault = cli.run("", "policies", "explain", "token.createToken").data();
    assertThat(byDefault.path("rule").isNull()).isTrue();
    assertThat(byDefault.path("action").asString()).isEqualTo("require_approval");
    assertThat(byDefault.path("reason").asString()).contains("no rule matches").contains("POST");

    CliRunner.Run unknown = cli.run("", "policies", "explain", "items.items.dleteItem");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.json().path("error").path("details").path("suggestions").get(0).asString())
        .isEqualTo("items.items.deleteItem");
  }

  @Test
  void unreadableRulesStopEveryCallInsteadOfFallingBackToDefaults() throws Exception {
    cli.run("", "policies", "add", "items.*", "block");
    java.nio.file.Files.writeString(home.resolve("policies.json"), "{broken");
    CliRunner.Run call = cli.run("", "call", "items.items.listItems", "{}");
    assertThat(call.exit()).isEqualTo(1);
    assertThat(call.json().path("error").path("code").asString()).isEqualTo("store_failed");
    CliRunner.Run list = cli.run("", "policies", "list");
    assertThat(list.exit()).isEqualTo(1);
    assertThat(list.errorCode()).isEqualTo("store_failed");
    assertThat(tool("openapi.previewSpec").path("annotations").path("requiresApproval").asBoolean())
        .isTrue();
  }

  @Test
  void invalidRulesAreUsageErrors() {
    assertThat(cli.run("", "policies", "add", "items.*", "maybe").exit()).isEqualTo(2);
    assertThat(cli.run("", "policies", "add", "it*ms", "block").exit()).isEqualTo(2);
    assertThat(cli.run("", "policies", "list").data()).isEmpty();
  }
}

package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a library user does to JSON the registry handed out changes nothing the registry answers
 * later.
 */
class HandedOutJsonTest {
  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: Pets, version: '1'}
      servers: [{url: 'https://pets.example.com'}]
      paths:
        /pets:
          post:
            operationId: createPet
            requestBody:
              required: true
              content:
                application/json:
                  schema: {type: object, required: [name], properties: {name: {type: string}}}
            responses: {'200': {description: ok}}
      """;

  @TempDir Path home;

  @Test
  void changingAToolsSchemaChangesNeitherTheToolNorLaterAnswersNorValidation() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ObjectNode options = Json.object().put("namespace", "pets");
      assertThat(registry.addSource(Json.object().put("spec", SPEC).setAll(options)).ok()).isTrue();
      Tool tool = registry.tool("pets.pets.createPet").orElseThrow();
      String before = tool.toJson().toString();

      tool.inputSchema().removeAll();
      ((ObjectNode) tool.toJson().get("inputSchema")).removeAll();
      registry.tools().forEach(t -> t.inputSchema().removeAll());
      registry.forEachTool(
          "pets", true, t -> ((ObjectNode) t.toJson().get("inputSchema")).removeAll());

      assertThat(tool.toJson().toString()).isEqualTo(before);
      assertThat(registry.tool("pets.pets.createPet").orElseThrow().toJson().toString())
          .isEqualTo(before);
      ToolResult call = registry.call("pets.pets.createPet", Json.object());
      assertThat(call.ok()).isFalse();
      assertThat(call.error().code())
          .as("still validated against the full schema")
          .isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    }
  }

  @Test
  void changingABuiltInToolsSchemaChangesNothing() {
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      String before = registry.tool("openapi.addSource").orElseThrow().toJson().toString();
      registry
          .tool("openapi.addSource")
          .orElseThrow()
          .inputSchema()
          .put("additionalProperties", true);
      registry.builtInTools().forEach(t -> t.inputSchema().removeAll());
      assertThat(registry.tool("openapi.addSource").orElseThrow().toJson().toString())
          .isEqualTo(before);
      assertThat(registry.call("openapi.addSource", Json.object().put("unknown", 1)).error().code())
          .isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    }
  }

  @Test
  void aSourceListsNamesAndRedactedValuesOnlyAndItsJsonIsACopy() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      ObjectNode args = Json.object().put("spec", SPEC).put("namespace", "pets");
      args.putObject("headers").put("Authorization", "Bearer sk-live-123");
      args.putObject("queryParams").putObject("api_key").put("secretId", "pets_key");
      assertThat(registry.addSource(args).ok()).isTrue();
      SourceInfo source = registry.sources().get(0);
      assertThat(source.namespace()).isEqualTo("pets");
      assertThat(source.credentials()).containsExactly("header Authorization", "query api_key");
      assertThat(source.toString()).doesNotContain("sk-live-123");
      assertThat(source.redacted().toString()).doesNotContain("sk-live-123").contains("pets_key");

      source.redacted().removeAll();
      assertThat(registry.sources().get(0)).isEqualTo(source);
      assertThat(source.redacted().path("sourceId").asString()).isEqualTo("pets");
    }
  }
}

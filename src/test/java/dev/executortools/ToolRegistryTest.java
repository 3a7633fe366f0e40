package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ToolRegistryTest {
  private static final String HTTPBIN = Corpus.read("httpbin.org__0.9.2.openapi.yaml");

  private static ToolRegistry registry(ApprovalHandler approvals) {
    return ToolRegistry.builder().approvals(approvals).build();
  }

  private static ObjectNode args(String json) {
    return (ObjectNode) Json.parse(json);
  }

  private static ObjectNode spec(String text) {
    ObjectNode args = Json.object();
    args.put("spec", text);
    return args;
  }

  @Test
  void listsTheFiveSeedToolsSortedById() {
    try (ToolRegistry registry = registry(null)) {
      assertThat(registry.tools())
          .extracting(Tool::id)
          .containsExactly(
              "client.registerClient",
              "deviceAuthorization.startDeviceAuthorization",
              "openapi.addSource",
              "openapi.previewSpec",
              "token.createToken");
    }
  }

  @Test
  void bundledSsoOidcToolsExposeTheBodyAndServerButNotTheSigV4Headers() {
    try (ToolRegistry registry = registry(null)) {
      Tool register = registry.tool("client.registerClient").orElseThrow();
      JsonNode schema = register.inputSchema();
      assertThat(schema.path("properties").propertyNames())
          .containsExactlyInAnyOrder("body", "server");
      assertThat(schema.path("required").toString()).contains("body");
      assertThat(register.source()).isEqualTo("aws_sso_oidc");
      assertThat(register.annotations().method()).isEqualTo("post");
      assertThat(register.annotations().pathTemplate()).isEqualTo("/client/register");
      assertThat(schema.toString()).doesNotContain("X-Amz-");
      Tool token = registry.tool("token.createToken").orElseThrow();
      String body = token.inputSchema().toString();
      assertThat(body).contains("clientId", "clientSecret", "grantType", "deviceCode");
    }
  }

  @Test
  void addSourceRegistersEveryOperationOfAnInlineSpec() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result = registry.call("openapi.addSource", spec(HTTPBIN));
      assertThat(result.ok()).as(result.toString()).isTrue();
      assertThat(result.data().path("sourceId").asString()).isEqualTo("httpbin_org");
      assertThat(result.data().path("toolCount").asInt()).isEqualTo(78);
      List<String> ids = new ArrayList<>();
      result.data().path("tools").forEach(id -> ids.add(id.asString()));
      assertThat(ids)
          .hasSize(78)
          .doesNotHaveDuplicates()
          .allMatch(id -> id.startsWith("httpbin_org."));
      assertThat(registry.tools()).hasSize(83);
      assertThat(registry.tool(ids.get(0))).isPresent();
    }
  }

  @Test
  void theJavaApiAddsSourcesWithoutAskingForApprovalIncludingFromALocalFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    try (ToolRegistry registry = registry(null)) {
      ToolResult inline = registry.addSource(spec(HTTPBIN).put("namespace", "inline"));
      assertThat(inline.ok()).as(inline.toString()).isTrue();
      java.nio.file.Path file = dir.resolve("httpbin.yaml");
      java.nio.file.Files.writeString(file, HTTPBIN);
      ToolResult fromFile = registry.addSource(file, Json.object().put("namespace", "fromfile"));
      assertThat(fromFile.data().path("toolCount").asInt()).isEqualTo(78);
      assertThat(registry.tool("fromfile.httpMethods.getGet")).isPresent();
      ToolResult missing = registry.addSource(dir.resolve("absent.yaml"), null);
      assertThat(missing.error().code()).isEqualTo(ErrorCode.OPENAPI_FETCH_FAILED);
    }
  }

  @Test
  void addingAnExistingNamespaceFailsUnlessReplaceIsTrue() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ObjectNode args = spec(HTTPBIN).put("namespace", "bin");
      assertThat(registry.call("openapi.addSource", args).ok()).isTrue();
      ToolResult again = registry.call("openapi.addSource", args);
      assertThat(again.error().code()).isEqualTo(ErrorCode.SOURCE_EXISTS);
      assertThat(registry.call("openapi.addSource", args.put("replace", true)).ok()).isTrue();
      assertThat(registry.tools()).hasSize(83);
    }
  }

  @Test
  void previewDescribesTheSpecWithoutAddingAnything() {
    try (ToolRegistry registry = registry(null)) {
      ToolResult result = registry.call("openapi.previewSpec", spec(HTTPBIN));
      assertThat(result.ok()).as(result.toString()).isTrue();
      JsonNode data = result.data();
      assertThat(data.path("title").asString()).isEqualTo("httpbin.org");
      assertThat(data.path("openapi").asString()).isEqualTo("3.0.0");
      assertThat(data.path("operationCount").asInt()).isEqualTo(78);
      assertThat(data.path("operations")).hasSize(78);
      JsonNode first = data.path("operations").get(0);
      assertThat(first.propertyNames())
          .contains("toolPath", "operationId", "method", "path", "summary", "tags", "deprecated");
      assertThat(data.has("servers")).isTrue();
      assertThat(data.has("securitySchemes")).isTrue();
      assertThat(data.path("warnings").isArray()).isTrue();
      assertThat(registry.tools()).hasSize(5);
    }
  }

  @Test
  void addSourceRequiresApproval() {
    try (ToolRegistry registry = registry(null)) {
      ToolResult result = registry.call("openapi.addSource", spec(HTTPBIN));
      assertThat(result.error().code()).isEqualTo(ErrorCode.APPROVAL_REQUIRED);
      assertThat(registry.tools()).hasSize(5);
    }
    try (ToolRegistry registry = registry((tool, args) -> false)) {
      ToolResult result = registry.call("openapi.addSource", spec(HTTPBIN));
      assertThat(result.error().code()).isEqualTo(ErrorCode.APPROVAL_DECLINED);
    }
  }

  @Test
  void unknownToolIsAnErrorValue() {
    try (ToolRegistry registry = registry(null)) {
      ToolResult result = registry.call("nope.nothing", Json.object());
      assertThat(result.ok()).isFalse();
      assertThat(result.error().code()).isEqualTo(ErrorCode.UNKNOWN_TOOL);
      assertThat(result.error().message()).contains("nope.nothing");
    }
  }

  @Test
  void argumentsThatDoNotMatchTheSchemaAreRefusedWithPointers() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result =
          registry.call("openapi.previewSpec", args("{\"spec\": 42, \"extra\": true}"));
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      List<String> paths = new ArrayList<>();
      result.error().details().path("errors").forEach(e -> paths.add(e.path("path").asString()));
      assertThat(paths).contains("/spec");
      ToolResult missing =
          registry.call("client.registerClient", args("{\"body\": {\"clientType\": \"public\"}}"));
      assertThat(missing.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(missing.error().details().toString()).contains("/body", "clientName");
    }
  }

  @Test
  void aRegionThatIsNoRegionCannotSteerTheBundledToolsToAnotherHost() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result =
          registry.call(
              "token.createToken",
              args(
                  "{\"body\": {\"clientId\": \"a\", \"clientSecret\": \"b\", \"grantType\": \"x\"},"
                      + " \"server\": {\"variables\": {\"region\": \"evil.example/x#\"}}}"));
      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().details().path("errors").get(0).path("path").asString())
          .isEqualTo("/server");
    }
  }

  @Test
  void badDocumentsGiveOpenapiParseFailedWithAReadableMessage() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      for (String bad :
          List.of(
              "not: openapi\n",
              "openapi: 3.0.0\npaths: [\n",
              "openapi: 3.0.0\ninfo: {title: x}\n")) {
        ToolResult result = registry.call("openapi.addSource", spec(bad));
        assertThat(result.error().code()).as(bad).isEqualTo(ErrorCode.OPENAPI_PARSE_FAILED);
        assertThat(result.error().message()).isNotBlank().doesNotContain("Exception");
      }
      assertThat(registry.tools()).hasSize(5);
    }
  }

  @Test
  void swagger2SourcesAreAccepted() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result =
          registry.call("openapi.addSource", spec(Corpus.read("gitlab.com__v3.swagger.yaml")));
      assertThat(result.ok()).as(result.toString()).isTrue();
      assertThat(result.data().path("toolCount").asInt()).isEqualTo(358);
    }
  }
}

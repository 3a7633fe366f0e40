package dev.executortools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code mcp} as a client nobody here wrote may drive it: raw JSON lines on the packaged jar's
 * stdin, malformed ones included. Every bad message is answered with the JSON-RPC error the
 * specification names and the session goes on; the end of input ends the process.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpProtocolIT {
  private static final Duration EXIT = Duration.ofSeconds(2);

  @TempDir Path home;

  private static void assertError(JsonNode reply, int code, Object id) {
    assertThat(reply.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(reply.path("error").path("code").asInt()).as(reply.toString()).isEqualTo(code);
    assertThat(reply.path("error").path("message").asString())
        .isNotBlank()
        .doesNotContain("Exception");
    assertThat(reply.has("id"))
        .as("an error always has an id, null when it could not be read")
        .isTrue();
    assertThat(reply.get("id")).isEqualTo(Json.MAPPER.valueToTree(id));
  }

  @Test
  void numbersInToolArgumentsAreReadAsWritten() throws Exception {
    Path spec = home.resolveSibling(home.getFileName() + "-numbers.yaml");
    java.nio.file.Files.writeString(
        spec,
        """
        openapi: 3.1.0
        info: {title: numbers, version: '1'}
        servers: [{url: 'http://127.0.0.1:9'}]
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: step, in: query, schema: {type: number, multipleOf: 0.001}}
              responses: {'200': {description: ok}}
        """);
    assertThat(
            McpJarClient.cli(
                home,
                "call",
                "--yes",
                "openapi.addSource",
                "--arg-file",
                "spec=" + spec,
                "{\"namespace\": \"numbers\"}"))
        .isZero();
    try (RawMcpProcess mcp = new RawMcpProcess(home, "--tools", "all")) {
      mcp.initialize("{}");
      mcp.send(
          "{\"jsonrpc\": \"2.0\", \"id\": \"tiny\", \"method\": \"tools/call\", \"params\":"
              + " {\"name\": \"numbers_items_listItems\", \"arguments\": {\"step\": 1e-400}}}");
      JsonNode result = mcp.responseTo("tiny").path("result");

      // read as a double, 1e-400 would be 0.0, a multiple of 0.001, and the call would go out
      assertThat(result.path("structuredContent").path("error").path("code").asString())
          .as(result.toString())
          .isEqualTo("invalid_arguments");
    }
  }

  @Test
  void everyMalformedMessageIsAnsweredAndTheSessionGoesOn() throws Exception {
    record Bad(String line, int code, Object id) {}
    List<Bad> bad =
        List.of(
            new Bad("", -32700, null),
            new Bad("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ", -32700, null),
            new Bad("not json at all", -32700, null),
            new Bad("42", -32600, null),
            new Bad("\"ping\"", -32600, null),
            new Bad("[{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"ping\"}]", -32600, null),
            new Bad("[]", -32600, null),
            new Bad("{\"id\": 3, \"method\": \"ping\"}", -32600, 3),
            new Bad(
                "{\"jsonrpc\": \"1.0\", \"id\": \"four\", \"method\": \"ping\"}", -32600, "four"),
            new Bad("{\"jsonrpc\": \"2.0\", \"id\": null, \"method\": \"ping\"}", -32600, null),
            new Bad(
                "{\"jsonrpc\": \"2.0\", \"id\": {\"x\": 1}, \"method\": \"ping\"}", -32600, null),
            new Bad("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": 17}", -32600, null),
            new Bad(
                "{\"jsonrpc\": \"2.0\", \"id\": 6, \"method\": \"ping\", \"params\": \"x\"}",
                -32602,
                6),
            new Bad("{\"jsonrpc\": \"2.0\", \"id\": 7}", -32600, null));

    try (RawMcpProcess mcp = new RawMcpProcess(home)) {
      mcp.initialize("{}");
      int pings = 0;
      for (Bad message : bad) {
        mcp.send(message.line());
        JsonNode reply = mcp.responseTo(message.id());
        assertError(reply, message.code(), message.id());
        mcp.assertAnswersPing("after-" + pings++);
      }
      assertThat(mcp.closeInputAndAwaitExit(EXIT)).as("exit code after stdin closed").isZero();
    }
  }

  @Test
  void messagesUpTo64MibAreReadAndLargerOnesRefusedWithoutEndingTheSession() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home, "--tools", "all")) {
      mcp.initialize("{}");

      // an inline spec the size of Microsoft Graph's (22 MB) reaches the tool
      String spec =
          "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Big\", \"version\": \"1\", \"description\": \""
              + "x".repeat(22_000_000)
              + "\"}, \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";
      JsonNode args =
          Json.object()
              .put("name", "openapi_previewSpec")
              .set("arguments", Json.object().put("spec", spec));
      JsonNode previewed = mcp.call("big", "tools/call", args);
      assertThat(previewed.path("result").path("isError").asBoolean())
          .as("%.500s", previewed)
          .isFalse();
      assertThat(
              previewed
                  .path("result")
                  .path("structuredContent")
                  .path("data")
                  .path("title")
                  .asString())
          .isEqualTo("Big");

      // past 64 MiB: refused with the id read from its start, the rest skipped
      byte[] huge = new byte[StdioTransport.MAX_MESSAGE_BYTES + 1024];
      Arrays.fill(huge, (byte) 'x');
      byte[] start =
          "{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": \"ping\", \"params\": {\"pad\": \""
              .getBytes(StandardCharsets.UTF_8);
      System.arraycopy(start, 0, huge, 0, start.length);
      huge[huge.length - 2] = '"';
      huge[huge.length - 1] = '}';
      mcp.send(huge);
      JsonNode refused = mcp.responseTo(99);
      assertError(refused, -32600, 99);
      assertThat(refused.path("error").path("message").asString()).contains("64 MiB");
      mcp.assertAnswersPing("after-huge");

      assertThat(mcp.closeInputAndAwaitExit(EXIT)).isZero();
    }
  }

  @Test
  void theLifecycleIsKeptAsTheSpecificationSaysMust() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home)) {
      mcp.assertAnswersPing("before-initialize");
      assertError(mcp.call(1, "tools/list", null), -32600, 1);
      assertThat(mcp.call(1, "tools/list", null).path("error").path("message").asString())
          .contains("initialize");

      assertError(mcp.call(2, "initialize", Json.parse("{\"capabilities\": {}}")), -32602, 2);
      assertThat(mcp.initialize("{}").path("result").path("serverInfo").path("name").asString())
          .isEqualTo("executor-tools");
      JsonNode again =
          mcp.call(
              3,
              "initialize",
              Json.parse(
                  "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"x\", \"version\": \"1\"}}"));
      assertError(again, -32600, 3);
      assertThat(again.path("error").path("message").asString()).contains("already initialized");

      assertThat(mcp.call(4, "tools/list", null).path("result").path("tools").size())
          .as("the five built-in tools and read_result")
          .isEqualTo(6);
      assertError(mcp.call(5, "logging/setLevel", Json.parse("{\"level\": \"loud\"}")), -32602, 5);
      assertThat(
              mcp.call(6, "logging/setLevel", Json.parse("{\"level\": \"warning\"}")).has("result"))
          .isTrue();
      assertError(mcp.call(7, "no/such/method", null), -32601, 7);

      assertThat(mcp.closeInputAndAwaitExit(EXIT)).isZero();
    }
  }

  @Test
  void toolCallErrorsNameWhatWasAskedFor() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home)) {
      mcp.initialize("{}");

      JsonNode unknown =
          mcp.call(1, "tools/call", Json.parse("{\"name\": \"no_such_tool\", \"arguments\": {}}"));
      assertError(unknown, -32602, 1);
      assertThat(unknown.path("error").path("message").asString())
          .contains("unknown tool 'no_such_tool'");
      JsonNode misspelt = mcp.call(2, "tools/call", Json.parse("{\"name\": \"token_createTokn\"}"));
      assertThat(misspelt.path("error").path("message").asString())
          .contains("unknown tool 'token_createTokn'")
          .contains("did you mean token_createToken");
      assertThat(misspelt.path("error").path("data").path("suggestions").get(0).asString())
          .isEqualTo("token_createToken");

      for (String params :
          List.of("{}", "{\"name\": 5}", "{\"name\": \"token_createToken\", \"arguments\": [1]}")) {
        JsonNode malformed = mcp.call("p", "tools/call", Json.parse(params));
        assertError(malformed, -32602, "p");
        assertThat(malformed.path("error").path("message").asString())
            .as(params)
            .contains("tools/call needs \"name\"");
      }
      mcp.assertAnswersPing("still");
      assertThat(mcp.closeInputAndAwaitExit(EXIT)).isZero();
    }
  }

  @Test
  void theDiscoveryCallToolSaysItMayDestroyAndTheFetchingToolsThatTheyReachOut() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home, "--tools", "search")) {
      mcp.initialize("{}");
      JsonNode tools = mcp.call(1, "tools/list", null).path("result").path("tools");
      JsonNode callTool = find(tools, "call_tool").path("annotations");
      assertThat(callTool.path("destructiveHint").asBoolean()).isTrue();
      assertThat(callTool.path("openWorldHint").asBoolean()).isTrue();
      assertThat(callTool.path("readOnlyHint").asBoolean()).isFalse();
      assertThat(
              find(tools, "search_tools").path("annotations").path("destructiveHint").asBoolean())
          .isFalse();
      assertThat(
              find(tools, "openapi_previewSpec")
                  .path("annotations")
                  .path("openWorldHint")
                  .asBoolean())
          .isTrue();
      assertThat(
              find(tools, "openapi_addSource")
                  .path("annotations")
                  .path("openWorldHint")
                  .asBoolean())
          .isTrue();
      assertThat(mcp.closeInputAndAwaitExit(EXIT)).isZero();
    }
  }

  private static JsonNode find(JsonNode tools, String name) {
    for (JsonNode tool : tools) if (tool.path("name").asString().equals(name)) return tool;
    throw new AssertionError("no " + name + " in " + tools);
  }
}

package dev.executortools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.ProtectedApi;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call that needs a sign-in, through the MCP server: a client that opens URLs (URL-mode
 * elicitation, MCP 2025-11-25) is asked to open the authorization URL, and the call goes on once
 * the sign-in completes; a client that declines, or cannot open URLs, gets {@code auth_required}
 * naming the command. The authorization server is mock-oauth2-server, the API WireMock.
 */
class McpUrlSignInIT {
  private final ProtectedApi fixture = new ProtectedApi();

  @TempDir Path home;

  @BeforeEach
  void addTheSource() {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(registry.addSource(fixture.addArguments("authorizationCode", null)).ok()).isTrue();
    }
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static ObjectNode listThings() {
    ObjectNode params = Json.object().put("name", "things_things_listThings");
    params.putObject("arguments");
    return params;
  }

  private static void answer(RawMcpProcess mcp, JsonNode question, String action) throws Exception {
    mcp.send(
        "{\"jsonrpc\": \"2.0\", \"id\": "
            + Json.write(question.get("id"))
            + ", \"result\": {\"action\": \""
            + action
            + "\"}}");
  }

  @Test
  void aClientThatOpensUrlsIsAskedToOpenTheSignInPageAndTheCallGoesOn() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home)) {
      mcp.initialize("{\"elicitation\": {\"url\": {}}}");
      mcp.send(RawMcpProcess.request("call", "tools/call", listThings()));

      JsonNode question = mcp.serverRequest("elicitation/create");
      JsonNode params = question.path("params");
      assertThat(params.path("mode").asString()).isEqualTo("url");
      assertThat(params.path("elicitationId").asString()).isNotBlank();
      assertThat(params.path("message").asString()).contains("Sign in to things");
      String url = params.path("url").asString();
      assertThat(url).contains("/default/authorize").contains("code_challenge_method=S256");
      OkHttpClient browser = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
      try (Response page = browser.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(page.code()).isEqualTo(200);
      }
      answer(mcp, question, "accept");

      JsonNode response = mcp.responseTo("call");
      assertThat(response.path("result").path("isError").asBoolean())
          .as(response.toString())
          .isFalse();
      assertThat(fixture.apiRequests()).hasSize(1);
      assertThat(fixture.apiRequests().get(0).getHeader("Authorization")).startsWith("Bearer ey");
    }
  }

  @Test
  void aDeclinedSignInAnswersAuthRequiredAndSendsNothing() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home)) {
      mcp.initialize("{\"elicitation\": {\"url\": {}}}");
      mcp.send(RawMcpProcess.request("call", "tools/call", listThings()));
      answer(mcp, mcp.serverRequest("elicitation/create"), "decline");

      JsonNode error =
          mcp.responseTo("call").path("result").path("structuredContent").path("error");
      assertThat(error.path("code").asString()).isEqualTo("auth_required");
      assertThat(error.path("message").asString()).contains("executor-tools auth login things");
      assertThat(fixture.apiRequests()).isEmpty();
    }
  }

  @Test
  void aClientThatCannotOpenUrlsGetsTheCommand() throws Exception {
    try (RawMcpProcess mcp = new RawMcpProcess(home)) {
      mcp.initialize("{}");
      JsonNode response = mcp.call("call", "tools/call", listThings());

      JsonNode error = response.path("result").path("structuredContent").path("error");
      assertThat(error.path("code").asString()).isEqualTo("auth_required");
      assertThat(error.path("details").path("command").asString())
          .isEqualTo("executor-tools auth login things --scheme oauth");
      assertThat(fixture.apiRequests()).isEmpty();
    }
  }
}

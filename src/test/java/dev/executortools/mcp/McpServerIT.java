package dev.executortools.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.agent.ToolNames;
import dev.executortools.testing.Corpus;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp} as a host runs it: the packaged jar in a subprocess, driven by the MCP SDK's client
 * over stdio, calling a loopback WireMock upstream.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpServerIT {
  @TempDir Path home;
  private WireMockServer upstream;

  @BeforeEach
  void start() {
    upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    upstream.start();
  }

  @AfterEach
  void stop() {
    upstream.stop();
  }

  private String upstreamUrl() {
    return "http://127.0.0.1:" + upstream.port();
  }

  private static Map<String, Object> structured(McpSchema.CallToolResult result) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) result.structuredContent();
    return map;
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void listsCallsAddsASourceAndFollowsChangesFromAnotherProcess() throws Exception {
    SsoOidcStubs.tokenAndGet(upstream);

    try (McpJarClient mcp =
        new McpJarClient(home, Map.of("AWS_ENDPOINT_URL_SSO_OIDC", upstreamUrl()), true)) {
      List<McpSchema.Tool> tools = mcp.client.listTools().tools();
      assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .containsExactlyInAnyOrder(
              "client_registerClient",
              "deviceAuthorization_startDeviceAuthorization",
              "token_createToken",
              "openapi_addSource",
              "openapi_previewSpec",
              "read_result");
      McpSchema.Tool token =
          tools.stream()
              .filter(t -> t.name().equals("token_createToken"))
              .findFirst()
              .orElseThrow();
      assertThat(token.title()).isEqualTo("token.createToken");
      assertThat(token.annotations().readOnlyHint()).isFalse();
      assertThat(token.annotations().destructiveHint()).isFalse();
      assertThat(token.annotations().idempotentHint()).isFalse();

      // an SSO-OIDC tool against WireMock; it requires approval, which the client gives when asked
      McpSchema.CallToolResult created =
          mcp.call(
              "token_createToken",
              Map.of(
                  "body",
                  Map.of(
                      "clientId",
                      "c",
                      "clientSecret",
                      "s",
                      "grantType",
                      "urn:ietf:params:oauth:grant-type:device_code",
                      "deviceCode",
                      "d")));
      assertThat(created.isError()).as(text(created)).isFalse();
      assertThat(structured(created)).containsEntry("ok", true);
      assertThat(text(created)).contains("\"accessToken\":\"at-1\"");
      assertThat(mcp.approvalQuestions).anyMatch(q -> q.contains("token.createToken"));
      upstream.verify(
          postRequestedFor(urlEqualTo("/token"))
              .withRequestBody(equalToJson("{\"deviceCode\": \"d\"}", true, true)));

      // an ok:false result is isError, with the error object
      McpSchema.CallToolResult invalid = mcp.call("token_createToken", Map.of());
      assertThat(invalid.isError()).isTrue();
      assertThat(text(invalid)).contains("\"code\":\"invalid_arguments\"");

      // add a corpus spec through openapi.addSource: list_changed, and the new tools are listed
      McpSchema.CallToolResult added =
          mcp.call(
              "openapi_addSource",
              Map.of(
                  "spec",
                  Corpus.read("httpbin.org__0.9.2.openapi.yaml"),
                  "namespace",
                  "httpbin",
                  "baseUrl",
                  upstreamUrl()));
      assertThat(added.isError()).as(text(added)).isFalse();
      List<McpSchema.Tool> afterAdd = mcp.awaitListChange();
      assertThat(afterAdd)
          .hasSize(5 + 1 + 78)
          .extracting(McpSchema.Tool::name)
          .contains("httpbin_httpMethods_getGet");
      assertThat(afterAdd).allSatisfy(t -> assertThat(t.name()).matches(ToolNames.VALID));

      McpSchema.CallToolResult got = mcp.call("httpbin_httpMethods_getGet", Map.of());
      assertThat(got.isError()).as(text(got)).isFalse();
      assertThat(text(got)).contains("\"url\":\"/get\"");

      // another process sharing the home removes the source: the server notices and says so
      assertThat(cli("sources", "remove", "httpbin")).isZero();
      assertThat(mcp.awaitListChange()).hasSize(5 + 1);
    }
  }

  @Test
  void searchModeFindsDescribesAndCallsGitHubToolsThroughTheDiscoveryTools() throws Exception {
    upstream.stubFor(
        post(urlEqualTo("/repos/octo/hello/issues"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"number\": 7}")));

    try (McpJarClient mcp = new McpJarClient(home, Map.of(), false, "--tools", "search")) {
      assertThat(mcp.client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyInAnyOrder(
              "client_registerClient",
              "deviceAuthorization_startDeviceAuthorization",
              "token_createToken",
              "openapi_addSource",
              "openapi_previewSpec",
              "search_tools",
              "describe_tool",
              "call_tool",
              "read_result");

      // this client cannot be asked, so addSource answers approval_required and says how to allow
      // it
      Map<String, Object> addGitHub =
          Map.of(
              "id",
              "openapi.addSource",
              "arguments",
              Map.of(
                  "spec",
                  Corpus.read("github.com__api.github.com__1.1.4.openapi.yaml"),
                  "namespace",
                  "github",
                  "baseUrl",
                  upstreamUrl()));
      McpSchema.CallToolResult refused = mcp.call("call_tool", addGitHub);
      assertThat(refused.isError()).isTrue();
      assertThat(text(refused))
          .contains("approval_required")
          .contains("policies add 'openapi.addSource' approve");

      assertThat(cli("policies", "add", "*", "approve")).isZero();
      McpSchema.CallToolResult added = mcp.call("call_tool", addGitHub);
      assertThat(added.isError()).as(text(added)).isFalse();
      // the policy rule and the new source each change the list; the second names GitHub
      List<McpSchema.Tool> listed =
          mcp.awaitListChange(
              tools ->
                  tools.stream()
                      .anyMatch(
                          t ->
                              t.name().equals("search_tools")
                                  && t.description().contains("github (744)")));
      assertThat(listed).hasSize(8 + 1);

      McpSchema.CallToolResult found =
          mcp.call("search_tools", Map.of("query", "open an issue in a repo", "limit", 5));
      assertThat(found.isError()).isFalse();
      assertThat(text(found)).contains("\"id\":\"github.issues.create\"");

      McpSchema.CallToolResult described =
          mcp.call("describe_tool", Map.of("id", "github.issues.create"));
      assertThat(described.isError()).isFalse();
      assertThat(text(described)).contains("\"inputSchema\"").contains("\"owner\"");

      McpSchema.CallToolResult opened =
          mcp.call(
              "call_tool",
              Map.of(
                  "id",
                  "github.issues.create",
                  "arguments",
                  Map.of(
                      "owner", "octo", "repo", "hello", "body", Map.of("title", "Found a bug"))));
      assertThat(opened.isError()).as(text(opened)).isFalse();
      assertThat(text(opened)).contains("\"number\":7");
      upstream.verify(
          postRequestedFor(urlEqualTo("/repos/octo/hello/issues"))
              .withRequestBody(equalToJson("{\"title\": \"Found a bug\"}")));

      McpSchema.CallToolResult misspelt =
          mcp.call("call_tool", Map.of("id", "github.issues.creat"));
      assertThat(misspelt.isError()).isTrue();
      assertThat(text(misspelt)).contains("unknown_tool").contains("github.issues.create");
    }
  }

  @Test
  void autoModeSwitchesToTheDiscoveryToolsPast128Tools() throws Exception {
    try (McpJarClient mcp = new McpJarClient(home, Map.of(), true)) {
      assertThat(mcp.client.listTools().tools()).hasSize(5 + 1); // and read_result

      McpSchema.CallToolResult added =
          mcp.call(
              "openapi_addSource",
              Map.of(
                  "spec",
                  Corpus.read("github.com__api.github.com__1.1.4.openapi.yaml"),
                  "namespace",
                  "github"));
      assertThat(added.isError()).as(text(added)).isFalse();

      List<McpSchema.Tool> listed = mcp.awaitListChange(tools -> tools.size() == 8 + 1);
      assertThat(listed)
          .extracting(McpSchema.Tool::name)
          .contains("search_tools", "describe_tool", "call_tool", "openapi_addSource")
          .doesNotContain("github_issues_create");
    }
  }

  @Test
  void aCallNeedingApprovalRunsOnlyWhenTheClientAcceptsWhenAsked() throws Exception {
    upstream.stubFor(
        get(urlEqualTo("/get"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"url\": \"/get\"}")));
    // GET tools run without approval by default: this rule makes httpbin's need it
    assertThat(cli("policies", "add", "httpbin.*", "require_approval")).isZero();
    assertThat(cli("policies", "add", "openapi.addSource", "approve")).isZero();
    BlockingQueue<McpSchema.ElicitResult> answers = new LinkedBlockingQueue<>();

    try (McpJarClient mcp = new McpJarClient(home, Map.of(), request -> answers.remove())) {
      McpSchema.CallToolResult added =
          mcp.call(
              "openapi_addSource",
              Map.of(
                  "spec",
                  Corpus.read("httpbin.org__0.9.2.openapi.yaml"),
                  "namespace",
                  "httpbin",
                  "baseUrl",
                  upstreamUrl()));
      assertThat(added.isError()).as(text(added)).isFalse();
      assertThat(mcp.approvalQuestions).as("a rule approves addSource: nothing to ask").isEmpty();
      mcp.awaitListChange(
          tools -> tools.stream().anyMatch(t -> t.name().equals("httpbin_httpMethods_getGet")));

      // declined, cancelled, or accepted with the box unticked: approval_declined, nothing sent
      List<McpSchema.ElicitResult> refusals =
          List.of(
              new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null),
              new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null),
              new McpSchema.ElicitResult(
                  McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", false)));
      for (McpSchema.ElicitResult refusal : refusals) {
        answers.add(refusal);
        McpSchema.CallToolResult refused = mcp.call("httpbin_httpMethods_getGet", Map.of());
        assertThat(refused.isError()).as(refusal.toString()).isTrue();
        assertThat(structured(refused)).containsEntry("ok", false);
        assertThat(structured(refused).get("error"))
            .asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsEntry("code", "approval_declined");
        assertThat(text(refused))
            .contains("\"code\":\"approval_declined\"")
            .contains("httpbin.httpMethods.getGet");
      }
      assertThat(answers).as("each refusal was asked for").isEmpty();
      assertThat(mcp.approvalQuestions)
          .hasSize(3)
          .allSatisfy(
              q ->
                  assertThat(q)
                      .contains("httpbin.httpMethods.getGet")
                      .contains("Request: GET " + upstreamUrl() + "/get"));
      upstream.verify(0, anyRequestedFor(anyUrl()));

      answers.add(
          new McpSchema.ElicitResult(
              McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", true)));
      McpSchema.CallToolResult accepted = mcp.call("httpbin_httpMethods_getGet", Map.of());
      assertThat(accepted.isError()).as(text(accepted)).isFalse();
      assertThat(text(accepted)).contains("\"url\":\"/get\"");
      assertThat(mcp.approvalQuestions).hasSize(4);
      upstream.verify(1, getRequestedFor(urlEqualTo("/get")));
      upstream.verify(1, anyRequestedFor(anyUrl()));
    }
  }

  private int cli(String... args) throws Exception {
    return McpJarClient.cli(home, args);
  }
}

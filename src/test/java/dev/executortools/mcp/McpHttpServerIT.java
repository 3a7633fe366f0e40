package dev.executortools.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code mcp --http}: the packaged jar in a subprocess serving Streamable HTTP on loopback, driven
 * by the MCP SDK's own HTTP client ({@code HttpClientStreamableHttpTransport}), calling a loopback
 * WireMock upstream.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpHttpServerIT {
  static final String TOKEN = "test-token-0123456789abcdef-not-a-real-one";
  private static final McpSchema.ElicitResult APPROVE =
      new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", true));
  private static final McpSchema.ElicitResult DECLINE =
      new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);

  @TempDir Path home;
  @TempDir Path dir;
  private WireMockServer upstream;

  @BeforeEach
  void start() {
    upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    upstream.start();
    SsoOidcStubs.tokenAndGet(upstream);
  }

  @AfterEach
  void stop() {
    upstream.stop();
  }

  private Map<String, String> upstreamEnv() {
    return Map.of("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:" + upstream.port());
  }

  private Path tokenFile() throws Exception {
    return Files.writeString(dir.resolve("token"), TOKEN + "\n");
  }

  private static Map<String, Object> createToken(String deviceCode) {
    return Map.of(
        "body",
        Map.of(
            "clientId",
            "c",
            "clientSecret",
            "s",
            "grantType",
            "urn:ietf:params:oauth:grant-type:device_code",
            "deviceCode",
            deviceCode));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void listsCallsAsksApprovalAndAnnouncesChangesOverHttp() throws Exception {
    BlockingQueue<McpSchema.ElicitResult> answers =
        new LinkedBlockingQueue<>(List.of(APPROVE, DECLINE, APPROVE));
    try (McpHttpJar server =
        new McpHttpJar(
            home,
            upstreamEnv(),
            "--http",
            "127.0.0.1:0",
            "--http-token-file",
            tokenFile().toString())) {
      assertThat(server.endpoint.getHost()).isEqualTo("127.0.0.1");
      assertThat(server.endpoint.getPath()).isEqualTo("/mcp");
      McpJarClient mcp = server.connect(TOKEN, request -> answers.remove());

      assertThat(mcp.client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyInAnyOrder(
              "client_registerClient",
              "deviceAuthorization_startDeviceAuthorization",
              "token_createToken",
              "openapi_addSource",
              "openapi_previewSpec",
              "read_result");

      // an SSO-OIDC tool: asked through elicitation, approved, the request reaches WireMock
      McpSchema.CallToolResult created = mcp.call("token_createToken", createToken("approved"));
      assertThat(created.isError()).as(text(created)).isFalse();
      assertThat(text(created)).contains("\"accessToken\":\"at-1\"");
      assertThat(mcp.approvalQuestions)
          .hasSize(1)
          .allSatisfy(q -> assertThat(q).contains("token.createToken"));
      upstream.verify(
          1,
          postRequestedFor(urlEqualTo("/token"))
              .withRequestBody(equalToJson("{\"deviceCode\": \"approved\"}", true, true)));

      // declined when asked: approval_declined, and nothing more reaches WireMock
      McpSchema.CallToolResult declined = mcp.call("token_createToken", createToken("declined"));
      assertThat(declined.isError()).isTrue();
      assertThat(text(declined)).contains("\"code\":\"approval_declined\"");
      assertThat(mcp.approvalQuestions).hasSize(2);
      upstream.verify(1, postRequestedFor(urlEqualTo("/token")));

      // a source added over MCP (approved when asked): list_changed on the session's stream, the
      // new
      // tools listed and callable
      McpSchema.CallToolResult added =
          mcp.call(
              "openapi_addSource",
              Map.of(
                  "spec",
                  Corpus.read("httpbin.org__0.9.2.openapi.yaml"),
                  "namespace",
                  "httpbin",
                  "baseUrl",
                  "http://127.0.0.1:" + upstream.port()));
      assertThat(added.isError()).as(text(added)).isFalse();
      assertThat(mcp.approvalQuestions).hasSize(3).last().asString().contains("openapi.addSource");
      List<McpSchema.Tool> afterAdd =
          mcp.awaitListChange(
              tools -> tools.size() == 1 + 5 + 78); // read_result, the built-in tools, httpbin's
      assertThat(afterAdd).extracting(McpSchema.Tool::name).contains("httpbin_httpMethods_getGet");

      McpSchema.CallToolResult got = mcp.call("httpbin_httpMethods_getGet", Map.of());
      assertThat(got.isError()).as(text(got)).isFalse();
      assertThat(text(got)).contains("\"url\":\"/get\"");
      upstream.verify(1, getRequestedFor(urlEqualTo("/get")));
    }
  }

  @Test
  void twoSessionsAtOnceEachAnswersOnlyItsOwnApprovals() throws Exception {
    CountDownLatch bothAsked = new CountDownLatch(2);
    try (McpHttpJar server = new McpHttpJar(home, upstreamEnv(), "--http", "127.0.0.1:0")) {
      McpJarClient a =
          server.connect(
              null,
              request -> {
                bothAsked.countDown();
                await(bothAsked); // B's question is pending too: each answer must reach its own
                // session
                return APPROVE;
              });
      McpJarClient b =
          server.connect(
              null,
              request -> {
                bothAsked.countDown();
                await(bothAsked);
                return DECLINE;
              });

      CompletableFuture<McpSchema.CallToolResult> fromA =
          CompletableFuture.supplyAsync(() -> a.call("token_createToken", createToken("from-A")));
      CompletableFuture<McpSchema.CallToolResult> fromB =
          CompletableFuture.supplyAsync(() -> b.call("token_createToken", createToken("from-B")));

      McpSchema.CallToolResult resultA = fromA.get(2, TimeUnit.MINUTES);
      McpSchema.CallToolResult resultB = fromB.get(2, TimeUnit.MINUTES);
      assertThat(resultA.isError()).as(text(resultA)).isFalse();
      assertThat(resultB.isError()).isTrue();
      assertThat(text(resultB)).contains("\"code\":\"approval_declined\"");
      assertThat(a.approvalQuestions)
          .hasSize(1)
          .allSatisfy(q -> assertThat(q).contains("from-A").doesNotContain("from-B"));
      assertThat(b.approvalQuestions)
          .hasSize(1)
          .allSatisfy(q -> assertThat(q).contains("from-B").doesNotContain("from-A"));
      upstream.verify(1, postRequestedFor(urlEqualTo("/token")));
      upstream.verify(
          1,
          postRequestedFor(urlEqualTo("/token"))
              .withRequestBody(equalToJson("{\"deviceCode\": \"from-A\"}", true, true)));
    }
  }

  @Test
  void withATokenSetEveryRequestWithoutItGets401AndNothingElse() throws Exception {
    try (McpHttpJar server =
        new McpHttpJar(home, Map.of("EXECUTOR_TOOLS_MCP_TOKEN", TOKEN), "--http", "127.0.0.1:0")) {
      HttpClient http = HttpClient.newHttpClient();
      List<HttpRequest> refused = new ArrayList<>();
      for (String authorization :
          new String[] {
            null, "Bearer wrong-token-0123456789abcdef", "Basic " + TOKEN, "Bearer " + TOKEN + "x"
          }) {
        refused.add(
            request(server.endpoint, authorization, null)
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build());
        refused.add(request(server.endpoint, authorization, null).GET().build());
        refused.add(request(server.endpoint, authorization, null).DELETE().build());
      }
      refused.add(request(server.endpoint.resolve("/elsewhere"), null, null).GET().build());
      for (HttpRequest r : refused) {
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(r.toString()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .as(r.toString())
            .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
            .startsWith("Bearer");
        assertThat(response.body()).as(r.toString()).isEmpty();
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
      }
      assertThatThrownBy(() -> server.connect(null, null))
          .as("the SDK's client without the token")
          .isNotNull();

      // with the token: a page of another origin is refused, a loopback one is not
      HttpResponse<String> foreign =
          http.send(
              request(server.endpoint, "Bearer " + TOKEN, "http://evil.example")
                  .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.body()).contains("Origin not allowed").doesNotContain(TOKEN);
      HttpResponse<String> local =
          http.send(
              request(server.endpoint, "Bearer " + TOKEN, "http://localhost:5173")
                  .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(local.statusCode()).as(local.body()).isEqualTo(200);
      assertThat(local.headers().firstValue("Mcp-Session-Id")).isPresent();

      McpJarClient mcp = server.connect(TOKEN, null);
      assertThat(mcp.client.listTools().tools())
          .as("the five built-in tools and read_result")
          .hasSize(6);
    }
  }

  @Test
  void aClientWithoutAnEventStreamIsAskedOnItsCallsOwnResponse() throws Exception {
    try (McpHttpJar server = new McpHttpJar(home, upstreamEnv(), "--http", "127.0.0.1:0")) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> initialized =
          http.send(
              request(server.endpoint, null, null)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          INITIALIZE.replace(
                              "\"capabilities\":{}", "\"capabilities\":{\"elicitation\":{}}")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
      assertThat(
              send(
                      http,
                      server,
                      session,
                      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                  .statusCode())
          .isEqualTo(202);

      // no GET stream: the approval question goes first on the call's response, as an event
      String call =
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"token_createToken\","
              + "\"arguments\":"
              + Json.write(Json.MAPPER.valueToTree(createToken("raw")))
              + "}}";
      HttpResponse<java.util.stream.Stream<String>> events =
          http.send(
              request(server.endpoint, null, null)
                  .header("Mcp-Session-Id", session)
                  .POST(HttpRequest.BodyPublishers.ofString(call))
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      java.util.Iterator<String> lines =
          events.body().filter(l -> l.startsWith("data: ")).iterator();
      JsonNode question = Json.parse(lines.next().substring(6));
      assertThat(question.path("method").asString()).isEqualTo("elicitation/create");
      assertThat(question.path("params").path("message").asString()).contains("token.createToken");
      upstream.verify(0, postRequestedFor(urlEqualTo("/token")));

      String answer =
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + Json.write(question.get("id"))
              + ",\"result\":{\"action\":\"accept\",\"content\":{\"approve\":true}}}";
      assertThat(send(http, server, session, answer).statusCode()).isEqualTo(202);
      JsonNode result = Json.parse(lines.next().substring(6));
      assertThat(result.path("id").asInt()).isEqualTo(7);
      assertThat(result.path("result").path("isError").asBoolean()).as(result.toString()).isFalse();
      assertThat(result.toString()).contains("at-1");
      assertThat(lines.hasNext()).as("the response ends after its answer").isFalse();
      upstream.verify(
          1,
          postRequestedFor(urlEqualTo("/token"))
              .withRequestBody(equalToJson("{\"deviceCode\": \"raw\"}", true, true)));
    }
  }

  private static HttpResponse<String> send(
      HttpClient http, McpHttpJar server, String session, String body) throws Exception {
    return http.send(
        request(server.endpoint, null, null)
            .header("Mcp-Session-Id", session)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNonLoopbackAddressWithoutATokenIsRefusedAtStartUp() throws Exception {
    Run open = run(Map.of(), "--http", "0.0.0.0:0");
    assertThat(open.exit).isEqualTo(2);
    assertThat(open.stdout)
        .contains("\"code\" : \"invalid_usage\"")
        .contains("not a loopback address")
        .contains("--http-token-file");

    Run weak = run(Map.of("EXECUTOR_TOOLS_MCP_TOKEN", "short"), "--http", "0.0.0.0:0");
    assertThat(weak.exit).isEqualTo(2);
    assertThat(weak.stdout)
        .contains("invalid_usage")
        .contains("at least 16")
        .doesNotContain("short\"");

    Run badPort = run(Map.of(), "--http", "127.0.0.1:http");
    assertThat(badPort.exit).isEqualTo(2);
    assertThat(badPort.stdout).contains("invalid_usage").contains("[HOST:]PORT");
  }

  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  static HttpRequest.Builder request(URI uri, String authorization, String origin) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream");
    if (authorization != null) builder.header("Authorization", authorization);
    if (origin != null) builder.header("Origin", origin);
    return builder;
  }

  private record Run(int exit, String stdout) {}

  private Run run(Map<String, String> env, String... mcpArgs) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                McpJarClient.JAR.toString(),
                "--home",
                home.toString(),
                "mcp"));
    command.addAll(List.of(mcpArgs));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process process = builder.start();
    String stdout =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("still running: " + command);
    }
    return new Run(process.exitValue(), stdout);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

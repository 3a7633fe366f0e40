package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.ObjectNode;

/**
 * Header parameters that frame or route a request never come from arguments, and secrets an
 * upstream echoes back in another encoding are masked too.
 */
@Timeout(60)
class HeaderAndMaskingWireTest {
  private static final List<String> FRAMING =
      List.of(
          "Host",
          "Content-Length",
          "Transfer-Encoding",
          "Connection",
          "Upgrade",
          "TE",
          "Trailer",
          "Keep-Alive",
          "Expect",
          "Proxy-Authorization",
          "Accept",
          "Authorization");
  private static final String PASSWORD = "Sup3r-Secret-Passw0rd";
  private static final String API_KEY = "key/with+plus=and space";

  private static Upstream upstream;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  private static String framingSpec() {
    StringBuilder params = new StringBuilder();
    for (String name : FRAMING) {
      params
          .append("        - {name: ")
          .append(name)
          .append(", in: header, schema: {type: string}}\n");
    }
    params.append("        - {name: X-Trace, in: header, schema: {type: string}}\n");
    return """
        openapi: 3.0.3
        info: {title: Framing, version: "1"}
        servers: [{url: "https://api.example.com"}]
        paths:
          /items:
            get:
              operationId: listItems
              tags: [items]
              parameters:
        %s      responses: {"200": {description: ok}}
        """
        .formatted(params);
  }

  @Test
  void framingAndRoutingHeadersAreNeitherInTheSchemaNorSentFromArguments() {
    try (ToolRegistry registry = Exfiltration.registry(false)) {
      ToolResult preview =
          registry.call("openapi.previewSpec", Json.object().put("spec", framingSpec()));
      String warnings = preview.data().path("warnings").toString();
      for (String name : FRAMING) assertThat(warnings).contains(name);
      assertThat(warnings).doesNotContain("X-Trace");

      Registries.add(
          registry,
          framingSpec(),
          Json.object().put("namespace", "framing").put("baseUrl", upstream.baseUrl()));
      Tool tool = registry.tool("framing.items.listItems").orElseThrow();
      List<String> properties =
          StreamSupport.stream(
                  tool.inputSchema().path("properties").propertyNames().spliterator(), false)
              .toList();
      assertThat(properties).contains("X-Trace").doesNotContainAnyElementsOf(FRAMING);

      ObjectNode args = Json.object().put("X-Trace", "t-1");
      for (String name : FRAMING) args.put(name, "evil.example");
      ToolResult refused = registry.call("framing.items.listItems", args);
      assertThat(refused.error().code().wireName()).isEqualTo("invalid_arguments");

      assertThat(registry.call("framing.items.listItems", json("{\"X-Trace\": \"t-1\"}")).ok())
          .isTrue();
      LoggedRequest sent = upstream.onlyRequest();
      assertThat(sent.getHeader("X-Trace")).isEqualTo("t-1");
      assertThat(sent.getHeader("Host")).isEqualTo("127.0.0.1:" + upstream.port());
      assertThat(sent.containsHeader("Proxy-Authorization")).isFalse();
    }
  }

  @Test
  void secretsEchoedAsBasicCredentialsBase64OrUrlEncodedAreMasked() {
    String basic =
        Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String keyBase64 = Base64.getEncoder().encodeToString(API_KEY.getBytes(StandardCharsets.UTF_8));
    String keyUrlEncoded = URLEncoder.encode(API_KEY, StandardCharsets.UTF_8);
    upstream.stub(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Echo", "user:" + PASSWORD)
                    .withBody(
                        Json.write(
                            Json.object()
                                .put("decoded", "user:" + PASSWORD)
                                .put("password", PASSWORD)
                                .put("keyBase64", keyBase64)
                                .put("keyUrlEncoded", keyUrlEncoded)))));
    ObjectNode options = Json.object().put("namespace", "echo").put("baseUrl", upstream.baseUrl());
    options.putObject("headers").put("Authorization", "Basic " + basic).put("X-Api-Key", API_KEY);
    try (ToolRegistry registry = Exfiltration.registry(false)) {
      Registries.add(registry, Exfiltration.spec("- url: https://api.example.com"), options);
      ToolResult result = registry.call("echo.items.listItems", json("{}"));

      assertThat(result.ok()).as("%s", result).isTrue();
      String shown = result.toString();
      for (String secret : List.of(PASSWORD, basic, keyBase64, keyUrlEncoded)) {
        assertThat(shown).doesNotContain(secret);
      }
      assertThat(result.data().path("decoded").asString()).isEqualTo("***");
      assertThat(upstream.onlyRequest().getHeader("Authorization")).isEqualTo("Basic " + basic);
    }
  }
}

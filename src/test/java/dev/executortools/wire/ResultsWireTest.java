package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ErrorCode;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a call returns for what the server answers (httpbin's real operations, corpus spec 0.9.2):
 * JSON parsed, text as a string, other bytes as base64, 204 as null; non-2xx replies as {@code
 * upstream_http_error} with the status and the parsed body; no server at all as {@code
 * network_error}.
 */
class ResultsWireTest {
  private static final String SPEC = "httpbin.org__0.9.2.openapi.yaml";
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry = Registries.corpus(SPEC, "httpbin", upstream.baseUrl());
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

  private static void answer(String path, int status, String contentType, byte[] body) {
    var response = aResponse().withStatus(status).withBody(body);
    if (contentType != null) response = response.withHeader("Content-Type", contentType);
    upstream.stub(get(urlEqualTo(path)).willReturn(response));
  }

  private static void answer(String path, int status, String contentType, String body) {
    answer(path, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void notFoundWithAJsonBodyIsAnUpstreamErrorCarryingStatusAndParsedBody() {
    String body =
        "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}";
    answer("/status/404", 404, "application/json; charset=utf-8", body);

    ToolResult result =
        registry.call("httpbin.statusCodes.getStatusCodes", json("{\"codes\": \"404\"}"));

    assertThat(result.ok()).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().status()).isEqualTo(404);
    assertThat(result.error().retryable()).isFalse();
    assertThat(result.error().details().get("body")).isEqualTo(json(body));
    assertThat(result.error().message()).contains("404").contains("Not Found");
  }

  @Test
  void serverErrorWithAnHtmlPageKeepsThePageAsText() {
    answer("/status/503", 503, "text/html", "<html><body>Service Unavailable</body></html>");

    ToolResult result =
        registry.call("httpbin.statusCodes.getStatusCodes", json("{\"codes\": \"503\"}"));

    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().status()).isEqualTo(503);
    assertThat(result.error().retryable()).isTrue();
    assertThat(result.error().details().get("body").stringValue())
        .isEqualTo("<html><body>Service Unavailable</body></html>");
  }

  @Test
  void jsonBodiesOfAnyJsonTypeAreParsed() {
    answer("/json", 200, "application/vnd.api+json", "{\"slideshow\": {\"title\": \"Sample\"}}");

    ToolResult result = registry.call("httpbin.responseFormats.getJson", null);

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data()).isEqualTo(json("{\"slideshow\": {\"title\": \"Sample\"}}"));
    assertThat(result.http().status()).isEqualTo(200);
    assertThat(result.http().headers()).containsEntry("content-type", "application/vnd.api+json");
  }

  @Test
  void textBodiesAreStringsDecodedWithTheirCharset() {
    answer(
        "/robots.txt",
        200,
        "text/plain; charset=ISO-8859-1",
        "User-agent: *\nDisallow: /deny\n# café\n".getBytes(StandardCharsets.ISO_8859_1));

    ToolResult result = registry.call("httpbin.responseFormats.getRobotsTxt", null);

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data().stringValue()).isEqualTo("User-agent: *\nDisallow: /deny\n# café\n");
  }

  @Test
  void binaryBodiesAreBase64WithTheirContentType() {
    byte[] png = new byte[300];
    for (int i = 0; i < png.length; i++) png[i] = (byte) (i * 7);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
    answer("/image/png", 200, "image/png", png);

    ToolResult result = registry.call("httpbin.images.getImagePng", null);

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data().path("contentType").asString()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(result.data().path("base64").asString())).isEqualTo(png);
  }

  @Test
  void octetStreamBytesComeBackExactly() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (255 - i);
    answer("/bytes/256", 200, "application/octet-stream", bytes);

    ToolResult result = registry.call("httpbin.dynamicData.getBytesN", json("{\"n\": 256}"));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(Base64.getDecoder().decode(result.data().path("base64").asString()))
        .isEqualTo(bytes);
  }

  @Test
  void noContentIsNull() {
    upstream.stub(delete(urlEqualTo("/delete")).willReturn(aResponse().withStatus(204)));

    ToolResult result = registry.call("httpbin.httpMethods.deleteDelete", null);

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.data().isNull()).isTrue();
    assertThat(result.http().status()).isEqualTo(204);
  }

  @Test
  void aBodyOverTheLimitIsRefusedNotHandedOver() {
    byte[] big = new byte[2 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    answer("/robots.txt", 200, "text/plain", big);

    ToolResult result = registry.call("httpbin.responseFormats.getRobotsTxt", null);

    assertThat(result.ok()).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.RESPONSE_TOO_LARGE);
    assertThat(result.toString().length()).isLessThan(2_000);
  }

  @Test
  void aRefusedConnectionIsANetworkError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ToolRegistry nowhere =
        Registries.corpus(SPEC, "httpbin", "http://127.0.0.1:" + closedPort)) {
      ToolResult result = nowhere.call("httpbin.httpMethods.getGet", null);

      assertThat(result.ok()).isFalse();
      assertThat(result.error().code()).isEqualTo(ErrorCode.NETWORK_ERROR);
      assertThat(result.error().retryable()).isTrue();
      assertThat(result.error().message()).contains("127.0.0.1:" + closedPort);
    }
  }
}

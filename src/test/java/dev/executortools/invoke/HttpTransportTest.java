package dev.executortools.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ErrorCode;
import dev.executortools.HttpSettings;
import dev.executortools.ToolResult;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.internal.Json;
import dev.executortools.result.ErrorModel;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class HttpTransportTest {
  /**
   * Without gzip, so a dribbled body arrives as written (a gzipped one decodes only near its end).
   */
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
          .build();

  private static final HttpTransport transport = HttpTransport.create(HttpSettings.defaults());

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private static HttpRequestSpec getRequest(String path) {
    return new HttpRequestSpec("GET", url(path), List.of(), null, null);
  }

  private static ToolResult send(HttpTransport with, HttpRequestSpec request) {
    return with.send(request, SourceCredentials.NONE, ErrorModel.GENERIC);
  }

  @Test
  void jsonBodyIsParsedAndHeadersAreLowerCased() {
    server.stubFor(
        get(urlEqualTo("/repos/1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("X-RateLimit-Remaining", "59")
                    .withBody("{\"id\": 1, \"name\": \"executor\"}")));

    ToolResult result = send(transport, getRequest("/repos/1"));

    assertThat(result.ok()).isTrue();
    assertThat(result.data()).isEqualTo(Json.parse("{\"id\": 1, \"name\": \"executor\"}"));
    assertThat(result.http().status()).isEqualTo(200);
    assertThat(result.http().headers())
        .containsEntry("content-type", "application/json; charset=utf-8")
        .containsEntry("x-ratelimit-remaining", "59");
  }

  @Test
  void vendorJsonAndProblemJsonAreParsed() {
    server.stubFor(
        get(urlEqualTo("/vendor"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/vnd.github+json")
                    .withBody("[1, 2]")));
    server.stubFor(
        get(urlEqualTo("/problem"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"title\": \"ok\"}")));

    assertThat(send(transport, getRequest("/vendor")).data()).isEqualTo(Json.parse("[1, 2]"));
    assertThat(send(transport, getRequest("/problem")).data().get("title").stringValue())
        .isEqualTo("ok");
  }

  @Test
  void textBodyIsAString() {
    server.stubFor(
        get(urlEqualTo("/readme"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody("hello\nworld")));

    ToolResult result = send(transport, getRequest("/readme"));

    assertThat(result.data().isString()).isTrue();
    assertThat(result.data().stringValue()).isEqualTo("hello\nworld");
  }

  @Test
  void binaryBodyIsBase64WithItsContentType() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
    server.stubFor(
        get(urlEqualTo("/logo"))
            .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));

    ToolResult result = send(transport, getRequest("/logo"));

    assertThat(result.data().get("contentType").stringValue()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(result.data().get("base64").stringValue()))
        .isEqualTo(png);
  }

  @Test
  void noContentIsJsonNull() {
    server.stubFor(get(urlEqualTo("/empty")).willReturn(aResponse().withStatus(204)));

    ToolResult result = send(transport, getRequest("/empty"));

    assertThat(result.ok()).isTrue();
    assertThat(result.data().isNull()).isTrue();
    assertThat(result.http().status()).isEqualTo(204);
  }

  @Test
  void setCookieIsNotPassedToTheModel() {
    server.stubFor(
        get(urlEqualTo("/login"))
            .willReturn(
                aResponse()
                    .withHeader("Set-Cookie", "session=abc")
                    .withHeader("ETag", "\"v1\"")
                    .withBody("")));

    ToolResult result = send(transport, getRequest("/login"));

    assertThat(result.http().headers()).containsKey("etag").doesNotContainKey("set-cookie");
  }

  @Test
  void requestBodyIsSentWithItsContentType() {
    server.stubFor(post(urlEqualTo("/things")).willReturn(aResponse().withStatus(201)));
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    ToolResult result =
        send(
            transport,
            new HttpRequestSpec(
                "POST",
                url("/things"),
                List.of(new HttpHeader("X-Trace", "t1")),
                body,
                "application/json"));

    assertThat(result.ok()).isTrue();
    server.verify(
        postRequestedFor(urlEqualTo("/things"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("X-Trace", equalTo("t1"))
            .withRequestBody(equalTo("{\"a\":1}")));
  }

  @Test
  void notFoundWithJsonBodyIsAnUpstreamErrorCarryingTheBody() {
    server.stubFor(
        get(urlEqualTo("/repos/missing"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"Not Found\"}")));

    ToolResult result = send(transport, getRequest("/repos/missing"));

    assertThat(result.ok()).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().status()).isEqualTo(404);
    assertThat(result.error().retryable()).isFalse();
    assertThat(result.error().details().get("body"))
        .isEqualTo(Json.parse("{\"message\": \"Not Found\"}"));
    assertThat(result.error().message())
        .isEqualTo("HTTP 404 from GET " + url("/repos/missing") + ": Not Found");
  }

  @Test
  void serverErrorIsNotRetryableButBadGatewayIs() {
    server.stubFor(
        get(urlEqualTo("/boom")).willReturn(aResponse().withStatus(500).withBody("oops")));
    server.stubFor(post(urlEqualTo("/gateway")).willReturn(aResponse().withStatus(502)));

    ToolResult boom = send(transport, getRequest("/boom"));
    ToolResult gateway =
        send(transport, new HttpRequestSpec("POST", url("/gateway"), List.of(), null, null));

    assertThat(boom.error().status()).isEqualTo(500);
    assertThat(boom.error().retryable()).isFalse();
    assertThat(boom.error().details().get("body").stringValue()).isEqualTo("oops");
    assertThat(gateway.error().status()).isEqualTo(502);
    assertThat(gateway.error().retryable()).isTrue();
  }

  @Test
  void closedPortIsARetryableNetworkError() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    ToolResult result =
        send(
            transport,
            new HttpRequestSpec("GET", "http://127.0.0.1:" + port + "/x", List.of(), null, null));

    assertThat(result.error().code()).isEqualTo(ErrorCode.NETWORK_ERROR);
    assertThat(result.error().retryable()).isTrue();
    assertThat(result.error().message()).startsWith("Could not connect to 127.0.0.1:" + port);
  }

  @Test
  void slowServerIsATimeout() {
    server.stubFor(
        get(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(2_000).withBody("late")));
    HttpTransport impatient =
        HttpTransport.create(HttpSettings.defaults().withReadTimeout(Duration.ofMillis(200)));

    ToolResult result = send(impatient, getRequest("/slow"));

    assertThat(result.error().code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(result.error().message())
        .isEqualTo("GET " + url("/slow") + " timed out (read timeout)");
    assertThat(result.error().retryable()).isTrue();
  }

  @Test
  void bodyOverTheCapIsResponseTooLarge() {
    HttpTransport small = HttpTransport.create(HttpSettings.defaults().withMaxResponseBytes(1024));
    server.stubFor(
        get(urlEqualTo("/big"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody("x".repeat(4096))));
    server.stubFor(
        get(urlEqualTo("/fits"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody("x".repeat(1024))));

    ToolResult big = send(small, getRequest("/big"));
    ToolResult fits = send(small, getRequest("/fits"));

    assertThat(big.error().code()).isEqualTo(ErrorCode.RESPONSE_TOO_LARGE);
    assertThat(big.error().status()).isEqualTo(200);
    assertThat(big.error().details().get("limitBytes").longValue()).isEqualTo(1024);
    assertThat(fits.data().stringValue()).hasSize(1024);
  }

  /**
   * A chunked body (no length to refuse it by) of 100 KB, dribbled over ten seconds: reading stops
   * at the cap, so the call ends long before the body would, and the result keeps the status, the
   * limit and the content type, and nothing of the body.
   */
  @Test
  void streamedBodyWithoutLengthIsCutAtTheCap() {
    HttpTransport small = HttpTransport.create(HttpSettings.defaults().withMaxResponseBytes(1024));
    server.stubFor(
        get(urlEqualTo("/stream"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("[" + "1,".repeat(50_000) + "1]")
                    .withChunkedDribbleDelay(100, 10_000)));

    long started = System.nanoTime();
    ToolResult result = send(small, getRequest("/stream"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.toJson().toString())
        .isEqualTo(
            Json.write(
                Json.parse(
                    """
        {"ok": false, "error": {"code": "response_too_large",
          "message": "The response to GET %s is larger than the limit of 1024 bytes",
          "status": 200, "details": {"limitBytes": 1024, "contentType": "application/json"},
          "retryable": false}}"""
                        .formatted(url("/stream")))));
    assertThat(took).as("read up to the cap, not to the end").isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void oversizedErrorBodyKeepsTheStatusAndOmitsTheBody() {
    HttpTransport small = HttpTransport.create(HttpSettings.defaults().withMaxResponseBytes(64));
    server.stubFor(
        get(urlEqualTo("/huge-error"))
            .willReturn(aResponse().withStatus(500).withBody("e".repeat(500))));

    ToolResult result = send(small, getRequest("/huge-error"));

    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().status()).isEqualTo(500);
    assertThat(result.error().details().get("body").isNull()).isTrue();
    assertThat(result.error().details().get("bodyOmitted").stringValue())
        .isEqualTo("larger than 64 bytes");
  }

  @Test
  void headerValueWithNewlineIsRefusedWithoutQuotingIt() {
    ToolResult result =
        send(
            transport,
            new HttpRequestSpec(
                "GET",
                url("/x"),
                List.of(new HttpHeader("X-Note", "line1\r\nInjected: yes")),
                null,
                null));

    assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    assertThat(result.error().message())
        .contains("X-Note")
        .doesNotContain("line1")
        .doesNotContain("Injected");
    server.verify(0, getRequestedFor(urlEqualTo("/x")));
  }

  @Test
  void injectedClientIsUsedWithTheStack() {
    okhttp3.OkHttpClient client =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("X-Host-App", "agent").build()))
            .build();
    HttpTransport injected = HttpTransport.using(client, HttpSettings.defaults());
    server.stubFor(get(urlEqualTo("/who")).willReturn(aResponse().withBody("")));

    ToolResult result = send(injected, getRequest("/who"));

    assertThat(result.ok()).isTrue();
    server.verify(getRequestedFor(urlEqualTo("/who")).withHeader("X-Host-App", equalTo("agent")));
  }
}

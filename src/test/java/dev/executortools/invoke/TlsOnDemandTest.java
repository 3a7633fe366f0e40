package dev.executortools.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.ErrorCode;
import dev.executortools.HttpSettings;
import dev.executortools.ToolResult;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.net.NetworkPolicy;
import dev.executortools.result.ErrorModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Safe http requests go out without TLS set up, and nothing changes on the wire for it: a GET
 * redirected from http to https is followed (sent again through the TLS-capable client, which
 * reaches the https server: here its self-signed certificate is refused), a POST is sent once.
 */
@Timeout(60)
class TlsOnDemandTest {
  private static final WireMockServer plain =
      new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
  private static final WireMockServer secure =
      new WireMockServer(
          wireMockConfig().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1"));
  private static final HttpTransport transport =
      HttpTransport.create(HttpSettings.defaults(), NetworkPolicy.PRIVATE_ALLOWED);

  @BeforeAll
  static void start() {
    plain.start();
    secure.start();
  }

  @AfterAll
  static void stop() {
    plain.stop();
    secure.stop();
  }

  @BeforeEach
  void reset() {
    plain.resetAll();
    secure.resetAll();
  }

  private static ToolResult send(String method, String path) {
    byte[] body = method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
    HttpRequestSpec request =
        new HttpRequestSpec(
            method,
            "http://127.0.0.1:" + plain.port() + path,
            List.of(),
            body,
            body == null ? null : "application/json");
    return transport.send(request, SourceCredentials.NONE, ErrorModel.GENERIC);
  }

  @Test
  void aGetOverHttpIsAnsweredAndAGetRedirectedToHttpsIsFollowed() {
    plain.stubFor(
        get(urlPathEqualTo("/ok"))
            .willReturn(
                aResponse().withBody("{\"a\": 1}").withHeader("Content-Type", "application/json")));
    plain.stubFor(
        get(urlPathEqualTo("/moved"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "https://127.0.0.1:" + secure.httpsPort() + "/here")));

    assertThat(send("GET", "/ok").ok()).isTrue();
    ToolResult redirected = send("GET", "/moved");

    assertThat(redirected.ok()).isFalse();
    assertThat(redirected.error().code()).isEqualTo(ErrorCode.NETWORK_ERROR);
    assertThat(redirected.error().message())
        .as("the https hop was made")
        .contains("SSLHandshakeException");
    plain.verify(2, getRequestedFor(urlPathEqualTo("/moved")));
  }

  @Test
  void aPostIsSentOnceThroughTheClientThatCanFollowAnywhere() {
    plain.stubFor(
        post(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(201).withBody("")));

    assertThat(send("POST", "/items").ok()).isTrue();

    plain.verify(1, postRequestedFor(urlPathEqualTo("/items")));
  }
}

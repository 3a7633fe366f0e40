package dev.executortools.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.HttpSettings;
import dev.executortools.ToolResult;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.net.NetworkPolicy;
import dev.executortools.result.ErrorModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceCredentialsInterceptorTest {
  private static final String TOKEN = "ghp_s3cr3tT0ken";
  private static final String API_KEY = "k3y-with space&amp";
  private static final SourceCredentials CREDENTIALS =
      new SourceCredentials(
          List.of(new HttpHeader("Authorization", "Bearer " + TOKEN)), Map.of("api_key", API_KEY));

  private static final WireMockServer server =
      new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
  private static final WireMockServer elsewhere =
      new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
  // loopback stands in for other hosts here: redirects to it are allowed
  private static final HttpTransport transport =
      HttpTransport.create(HttpSettings.defaults(), NetworkPolicy.PRIVATE_ALLOWED);

  @BeforeAll
  static void start() {
    server.start();
    elsewhere.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    elsewhere.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    elsewhere.resetAll();
  }

  private static ToolResult send(String pathAndQuery, List<HttpHeader> headers) {
    HttpRequestSpec request =
        new HttpRequestSpec(
            "GET", "http://127.0.0.1:" + server.port() + pathAndQuery, headers, null, null);
    return transport.send(request, CREDENTIALS, ErrorModel.GENERIC);
  }

  @Test
  void headersAndQueryParamsAreAddedOnTheWire() {
    server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withBody("")));

    ToolResult result = send("/user?page=2", List.of());

    assertThat(result.ok()).isTrue();
    server.verify(
        getRequestedFor(urlPathEqualTo("/user"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("api_key", equalTo(API_KEY))
            .withQueryParam("page", equalTo("2")));
  }

  @Test
  void sourceValuesReplaceValuesOfTheSameNameFromArguments() {
    server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withBody("")));

    send("/user?api_key=from-model", List.of(new HttpHeader("Authorization", "Bearer model")));

    server.verify(
        getRequestedFor(urlPathEqualTo("/user"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("api_key", equalTo(API_KEY)));
    assertThat(
            server
                .getAllServeEvents()
                .get(0)
                .getRequest()
                .getHeaders()
                .getHeader("Authorization")
                .values())
        .hasSize(1);
  }

  @Test
  void valuesEchoedByTheServerAreMaskedInDataAndErrors() {
    server.stubFor(
        get(urlPathEqualTo("/headers"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Echo", TOKEN)
                    .withBody(
                        "{\"authorization\": \"Bearer "
                            + TOKEN
                            + "\", \"token\": \""
                            + TOKEN
                            + "\", \"key\": \""
                            + API_KEY
                            + "\"}")));
    server.stubFor(
        get(urlPathEqualTo("/denied"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"bad token " + TOKEN + "\"}")));

    ToolResult echoed = send("/headers", List.of());
    ToolResult denied = send("/denied", List.of());

    assertThat(echoed.data().get("authorization").stringValue()).isEqualTo("***");
    assertThat(echoed.data().get("token").stringValue()).isEqualTo("***");
    assertThat(echoed.data().get("key").stringValue()).isEqualTo("***");
    assertThat(echoed.http().headers()).containsEntry("x-echo", "***");
    assertThat(denied.toString()).doesNotContain(TOKEN).contains("bad token ***");
    assertThat(denied.error().message())
        .isEqualTo(
            "HTTP 401 from GET http://127.0.0.1:" + server.port() + "/denied: bad token ***");
  }

  @Test
  void credentialsAreAbsentFromNetworkErrorMessages() throws Exception {
    HttpRequestSpec request =
        new HttpRequestSpec(
            "GET",
            "http://127.0.0.1:1/x?api_key=" + API_KEY.replace(" ", "%20").replace("&", "%26"),
            List.of(),
            null,
            null);

    ToolResult result = transport.send(request, CREDENTIALS, ErrorModel.GENERIC);

    assertThat(result.ok()).isFalse();
    assertThat(result.toString())
        .doesNotContain(TOKEN)
        .doesNotContain("k3y-with%20space%26amp")
        .doesNotContain(API_KEY);
  }

  @Test
  void redirectToAnotherOriginCarriesNoCredentials() {
    String target = "http://127.0.0.1:" + elsewhere.port() + "/landing";
    server.stubFor(
        get(urlPathEqualTo("/moved"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo("/landing")).willReturn(aResponse().withBody("here")));

    ToolResult result = send("/moved", List.of());

    assertThat(result.data().stringValue()).isEqualTo("here");
    server.verify(
        getRequestedFor(urlPathEqualTo("/moved"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    elsewhere.verify(
        getRequestedFor(urlPathEqualTo("/landing"))
            .withHeader("Authorization", absent())
            .withQueryParam("api_key", absent()));
  }

  @Test
  void credentialsDoNotShowInToString() {
    assertThat(CREDENTIALS.toString())
        .isEqualTo("SourceCredentials[headers=[Authorization], queryParams=[api_key], cookies=[]]");
  }
}

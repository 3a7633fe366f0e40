package dev.executortools.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.wire.Exfiltration.API_KEY;
import static dev.executortools.wire.Exfiltration.assertCode;
import static dev.executortools.wire.Exfiltration.assertNoCredentialIn;
import static dev.executortools.wire.Exfiltration.putCredentials;
import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source's credentials go only to the origins the user approved, whatever a model passes: {@code
 * trusted} (127.0.0.1) is the source's host, {@code foreign} (127.0.0.2) the attacker's. Private
 * addresses are allowed here, so origin trust is the only thing in the way.
 */
@Timeout(60)
class CredentialRoutingWireTest {
  @RegisterExtension static final TwoOrigins ORIGINS = new TwoOrigins();

  /**
   * A source whose server is {@code http://{host}:{port}/api}, defaults pointing at
   * ORIGINS.trusted.
   */
  private static String templatedSpec() {
    return Exfiltration.spec(
        """
        - url: http://{host}:{port}/api
          variables:
            host: {default: 127.0.0.1}
            port: {default: "%d"}
        """
            .formatted(ORIGINS.trusted.port()));
  }

  private static ToolRegistry withTemplatedSource(ObjectNode extra) {
    ToolRegistry registry = Exfiltration.registry(true);
    ObjectNode args = extra.deepCopy().put("spec", templatedSpec()).put("namespace", "vars");
    putCredentials(args);
    ToolResult added = registry.call("openapi.addSource", args);
    assertThat(added.ok()).as("%s", added).isTrue();
    return registry;
  }

  @Test
  void serverVariablesInTheHostAndPortNeverTakeTheCredentialsElsewhere() {
    try (ToolRegistry registry = withTemplatedSource(Json.object())) {
      assertThat(registry.call("vars.items.listItems", json("{}")).ok()).isTrue();
      LoggedRequest own = ORIGINS.trusted.onlyRequest();
      assertThat(own.getHeader("X-Api-Key")).isEqualTo(API_KEY);

      String variables = "{\"host\": \"127.0.0.2\", \"port\": \"" + ORIGINS.foreign.port() + "\"}";
      ToolResult byVariables =
          registry.call(
              "vars.items.listItems", json("{\"server\": {\"variables\": " + variables + "}}"));
      ToolResult byTemplate =
          registry.call(
              "vars.items.listItems",
              json(
                  "{\"server\": {\"url\": \"http://{host}:{port}/api\", \"variables\": "
                      + variables
                      + "}}"));
      ToolResult byUrl =
          registry.call(
              "vars.items.listItems",
              json("{\"server\": {\"url\": \"" + ORIGINS.foreign.baseUrl() + "/api\"}}"));

      for (ToolResult refused : new ToolResult[] {byVariables, byTemplate, byUrl}) {
        assertCode(refused, "invalid_arguments");
        assertThat(refused.error().details().path("errors").get(0).path("path").asString())
            .isEqualTo("/server");
      }
      assertThat(ORIGINS.foreign.requests()).isEmpty();
    }
  }

  @Test
  void originsTheUserListsWhenAddingTheSourceReceiveTheCredentials() {
    ObjectNode extra = Json.object();
    extra.putArray("trustedOrigins").add(ORIGINS.foreign.baseUrl());
    try (ToolRegistry registry = withTemplatedSource(extra)) {
      ToolResult result =
          registry.call(
              "vars.items.listItems",
              json(
                  "{\"server\": {\"variables\": {\"host\": \"127.0.0.2\", \"port\": \""
                      + ORIGINS.foreign.port()
                      + "\"}}}"));

      assertThat(result.ok()).as("%s", result).isTrue();
      assertThat(ORIGINS.foreign.onlyRequest().getHeader("X-Api-Key")).isEqualTo(API_KEY);
      assertThat(ORIGINS.trusted.requests()).isEmpty();
    }
  }

  @Test
  void aListedOriginMustBeAnOrigin() {
    ToolRegistry registry = Exfiltration.registry(true);
    ObjectNode args = Json.object().put("spec", templatedSpec()).put("namespace", "vars");
    args.putArray("trustedOrigins").add("http://{host}:8080");
    assertCode(registry.call("openapi.addSource", args), "invalid_arguments");
    registry.close();
  }

  /**
   * Spec-fetch arguments: every kind of credential, for a URL on trusted that redirects to
   * ORIGINS.foreign.
   */
  private static ObjectNode fetchArgs(String path) {
    ObjectNode args = Json.object().put("spec", ORIGINS.trusted.baseUrl() + path);
    putCredentials(args.putObject("specFetchCredentials"));
    return args;
  }

  private static void redirectToForeign() {
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/spec.yaml"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", ORIGINS.foreign.baseUrl() + "/moved/spec.yaml")));
    ORIGINS.foreign.stub(
        get(urlPathEqualTo("/moved/spec.yaml")).willReturn(aResponse().withBody(templatedSpec())));
  }

  @Test
  void specFetchCredentialsStayBehindWhenPreviewAddAndRefreshAreRedirectedElsewhere() {
    redirectToForeign();
    try (ToolRegistry registry = Exfiltration.registry(true)) {
      ToolResult preview = registry.call("openapi.previewSpec", fetchArgs("/spec.yaml"));
      ToolResult added =
          registry.call("openapi.addSource", fetchArgs("/spec.yaml").put("namespace", "moved"));
      ToolResult refreshed = registry.refreshSource("moved");

      assertThat(preview.ok()).as("%s", preview).isTrue();
      assertThat(added.ok()).as("%s", added).isTrue();
      assertThat(refreshed.ok()).as("%s", refreshed).isTrue();
      assertThat(ORIGINS.foreign.requests()).hasSize(3);
      assertNoCredentialIn(ORIGINS.foreign.requests());
      for (LoggedRequest own : ORIGINS.trusted.requests()) { // the first hop did get them
        assertThat(own.getHeader("X-Api-Key")).isEqualTo(API_KEY);
        assertThat(own.getHeader("Cookie")).isEqualTo(Exfiltration.COOKIE);
      }
      assertThat(ORIGINS.trusted.requests()).hasSize(3);
    }
  }

  @Test
  void aRedirectOnTheSameOriginKeepsTheSpecFetchCredentials() {
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/old.yaml"))
            .willReturn(aResponse().withStatus(301).withHeader("Location", "/spec.yaml")));
    ORIGINS.trusted.stub(
        get(urlPathEqualTo("/spec.yaml")).willReturn(aResponse().withBody(templatedSpec())));
    try (ToolRegistry registry = Exfiltration.registry(true)) {
      assertThat(registry.call("openapi.previewSpec", fetchArgs("/old.yaml")).ok()).isTrue();
      assertThat(ORIGINS.trusted.requests())
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.getHeader("X-Api-Key")).isEqualTo(API_KEY));
    }
  }

  @Test
  void aRedirectFromHttpsDownToHttpIsRefused() throws Exception {
    WireMockServer secure =
        new WireMockServer(
            wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
    secure.start();
    try (ToolRegistry registry =
        ToolRegistry.builder()
            .approvals(ApprovalHandler.APPROVE_ALL)
            .environment(Map.of())
            .allowPrivateNetwork(true)
            .httpClient(trustingWireMocksCertificate())
            .build()) {
      secure.stubFor(
          get(urlPathEqualTo("/spec.yaml"))
              .willReturn(
                  aResponse()
                      .withStatus(302)
                      .withHeader("Location", ORIGINS.foreign.baseUrl() + "/spec.yaml")));
      ObjectNode args =
          Json.object().put("spec", "https://127.0.0.1:" + secure.httpsPort() + "/spec.yaml");
      putCredentials(args.putObject("specFetchCredentials"));

      ToolResult result = registry.call("openapi.previewSpec", args);

      assertCode(result, "openapi_fetch_failed");
      assertThat(result.error().message()).contains("https to http");
      assertThat(secure.getAllServeEvents()).hasSize(1);
      assertThat(ORIGINS.foreign.requests()).isEmpty();
    } finally {
      secure.stop();
    }
  }

  /** A client that accepts WireMock's self-signed certificate (test only). */
  private static OkHttpClient trustingWireMocksCertificate() throws Exception {
    X509TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustAll}, null);
    return new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), trustAll)
        .hostnameVerifier((host, session) -> true)
        .build();
  }
}

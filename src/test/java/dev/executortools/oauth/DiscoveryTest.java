package dev.executortools.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery of a real authorization server (mock-oauth2-server) in each form, and of hostile
 * metadata served by MockWebServer.
 */
class DiscoveryTest {
  private final MockAuthorizationServer server = new MockAuthorizationServer();
  private final MockWebServer hostile = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private final Discovery discovery = new Discovery(MockAuthorizationServer.http());

  @AfterEach
  void stop() {
    server.close();
    hostile.close();
    elsewhere.close();
  }

  @Test
  void readsAnOpenIdConnectDiscoveryUrl() throws Exception {
    OAuthEndpoints endpoints =
        discovery.discover(
            server.server.wellKnownUrl(MockAuthorizationServer.ISSUER_ID).toString());

    assertThat(endpoints).isEqualTo(server.endpoints());
  }

  @Test
  void readsAnRfc8414MetadataUrl() throws Exception {
    OAuthEndpoints endpoints =
        discovery.discover(
            server
                .server
                .oauth2AuthorizationServerMetadataUrl(MockAuthorizationServer.ISSUER_ID)
                .toString());

    assertThat(endpoints).isEqualTo(server.endpoints());
  }

  @Test
  void findsTheMetadataOfAnIssuer() throws Exception {
    OAuthEndpoints endpoints = discovery.discover(server.issuer());

    assertThat(endpoints).isEqualTo(server.endpoints());
    assertThat(endpoints.deviceAuthorizationUrl()).isNull();
  }

  @Test
  void triesRfc8414BeforeOpenIdConnectForAnIssuer() throws Exception {
    hostile.start();
    String issuer = hostile.url("/tenant").toString();
    hostile.enqueue(new MockResponse.Builder().code(404).build());
    hostile.enqueue(new MockResponse.Builder().code(404).build());
    hostile.enqueue(json(metadata(issuer, hostile.url("/tenant/token").toString())));

    OAuthEndpoints endpoints = discovery.discover(issuer);

    assertThat(endpoints.tokenUrl()).isEqualTo(hostile.url("/tenant/token").toString());
    assertThat(hostile.takeRequest().getTarget())
        .isEqualTo("/.well-known/oauth-authorization-server/tenant");
    assertThat(hostile.takeRequest().getTarget())
        .isEqualTo("/tenant/.well-known/oauth-authorization-server");
    assertThat(hostile.takeRequest().getTarget())
        .isEqualTo("/tenant/.well-known/openid-configuration");
  }

  @Test
  void refusesMetadataWhoseTokenEndpointIsOnAnotherOrigin() throws Exception {
    hostile.start();
    elsewhere.start();
    String issuer = hostile.url("/").toString().replaceAll("/$", "");
    String stolen = elsewhere.url("/token").toString();
    hostile.enqueue(json(metadata(issuer, stolen)));

    assertThatThrownBy(() -> discovery.discover(issuer))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.REFUSED))
        .hasMessageContaining("token endpoint on http://localhost:" + elsewhere.getPort())
        .hasMessageContaining("not on the issuer's origin");
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void acceptsAnotherOriginTheCallerAllows() throws Exception {
    hostile.start();
    elsewhere.start();
    String issuer = hostile.url("/").toString().replaceAll("/$", "");
    String token = elsewhere.url("/token").toString();
    hostile.enqueue(json(metadata(issuer, token)));

    OAuthEndpoints endpoints =
        discovery.discover(
            issuer + "/.well-known/openid-configuration",
            Set.of("http://localhost:" + elsewhere.getPort()));

    assertThat(endpoints.tokenUrl()).isEqualTo(token);
  }

  @Test
  void refusesMetadataNamingAnotherIssuer() throws Exception {
    hostile.start();
    String url = hostile.url("/.well-known/openid-configuration").toString();
    hostile.enqueue(json(metadata("https://login.example.com", "https://login.example.com/token")));

    assertThatThrownBy(() -> discovery.discover(url))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.REFUSED))
        .hasMessageContaining("names the issuer https://login.example.com, not http://localhost:");
  }

  @Test
  void refusesARedirectOfTheMetadata() throws Exception {
    hostile.start();
    elsewhere.start();
    hostile.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", elsewhere.url("/.well-known/openid-configuration"))
            .build());

    assertThatThrownBy(
            () -> discovery.discover(hostile.url("/.well-known/openid-configuration").toString()))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.REFUSED))
        .hasMessageContaining("redirected to http://localhost:" + elsewhere.getPort())
        .hasMessageContaining("not followed");
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void malformedMetadataIsAProtocolError() throws Exception {
    hostile.start();
    hostile.enqueue(json("{\"issuer\": \"http://localhost\", "));

    assertThatThrownBy(
            () -> discovery.discover(hostile.url("/.well-known/openid-configuration").toString()))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.PROTOCOL))
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void saysWhereItLookedWhenNoMetadataIsFound() throws Exception {
    hostile.start();
    for (int i = 0; i < 3; i++) hostile.enqueue(new MockResponse.Builder().code(404).build());
    String issuer = hostile.url("/t").toString();

    assertThatThrownBy(() -> discovery.discover(issuer))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.PROTOCOL))
        .hasMessage(
            "no server metadata for "
                + issuer
                + " at "
                + String.join(
                    ", ",
                    issuer.replace("/t", "")
                        + "/.well-known/oauth-authorization-server/t (HTTP 404)",
                    issuer + "/.well-known/oauth-authorization-server (HTTP 404)",
                    issuer + "/.well-known/openid-configuration (HTTP 404)"));
  }

  @Test
  void refusesAPlainHttpServerOffLoopback() {
    assertThatThrownBy(() -> discovery.discover("http://login.example.com"))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.kind()).isEqualTo(OAuthException.Kind.REFUSED))
        .hasMessageContaining("is not https");
  }

  static String metadata(String issuer, String tokenUrl) {
    return "{\"issuer\": \""
        + issuer
        + "\", \"token_endpoint\": \""
        + tokenUrl
        + "\", \"response_types_supported\": [\"code\"]}";
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .headers(Headers.of("Content-Type", "application/json"))
        .body(body)
        .build();
  }
}

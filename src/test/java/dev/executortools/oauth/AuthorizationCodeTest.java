package dev.executortools.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization code grant with PKCE through the loopback redirect, then refresh and
 * revocation, against a real authorization server (mock-oauth2-server); the test's browser follows
 * the authorization URL with OkHttp.
 */
class AuthorizationCodeTest {
  private final MockAuthorizationServer server = new MockAuthorizationServer();
  private final OAuthClient client =
      new OAuthClient(MockAuthorizationServer.http(), Clock.systemUTC());
  private final Browser browser = new Browser();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signsInWithPkceThroughTheLoopbackRedirect() throws Exception {
    TokenSet tokens =
        client.authorizationCode(
            server.client(null, "openid", "profile"), browser, Duration.ofSeconds(5));

    assertThat(tokens.accessToken()).isNotBlank();
    assertThat(tokens.refreshToken()).isNotBlank();
    assertThat(tokens.scopes()).containsExactly("openid", "profile");
    HttpUrl authorize = HttpUrl.get(browser.opened.get(0));
    assertThat(authorize.encodedPath()).isEqualTo("/default/authorize");
    assertThat(authorize.queryParameter("response_type")).isEqualTo("code");
    assertThat(authorize.queryParameter("client_id")).isEqualTo("my-client");
    assertThat(authorize.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(authorize.queryParameter("code_challenge")).hasSize(43);
    assertThat(authorize.queryParameter("state")).isNotBlank();
    HttpUrl redirect = HttpUrl.get(authorize.queryParameter("redirect_uri"));
    assertThat(redirect.host()).isEqualTo("127.0.0.1");
    assertThat(redirect.encodedPath()).isEqualTo("/callback");
    assertThat(browser.lastStatus).isEqualTo(200);
    assertThat(browser.lastPage).contains("Signed in");

    assertThat(server.take().getPath()).startsWith("/default/authorize");
    RecordedRequest exchange = server.take();
    assertThat(exchange.getPath()).isEqualTo("/default/token");
    String form = exchange.getBody().readUtf8();
    assertThat(form)
        .contains("grant_type=authorization_code")
        .contains("code_verifier=")
        .contains("client_id=my-client")
        .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A" + redirect.port() + "%2Fcallback");
    String verifier = HttpUrl.get("http://x/?" + form).queryParameter("code_verifier");
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
        .isEqualTo(authorize.queryParameter("code_challenge"));
  }

  @Test
  void theReceiverIsClosedAfterTheSignIn() throws Exception {
    client.authorizationCode(server.client(null, "openid"), browser, Duration.ofSeconds(5));
    HttpUrl redirect =
        HttpUrl.get(HttpUrl.get(browser.opened.get(0)).queryParameter("redirect_uri"));

    assertThatThrownBy(() -> browser.visit(redirect.toString()))
        .hasRootCauseInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void aConfidentialClientExchangesTheCodeWithHttpBasic() throws Exception {
    client.authorizationCode(server.client("s3cret", "openid"), browser, Duration.ofSeconds(5));

    server.take();
    RecordedRequest exchange = server.take();
    assertThat(exchange.getHeader("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("my-client:s3cret".getBytes()));
    assertThat(HttpUrl.get(browser.opened.get(0)).toString()).doesNotContain("s3cret");
  }

  @Test
  void refreshesKeepingTheRefreshTokenAndRevokes() throws Exception {
    OAuthClientConfig config = server.client("s3cret", "openid", "offline_access");
    TokenSet first = client.authorizationCode(config, browser, Duration.ofSeconds(5));

    TokenSet refreshed = client.refresh(config, first.refreshToken());

    assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
    assertThat(refreshed.refreshToken()).isNotBlank();
    server.take();
    server.take();
    RecordedRequest refresh = server.take();
    assertThat(refresh.getBody().readUtf8())
        .contains("grant_type=refresh_token")
        .contains("refresh_token=");

    client.revoke(config, refreshed);
    RecordedRequest revokeRefresh = server.take();
    assertThat(revokeRefresh.getPath()).isEqualTo("/default/revoke");
    assertThat(revokeRefresh.getBody().readUtf8()).contains("token_type_hint=refresh_token");
    assertThat(server.take().getBody().readUtf8()).contains("token_type_hint=access_token");
  }
}

package dev.executortools.oauth;

import java.time.Duration;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OAuth 2.0 / OpenID Connect authorization server on loopback (NAV's mock-oauth2-server):
 * metadata of both forms, authorization code with PKCE (answered at once with a redirect, no login
 * page), client credentials, refresh and revocation. Its issuer here is {@code
 * http://localhost:<port>/default}.
 */
final class MockAuthorizationServer implements AutoCloseable {
  static final String ISSUER_ID = "default";

  final MockOAuth2Server server = new MockOAuth2Server();

  MockAuthorizationServer() {
    server.start();
  }

  String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  OAuthEndpoints endpoints() {
    return new OAuthEndpoints(
        issuer(),
        server.authorizationEndpointUrl(ISSUER_ID).toString(),
        server.tokenEndpointUrl(ISSUER_ID).toString(),
        null,
        server.revocationEndpointUrl(ISSUER_ID).toString());
  }

  OAuthClientConfig client(String secret, String... scopes) {
    return new OAuthClientConfig("my-client", secret, List.of(scopes), endpoints());
  }

  /** The next request the server received (after the ones already taken). */
  RecordedRequest take() {
    return server.takeRequest(2, java.util.concurrent.TimeUnit.SECONDS);
  }

  static OkHttpClient http() {
    return new OkHttpClient.Builder()
        .callTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}

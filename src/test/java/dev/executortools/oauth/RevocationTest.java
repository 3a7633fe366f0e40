package dev.executortools.oauth;

import static dev.executortools.oauth.DiscoveryTest.json;
import static dev.executortools.oauth.HostileTokenEndpointTest.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revocation (RFC 7009) where the server's answers are chosen (MockWebServer). */
class RevocationTest {
  private final MockWebServer server = new MockWebServer();
  private final MockWebServer other = new MockWebServer();
  private final OAuthClient client =
      new OAuthClient(MockAuthorizationServer.http(), Clock.systemUTC());
  private final TokenSet tokens = new TokenSet("at-1", "rt-1", "Bearer", null, List.of());

  @BeforeEach
  void start() throws Exception {
    server.start();
    other.start();
  }

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  private OAuthClientConfig config(MockWebServer revocation) {
    return new OAuthClientConfig(
        "my-client",
        "s3cret",
        List.of(),
        new OAuthEndpoints(
            null,
            null,
            server.url("/token").toString(),
            null,
            revocation.url("/revoke").toString()));
  }

  @Test
  void revokesTheRefreshTokenThenTheAccessToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    client.revoke(config(server), tokens);

    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(first.getBody().utf8())
        .contains("token=rt-1")
        .contains("token_type_hint=refresh_token");
    assertThat(server.takeRequest().getBody().utf8())
        .contains("token=at-1")
        .contains("token_type_hint=access_token");
  }

  @Test
  void aRevocationEndpointOnAnotherOriginGetsNoSecret() throws Exception {
    other.enqueue(new MockResponse.Builder().code(200).build());
    other.enqueue(new MockResponse.Builder().code(200).build());

    client.revoke(config(other), tokens);

    RecordedRequest first = other.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).isNull();
    assertThat(first.getBody().utf8()).contains("client_id=my-client").doesNotContain("s3cret");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aServerThatCannotRevokeAccessTokensIsNoFailure() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .headers(Headers.of("Content-Type", "application/json"))
            .body("{\"error\": \"unsupported_token_type\"}")
            .build());

    client.revoke(config(server), tokens);

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void withoutARevocationEndpointNothingIsSent() throws Exception {
    client.revoke(
        config(server).withEndpoints(new OAuthEndpoints(null, null, null, null, null)), tokens);

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFailedRevocationSaysSoWithoutTheTokens() {
    server.enqueue(json("{\"error\": \"invalid_client\", \"error_description\": \"rt-1?\"}"));
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .headers(Headers.of("Content-Type", "application/json"))
            .body("{\"error\": \"invalid_client\", \"error_description\": \"rt-1 at-1?\"}")
            .build());

    thrown(() -> client.revoke(config(server), tokens), Kind.SERVER_ERROR)
        .withMessageContaining("the revocation endpoint http://localhost:")
        .withMessageContaining("answered invalid_client: <redacted> <redacted>?");
  }
}

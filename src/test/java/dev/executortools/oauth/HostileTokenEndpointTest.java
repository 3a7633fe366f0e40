package dev.executortools.oauth;

import static dev.executortools.oauth.DiscoveryTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token endpoint that misbehaves (MockWebServer): each answer is refused or reported with a clear
 * message, and the client secret goes nowhere new.
 */
class HostileTokenEndpointTest {
  private final MockWebServer token = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private final OAuthClient client =
      new OAuthClient(MockAuthorizationServer.http(), Clock.systemUTC());
  private OAuthClientConfig config;

  @BeforeEach
  void start() throws Exception {
    token.start();
    elsewhere.start();
    config =
        new OAuthClientConfig(
            "my-client",
            "s3cret",
            List.of("read"),
            new OAuthEndpoints(null, null, token.url("/token").toString(), null, null));
  }

  @AfterEach
  void stop() {
    token.close();
    elsewhere.close();
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowedAndNothingReachesIt() throws Exception {
    token.enqueue(
        new MockResponse.Builder()
            .code(307)
            .addHeader("Location", elsewhere.url("/steal"))
            .build());

    refused(() -> client.clientCredentials(config))
        .withMessage(
            "the token endpoint "
                + origin(token)
                + "/token redirected to "
                + origin(elsewhere)
                + "; not followed");
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(token.getRequestCount()).isOne();
  }

  @Test
  void aHugeAnswerIsRefusedWithoutReadingItAll() {
    // chunked, so no length says so first: 8 MiB at 64 KiB per 50 ms would take over 6 s to
    // read, and the client stops after 64 KiB
    token.enqueue(
        new MockResponse.Builder()
            .headers(Headers.of("Content-Type", "application/json"))
            .chunkedBody("{\"access_token\": \"" + "a".repeat(8 * 1024 * 1024) + "\"}", 16 * 1024)
            .throttleBody(64 * 1024, 50, TimeUnit.MILLISECONDS)
            .build());
    long start = System.nanoTime();

    refused(() -> client.clientCredentials(config))
        .withMessageContaining("the token endpoint " + origin(token) + "/token answered")
        .withMessageContaining("larger than 65,536 bytes; not read");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
  }

  @Test
  void aDeclaredHugeLengthIsRefusedBeforeReading() {
    token.enqueue(
        new MockResponse.Builder()
            .headers(Headers.of("Content-Type", "application/json"))
            .body("{\"access_token\": \"" + "a".repeat(200_000) + "\"}")
            .build());

    refused(() -> client.clientCredentials(config)).withMessageContaining("larger than");
  }

  @Test
  void malformedJsonIsAProtocolErrorThatQuotesNothing() {
    token.enqueue(json("{\"access_token\": \"leaked-token\", \"token_type\": "));

    thrown(() -> client.clientCredentials(config), Kind.PROTOCOL)
        .withMessage(
            "the token endpoint "
                + origin(token)
                + "/token answered HTTP 200 with malformed JSON (not an object)");
  }

  @Test
  void anAnswerWithoutAccessTokenIsAProtocolError() {
    token.enqueue(json("{\"token_type\": \"Bearer\"}"));

    thrown(() -> client.clientCredentials(config), Kind.PROTOCOL)
        .withMessageContaining("with no token response")
        .withMessageContaining("access_token");
  }

  @Test
  void anHtmlErrorPageIsAProtocolError() {
    token.enqueue(
        new MockResponse.Builder()
            .code(502)
            .headers(Headers.of("Content-Type", "text/html"))
            .body("<html>bad gateway</html>")
            .build());

    thrown(() -> client.clientCredentials(config), Kind.PROTOCOL)
        .withMessage(
            "the token endpoint "
                + origin(token)
                + "/token answered HTTP 502 with text/html, not JSON");
  }

  @Test
  void invalidGrantOnRefreshIsInvalidGrantWithTheSecretsRedacted() {
    token.enqueue(
        new MockResponse.Builder()
            .code(400)
            .headers(Headers.of("Content-Type", "application/json"))
            .body(
                "{\"error\": \"invalid_grant\", \"error_description\": \"token rt-123 of"
                    + " my-client:s3cret was revoked\"}")
            .build());

    thrown(() -> client.refresh(config, "rt-123"), Kind.INVALID_GRANT)
        .withMessage(
            "the token endpoint "
                + origin(token)
                + "/token answered invalid_grant: token <redacted> of my-client:<redacted> was"
                + " revoked")
        .satisfies(e -> assertThat(e.oauthError()).isEqualTo("invalid_grant"));
  }

  @Test
  void invalidClientIsAServerError() {
    token.enqueue(
        new MockResponse.Builder()
            .code(401)
            .headers(Headers.of("Content-Type", "application/json"))
            .body("{\"error\": \"invalid_client\"}")
            .build());

    thrown(() -> client.clientCredentials(config), Kind.SERVER_ERROR)
        .withMessageEndingWith("/token answered invalid_client")
        .satisfies(e -> assertThat(e.oauthError()).isEqualTo("invalid_client"));
  }

  @Test
  void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() throws Exception {
    token.enqueue(
        json("{\"access_token\": \"at-2\", \"token_type\": \"Bearer\", \"expires_in\": 60}"));

    TokenSet tokens = client.refresh(config, "rt-1");

    assertThat(tokens.accessToken()).isEqualTo("at-2");
    assertThat(tokens.refreshToken()).isEqualTo("rt-1");
    assertThat(tokens.scopes()).containsExactly("read");
    String form = token.takeRequest().getBody().utf8();
    assertThat(form).contains("grant_type=refresh_token").contains("refresh_token=rt-1");
    assertThat(form).doesNotContain("scope=");
  }

  @Test
  void aGrantIsNotSentTwiceWhenTheConnectionDropsAfterIt() throws Exception {
    token.enqueue(json("{\"access_token\": \"at-1\", \"token_type\": \"Bearer\"}"));
    token.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    token.enqueue(json("{\"access_token\": \"at-2\", \"token_type\": \"Bearer\"}"));
    client.clientCredentials(config);

    thrown(() -> client.refresh(config, "rt-rotating"), Kind.NETWORK)
        .withMessageContaining("could not be reached");
    assertThat(token.getRequestCount()).as("no silent retry of a used grant").isEqualTo(2);
  }

  @Test
  void aNonHttpsTokenEndpointOffLoopbackIsRefusedBeforeAnythingIsSent() {
    OAuthClientConfig plain =
        config.withEndpoints(
            new OAuthEndpoints(null, null, "http://login.example.com/token", null, null));

    refused(() -> client.clientCredentials(plain))
        .withMessage(
            "the token endpoint http://login.example.com/token is not https (plain http only on"
                + " loopback)");
  }

  @Test
  void anUnreachableServerIsANetworkError() {
    int port = elsewhere.getPort();
    elsewhere.close();
    OAuthClientConfig gone =
        config.withEndpoints(
            new OAuthEndpoints(null, null, "http://127.0.0.1:" + port + "/token", null, null));

    thrown(() -> client.clientCredentials(gone), Kind.NETWORK)
        .withMessageStartingWith(
            "the token endpoint http://127.0.0.1:" + port + "/token could not be reached");
  }

  static String origin(MockWebServer server) {
    return "http://localhost:" + server.getPort();
  }

  static ThrowableAssertAlternative<OAuthException> refused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return thrown(call, Kind.REFUSED);
  }

  static ThrowableAssertAlternative<OAuthException> thrown(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind) {
    return org.assertj.core.api.Assertions.assertThatExceptionOfType(OAuthException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.kind()).isEqualTo(kind));
  }
}

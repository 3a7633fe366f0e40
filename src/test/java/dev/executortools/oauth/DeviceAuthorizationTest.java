package dev.executortools.oauth;

import static dev.executortools.oauth.DiscoveryTest.json;
import static dev.executortools.oauth.HostileTokenEndpointTest.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device authorization grant (RFC 8628). mock-oauth2-server 2.1.10 has no device endpoint, so
 * MockWebServer plays the server, answer by answer; the sleeper records the waits instead of
 * waiting.
 */
class DeviceAuthorizationTest {
  private final MockWebServer server = new MockWebServer();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private final OAuthClient client = new OAuthClient(MockAuthorizationServer.http(), clock);
  private final List<Duration> waits = new ArrayList<>();
  private final Sleeper sleeper = waits::add;
  private final List<String> shown = new ArrayList<>();
  private final LoginPrompt prompt =
      new LoginPrompt() {
        @Override
        public void openAuthorizationUrl(String url) {
          throw new AssertionError("no browser in the device flow");
        }

        @Override
        public void showUserCode(
            String verificationUri, String userCode, @Nullable String verificationUriComplete) {
          shown.add(verificationUri + " " + userCode + " " + verificationUriComplete);
        }
      };
  private OAuthClientConfig config;

  @BeforeEach
  void start() throws Exception {
    server.start();
    config =
        new OAuthClientConfig(
            "my-client",
            "s3cret",
            List.of("read"),
            new OAuthEndpoints(
                null,
                null,
                server.url("/token").toString(),
                server.url("/device").toString(),
                null));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pollsThroughPendingAndSlowDownUntilTokens() throws Exception {
    server.enqueue(device(600, 3));
    server.enqueue(error(400, "authorization_pending"));
    server.enqueue(error(400, "slow_down"));
    server.enqueue(error(400, "authorization_pending"));
    server.enqueue(
        json(
            "{\"access_token\": \"at\", \"refresh_token\": \"rt\", \"token_type\": \"Bearer\","
                + " \"expires_in\": 3600, \"scope\": \"read\"}"));

    TokenSet tokens = client.deviceAuthorization(config, prompt, sleeper);

    assertThat(tokens)
        .isEqualTo(
            new TokenSet("at", "rt", "Bearer", clock.instant().plusSeconds(3600), List.of("read")));
    assertThat(shown)
        .containsExactly(
            "https://login.example.com/device WDJB-MJHT https://login.example.com/device?user_code=WDJB-MJHT");
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8));
    RecordedRequest start = server.takeRequest();
    assertThat(start.getUrl().encodedPath()).isEqualTo("/device");
    assertThat(start.getHeaders().get("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("my-client:s3cret".getBytes()));
    assertThat(start.getBody().utf8()).contains("scope=read");
    RecordedRequest poll = server.takeRequest();
    assertThat(poll.getUrl().encodedPath()).isEqualTo("/token");
    assertThat(poll.getBody().utf8())
        .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code")
        .contains("device_code=dev-code-1");
  }

  @Test
  void anExpiredCodeEndsTheFlow() {
    server.enqueue(device(600, 5));
    server.enqueue(error(400, "authorization_pending"));
    server.enqueue(error(400, "expired_token"));

    thrown(() -> client.deviceAuthorization(config, prompt, sleeper), Kind.TIMEOUT)
        .withMessageContaining("the device code expired")
        .satisfies(e -> assertThat(e.oauthError()).isEqualTo("expired_token"));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aDeclinedSignInIsAccessDenied() {
    server.enqueue(device(600, 5));
    server.enqueue(error(400, "access_denied"));

    thrown(() -> client.deviceAuthorization(config, prompt, sleeper), Kind.ACCESS_DENIED)
        .withMessageContaining("/token answered access_denied")
        .withMessageNotContaining("dev-code-1");
  }

  @Test
  void pollingStopsWhenTheCodesLifetimeHasPassed() {
    server.enqueue(device(10, 5));
    server.enqueue(error(400, "authorization_pending"));
    server.enqueue(error(400, "authorization_pending"));
    server.enqueue(error(400, "authorization_pending"));

    thrown(() -> client.deviceAuthorization(config, prompt, sleeper), Kind.TIMEOUT)
        .withMessageContaining("the device code expired");
    assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void theSecretStaysOffADeviceEndpointOnAnotherOrigin() throws Exception {
    MockWebServer device = new MockWebServer();
    device.start();
    try {
      OAuthClientConfig split =
          config.withEndpoints(
              new OAuthEndpoints(
                  null,
                  null,
                  server.url("/token").toString(),
                  device.url("/device").toString(),
                  null));
      device.enqueue(device(600, 5));
      server.enqueue(json("{\"access_token\": \"at\", \"token_type\": \"Bearer\"}"));

      client.deviceAuthorization(split, prompt, sleeper);

      RecordedRequest start = device.takeRequest();
      assertThat(start.getHeaders().get("Authorization")).isNull();
      assertThat(start.getBody().utf8()).contains("client_id=my-client").doesNotContain("s3cret");
      assertThat(server.takeRequest().getHeaders().get("Authorization")).startsWith("Basic ");
    } finally {
      device.close();
    }
  }

  private static MockResponse device(int expiresIn, int interval) {
    return json(
        "{\"device_code\": \"dev-code-1\", \"user_code\": \"WDJB-MJHT\", \"verification_uri\":"
            + " \"https://login.example.com/device\", \"verification_uri_complete\":"
            + " \"https://login.example.com/device?user_code=WDJB-MJHT\", \"expires_in\": "
            + expiresIn
            + ", \"interval\": "
            + interval
            + "}");
  }

  private static MockResponse error(int status, String code) {
    return new MockResponse.Builder()
        .code(status)
        .headers(Headers.of("Content-Type", "application/json"))
        .body("{\"error\": \"" + code + "\"}")
        .build();
  }
}

package dev.executortools.oauth;

import static dev.executortools.oauth.DiscoveryTest.json;
import static dev.executortools.oauth.HostileTokenEndpointTest.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loopback redirect receiver as a browser meets it: one callback taken, everything else a 404,
 * {@code state} checked before any code is exchanged, a timeout. The token endpoint is a
 * MockWebServer, so what reaches it is counted.
 */
class LoopbackRedirectTest {
  private final MockWebServer token = new MockWebServer();
  private final OAuthClient client =
      new OAuthClient(MockAuthorizationServer.http(), Clock.systemUTC());
  private final Browser browser = new Browser();
  private OAuthClientConfig config;

  @BeforeEach
  void start() throws Exception {
    token.start();
    config =
        new OAuthClientConfig(
            "my-client",
            null,
            List.of("read"),
            new OAuthEndpoints(
                null,
                "https://login.example.com/authorize",
                token.url("/token").toString(),
                null,
                null));
  }

  @AfterEach
  void stop() {
    token.close();
  }

  @Test
  void takesOneCallbackAndAnswersEverythingElseWithA404() throws Exception {
    token.enqueue(json("{\"access_token\": \"at\", \"token_type\": \"Bearer\"}"));
    List<Integer> statuses = new ArrayList<>();

    TokenSet tokens =
        client.authorizationCode(
            config,
            prompt(
                url -> {
                  HttpUrl redirect = redirect(url);
                  browser.visit(redirect.resolve("/favicon.ico").toString());
                  statuses.add(browser.lastStatus);
                  String callback = callback(url, "the-code", state(url));
                  browser.visit(callback);
                  statuses.add(browser.lastStatus);
                  browser.visit(callback);
                  statuses.add(browser.lastStatus);
                }),
            Duration.ofSeconds(5));

    assertThat(tokens.accessToken()).isEqualTo("at");
    assertThat(statuses).containsExactly(404, 200, 404);
    assertThat(token.getRequestCount()).isOne();
    assertThat(token.takeRequest().getBody().utf8()).contains("code=the-code");
  }

  @Test
  void aStateMismatchIsRefusedAndNoCodeIsExchanged() {
    thrown(
            () ->
                client.authorizationCode(
                    config,
                    prompt(url -> browser.visit(callback(url, "the-code", "forged"))),
                    Duration.ofSeconds(5)),
            Kind.REFUSED)
        .withMessageContaining("another state than the authorization endpoint")
        .withMessageContaining("no code was exchanged")
        .withMessageNotContaining("the-code");
    assertThat(browser.lastStatus).isEqualTo(400);
    assertThat(browser.lastPage).contains("Sign-in refused");
    assertThat(token.getRequestCount()).isZero();
  }

  @Test
  void aRedirectFromAnotherIssuerIsRefused() {
    OAuthClientConfig withIssuer =
        config.withEndpoints(
            new OAuthEndpoints(
                "https://login.example.com",
                config.endpoints().authorizationUrl(),
                config.endpoints().tokenUrl(),
                null,
                null));

    thrown(
            () ->
                client.authorizationCode(
                    withIssuer,
                    prompt(
                        url ->
                            browser.visit(
                                callback(url, "the-code", state(url))
                                    + "&iss=https://evil.example")),
                    Duration.ofSeconds(5)),
            Kind.REFUSED)
        .withMessageContaining("another issuer than https://login.example.com");
    assertThat(browser.lastPage).contains("Sign-in refused");
    assertThat(token.getRequestCount()).isZero();
  }

  @Test
  void aDeclinedAuthorizationIsAccessDenied() {
    thrown(
            () ->
                client.authorizationCode(
                    config,
                    prompt(
                        url ->
                            browser.visit(
                                redirect(url)
                                    .newBuilder()
                                    .addQueryParameter("error", "access_denied")
                                    .addQueryParameter("state", state(url))
                                    .build()
                                    .toString())),
                    Duration.ofSeconds(5)),
            Kind.ACCESS_DENIED)
        .withMessage(
            "the authorization endpoint https://login.example.com/authorize answered"
                + " access_denied");
    assertThat(browser.lastPage).contains("Sign-in failed");
    assertThat(token.getRequestCount()).isZero();
  }

  @Test
  void aSignInNotCompletedInTimeIsATimeoutAndTheReceiverCloses() {
    List<String> opened = new ArrayList<>();

    thrown(
            () -> client.authorizationCode(config, prompt(opened::add), Duration.ofMillis(200)),
            Kind.TIMEOUT)
        .withMessageContaining("not completed within");
    assertThat(token.getRequestCount()).isZero();
    String callback = callback(opened.get(0), "late", state(opened.get(0)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> browser.visit(callback))
        .hasRootCauseInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void theRedirectIsOnLoopbackByIpLiteral() throws Exception {
    token.enqueue(json("{\"access_token\": \"at\", \"token_type\": \"Bearer\"}"));
    List<String> opened = new ArrayList<>();

    client.authorizationCode(
        config,
        prompt(
            url -> {
              opened.add(url);
              browser.visit(callback(url, "c", state(url)));
            }),
        Duration.ofSeconds(5));

    HttpUrl redirect = redirect(opened.get(0));
    assertThat(redirect.scheme()).isEqualTo("http");
    assertThat(redirect.host()).isEqualTo("127.0.0.1");
    assertThat(redirect.port()).isPositive();
    assertThat(redirect.encodedPath()).isEqualTo("/callback");
  }

  private static HttpUrl redirect(String authorizationUrl) {
    return HttpUrl.get(HttpUrl.get(authorizationUrl).queryParameter("redirect_uri"));
  }

  private static String state(String authorizationUrl) {
    return HttpUrl.get(authorizationUrl).queryParameter("state");
  }

  private static String callback(String authorizationUrl, String code, String state) {
    return redirect(authorizationUrl)
        .newBuilder()
        .addQueryParameter("code", code)
        .addQueryParameter("state", state)
        .build()
        .toString();
  }

  private static LoginPrompt prompt(Consumer<String> open) {
    return new LoginPrompt() {
      @Override
      public void openAuthorizationUrl(String url) {
        open.accept(url);
      }

      @Override
      public void showUserCode(
          String verificationUri, String userCode, @Nullable String verificationUriComplete) {
        throw new AssertionError("no user code expected");
      }
    };
  }
}

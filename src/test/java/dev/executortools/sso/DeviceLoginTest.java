package dev.executortools.sso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.sso.OidcStubs.ACCESS_TOKEN;
import static dev.executortools.sso.OidcStubs.CLIENT_ID;
import static dev.executortools.sso.OidcStubs.CLIENT_SECRET;
import static dev.executortools.sso.OidcStubs.DEVICE_CODE;
import static dev.executortools.sso.OidcStubs.NEW_ACCESS_TOKEN;
import static dev.executortools.sso.OidcStubs.REFRESH_TOKEN;
import static dev.executortools.sso.OidcStubs.bodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole device flow against an OIDC endpoint on loopback, with time that only moves on sleep.
 */
@Timeout(30)
class DeviceLoginTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
  static final SsoSession SESSION =
      new SsoSession(
          "https://d-9067642ac7.awsapps.com/start",
          "eu-west-1",
          "my-sso",
          List.of("sso:account:access"));

  @TempDir Path cacheDir;
  final FakeTime time = new FakeTime(START);
  final List<DeviceCode> shown = new ArrayList<>();
  DeviceLogin login;

  @BeforeEach
  void setUp() {
    login =
        DeviceLogin.builder()
            .environment(Map.of("AWS_ENDPOINT_URL_SSO_OIDC", server.baseUrl()))
            .cache(new TokenCache(cacheDir))
            .clock(time)
            .sleeper(time)
            .onCode(shown::add)
            .build();
    OidcStubs.register(server, START.plus(Duration.ofDays(90)).getEpochSecond());
    OidcStubs.deviceAuthorization(server, 600, null);
  }

  @AfterEach
  void tearDown() {
    login.close();
  }

  @Test
  void pollsUntilApprovedWaitingTheIntervalAndFiveSecondsMoreAfterSlowDown() throws Exception {
    OidcStubs.tokenReplies(server, "pending", "pending", "slow_down", "ok");

    ToolResult result = login.login(SESSION);

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
    List<JsonNode> polls = bodies(server, "/token");
    assertThat(polls)
        .hasSize(4)
        .allSatisfy(
            poll ->
                assertThat(poll)
                    .isEqualTo(
                        Json.parse(
                            "{\"clientId\":\""
                                + CLIENT_ID
                                + "\",\"clientSecret\":\""
                                + CLIENT_SECRET
                                + "\","
                                + "\"grantType\":\"urn:ietf:params:oauth:grant-type:device_code\",\"deviceCode\":\""
                                + DEVICE_CODE
                                + "\"}")));
    assertThat(bodies(server, "/client/register"))
        .containsExactly(
            Json.parse(
                "{\"clientName\":\"executor-tools\",\"clientType\":\"public\",\"scopes\":[\"sso:account:access\"]}"));
    assertThat(bodies(server, "/device_authorization"))
        .containsExactly(
            Json.parse(
                "{\"clientId\":\""
                    + CLIENT_ID
                    + "\",\"clientSecret\":\""
                    + CLIENT_SECRET
                    + "\",\"startUrl\":\"https://d-9067642ac7.awsapps.com/start\"}"));
    assertThat(shown)
        .singleElement()
        .satisfies(
            code -> {
              assertThat(code.userCode()).isEqualTo(OidcStubs.USER_CODE);
              assertThat(code.verificationUri()).isEqualTo(OidcStubs.VERIFICATION_URI);
              assertThat(code.verificationUriComplete())
                  .endsWith("?user_code=" + OidcStubs.USER_CODE);
              assertThat(code.expiresAt()).isEqualTo(START.plusSeconds(600));
            });
    Instant approvedAt = START.plusSeconds(20);
    assertThat(result.data())
        .isEqualTo(
            Json.parse(
                "{\"startUrl\":\"https://d-9067642ac7.awsapps.com/start\",\"region\":\"eu-west-1\","
                    + "\"expiresAt\":\""
                    + approvedAt.plusSeconds(28800)
                    + "\",\"refreshable\":true,"
                    + "\"sessionName\":\"my-sso\",\"obtainedBy\":\"device_authorization\","
                    + "\"cacheFile\":"
                    + Json.write(
                        Json.MAPPER.valueToTree(login.cache().tokenFile(SESSION).toString()))
                    + "}"));
    assertThat(result.toString()).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET);
  }

  @Test
  void theIntervalTheServiceAsksForIsUsed() throws Exception {
    OidcStubs.deviceAuthorization(server, 600, 2);
    OidcStubs.tokenReplies(server, "pending", "slow_down", "ok");

    assertThat(login.login(SESSION).ok()).isTrue();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(7));
  }

  @Test
  void theTokenIsCachedWhereTheAwsCliLooksWithItsFieldsAndOwnerOnlyAccess() throws Exception {
    OidcStubs.tokenReplies(server, "ok");

    login.login(SESSION);

    Path file = cacheDir.resolve(CacheKeys.sha1("my-sso") + ".json");
    assertThat(login.cache().tokenFile(SESSION)).isEqualTo(file);
    assertThat(Json.parse(Files.readString(file)))
        .isEqualTo(
            Json.parse(
                "{\"startUrl\":\"https://d-9067642ac7.awsapps.com/start\",\"region\":\"eu-west-1\","
                    + "\"accessToken\":\""
                    + ACCESS_TOKEN
                    + "\",\"expiresAt\":\"2026-03-01T17:00:00Z\","
                    + "\"clientId\":\""
                    + CLIENT_ID
                    + "\",\"clientSecret\":\""
                    + CLIENT_SECRET
                    + "\","
                    + "\"registrationExpiresAt\":\"2026-05-30T09:00:00Z\",\"refreshToken\":\""
                    + REFRESH_TOKEN
                    + "\"}"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Json.parse(Files.readString(login.cache().registrationFile(SESSION))))
        .isEqualTo(
            Json.parse(
                "{\"clientId\":\""
                    + CLIENT_ID
                    + "\",\"clientSecret\":\""
                    + CLIENT_SECRET
                    + "\","
                    + "\"expiresAt\":\"2026-05-30T09:00:00Z\",\"scopes\":[\"sso:account:access\"]}"));
    assertThat(shown).as("approved on the first poll: nothing to show").isEmpty();
  }

  @Test
  void expiredDeviceCodeEndsTheFlowWithAClearMessageAndStoresNothing() throws Exception {
    OidcStubs.tokenReplies(server, "pending", "expired");

    ToolResult result = login.login(SESSION);

    assertThat(result.ok()).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().message())
        .isEqualTo(
            "the sign-in request expired before it was approved; run sso login again (ExpiredTokenException)");
    assertThat(result.error().details().path("type").asString()).isEqualTo("ExpiredTokenException");
    assertThat(bodies(server, "/token")).hasSize(2);
    assertThat(login.cache().tokenFile(SESSION)).doesNotExist();
  }

  @Test
  void accessDeniedEndsTheFlow() throws Exception {
    OidcStubs.tokenReplies(server, "pending", "pending", "denied");

    ToolResult result = login.login(SESSION);

    assertThat(result.ok()).isFalse();
    assertThat(result.error().message()).isEqualTo("sign-in was denied (AccessDeniedException)");
    assertThat(result.error().retryable()).isFalse();
    assertThat(time.sleeps()).hasSize(2);
    assertThat(login.cache().tokenFile(SESSION)).doesNotExist();
  }

  @Test
  void pollingStopsWhenTheDeviceCodesLifeIsOver() throws Exception {
    OidcStubs.deviceAuthorization(server, 12, null);
    OidcStubs.tokenReplies(server, "pending");

    ToolResult result = login.login(SESSION);

    assertThat(result.ok()).isFalse();
    assertThat(result.error().code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(result.error().message()).contains("expired before it was approved");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(bodies(server, "/token")).hasSize(3);
  }

  @Test
  void anIntervalOrLifeTheServiceInflatesIsBounded() throws Exception {
    OidcStubs.deviceAuthorization(server, 100_000_000, 86_400);
    OidcStubs.tokenReplies(server, "pending");

    ToolResult result = login.login(SESSION);

    assertThat(result.error().code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(time.sleeps()).hasSize(60).containsOnly(Duration.ofMinutes(1));
  }

  @Test
  void replyNumbersBeyondAnyDateAreRefusedAsUnusable() throws Exception {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"accessToken\":\""
                            + ACCESS_TOKEN
                            + "\",\"expiresIn\":9223372036854775807}")));

    ToolResult result = login.login(SESSION);

    assertThat(result.error().code()).isEqualTo(ErrorCode.UPSTREAM_HTTP_ERROR);
    assertThat(result.error().message())
        .isEqualTo("token.createToken answered without a usable expiresIn");
    assertThat(login.cache().tokenFile(SESSION)).doesNotExist();
  }

  @Test
  void aSecondLoginReusesTheCachedRegistration() throws Exception {
    OidcStubs.tokenReplies(server, "ok");
    login.login(SESSION);
    Files.delete(login.cache().tokenFile(SESSION));
    time.advance(Duration.ofDays(80)); // the secret expires in 10 days

    ToolResult second = login.login(SESSION);

    assertThat(second.ok()).isTrue();
    assertThat(second.data().path("obtainedBy").asString()).isEqualTo("device_authorization");
    assertThat(bodies(server, "/client/register"))
        .as("one registration for both logins")
        .hasSize(1);
    assertThat(bodies(server, "/device_authorization")).hasSize(2);
  }

  @Test
  void aRegistrationWithinFifteenMinutesOfExpiryIsReplaced() throws Exception {
    OidcStubs.tokenReplies(server, "ok");
    login.login(SESSION);
    Files.delete(login.cache().tokenFile(SESSION));
    time.advance(Duration.ofDays(90).minusMinutes(14));

    assertThat(login.login(SESSION).ok()).isTrue();

    assertThat(bodies(server, "/client/register")).hasSize(2);
  }

  @Test
  void aValidCachedTokenIsUsedWithoutAnyCall() throws Exception {
    OidcStubs.tokenReplies(server, "ok");
    login.login(SESSION);
    server.resetRequests();
    time.advance(Duration.ofHours(7)); // 1 hour left

    ToolResult again = login.login(SESSION);

    assertThat(again.data().path("obtainedBy").asString()).isEqualTo("cache");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void anExpiringTokenIsRefreshedWithItsRefreshToken() throws Exception {
    OidcStubs.tokenReplies(server, "ok", "refreshed");
    login.login(SESSION);
    server.resetRequests();
    time.advance(Duration.ofHours(8).minusMinutes(10)); // inside the 15-minute window

    ToolResult refreshed = login.login(SESSION);

    assertThat(refreshed.data().path("obtainedBy").asString()).isEqualTo("refresh");
    assertThat(bodies(server, "/token"))
        .containsExactly(
            Json.parse(
                "{\"clientId\":\""
                    + CLIENT_ID
                    + "\",\"clientSecret\":\""
                    + CLIENT_SECRET
                    + "\","
                    + "\"grantType\":\"refresh_token\",\"refreshToken\":\""
                    + REFRESH_TOKEN
                    + "\"}"));
    assertThat(bodies(server, "/device_authorization")).isEmpty();
    SsoToken stored = login.cache().token(SESSION).orElseThrow();
    assertThat(stored.accessToken()).isEqualTo(NEW_ACCESS_TOKEN);
    assertThat(stored.expiresAt()).isEqualTo(time.instant().plusSeconds(3600));
    assertThat(stored.refreshToken())
        .as("kept when the service issues no new one")
        .isEqualTo(REFRESH_TOKEN);
  }

  @Test
  void aTokenIsRefreshedInTheRegionItWasIssuedIn() throws Exception {
    OidcStubs.tokenReplies(server, "ok", "refreshed");
    login.login(SESSION);
    time.advance(Duration.ofHours(9));
    SsoSession askedElsewhere = new SsoSession(SESSION.startUrl(), "us-east-1", "my-sso", null);

    ToolResult token = login.accessToken(askedElsewhere);

    assertThat(token.data().path("accessToken").asString()).isEqualTo(NEW_ACCESS_TOKEN);
    assertThat(token.data().path("region").asString()).isEqualTo("eu-west-1");
    assertThat(login.cache().token(SESSION).orElseThrow().region()).isEqualTo("eu-west-1");
  }

  @Test
  void aRefusedRefreshFallsBackToANewSignIn() throws Exception {
    OidcStubs.tokenReplies(server, "ok", "invalid_grant", "ok");
    login.login(SESSION);
    time.advance(Duration.ofHours(9));

    ToolResult result = login.login(SESSION);

    assertThat(result.data().path("obtainedBy").asString()).isEqualTo("device_authorization");
    assertThat(bodies(server, "/token"))
        .extracting(body -> body.path("grantType").asString())
        .containsExactly(
            "urn:ietf:params:oauth:grant-type:device_code",
            "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code");
  }

  @Test
  void accessTokenHandsOutTheCachedTokenAndNeverSignsIn() throws Exception {
    ToolResult none = login.accessToken(SESSION);
    assertThat(none.error().code()).isEqualTo(ErrorCode.MISSING_SECRET);
    assertThat(none.error().message())
        .isEqualTo("no valid SSO token for my-sso: run sso login first");

    OidcStubs.tokenReplies(server, "ok");
    login.login(SESSION);
    ToolResult token = login.accessToken(SESSION);
    assertThat(token.data().path("accessToken").asString()).isEqualTo(ACCESS_TOKEN);

    time.advance(Duration.ofHours(9));
    OidcStubs.tokenReplies(server, "invalid_grant");
    assertThat(login.accessToken(SESSION).error().message()).contains("the cached one has expired");
    assertThat(bodies(server, "/device_authorization")).hasSize(1);
  }

  @Test
  void interruptionWhileWaitingStopsTheLoginAndStoresNothing() throws Exception {
    OidcStubs.tokenReplies(server, "pending");
    try (DeviceLogin interrupted =
        DeviceLogin.builder()
            .environment(Map.of("AWS_ENDPOINT_URL_SSO_OIDC", server.baseUrl()))
            .cache(new TokenCache(cacheDir))
            .clock(time)
            .sleeper(
                duration -> {
                  throw new InterruptedException("Ctrl-C");
                })
            .build()) {
      assertThatThrownBy(() -> interrupted.login(SESSION)).isInstanceOf(InterruptedException.class);
    }
    assertThat(login.cache().tokenFile(SESSION)).doesNotExist();
  }

  @Test
  void aDamagedCacheFileIsReportedAndLeftInPlace() throws Exception {
    Files.createDirectories(cacheDir);
    Path file = login.cache().tokenFile(SESSION);
    Files.writeString(
        file, "{\"accessToken\": \"" + ACCESS_TOKEN + "\", \"expiresAt\": \"tomorrow\"}");

    ToolResult result = login.login(SESSION);

    assertThat(result.error().code()).isEqualTo(ErrorCode.STORE_FAILED);
    assertThat(result.error().message()).contains(file.toString()).doesNotContain(ACCESS_TOKEN);
    assertThat(Files.readString(file)).contains(ACCESS_TOKEN);
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}

package dev.executortools.awsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.sso.OidcStubs.CLIENT_ID;
import static dev.executortools.sso.OidcStubs.CLIENT_SECRET;
import static dev.executortools.sso.OidcStubs.NEW_ACCESS_TOKEN;
import static dev.executortools.sso.OidcStubs.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.sso.FakeTime;
import dev.executortools.sso.OidcStubs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Credentials that expire, renewed as the SDKs renew them: an expired SSO token refreshed through
 * SSO-OIDC {@code CreateToken} and written back (the AWS SDK for Java v2, in its own JVM on a copy
 * of the same cache, refreshes it the same way and gets the same role credentials), role
 * credentials fetched again near their expiry, and a call answered {@code ExpiredToken} sent once
 * more with fresh ones. One loopback server stands in for SSO-OIDC, the SSO portal and STS.
 */
@Timeout(90)
class AwsCredentialRenewalTest {
  @RegisterExtension
  static final WireMockExtension aws =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static final String OLD_TOKEN = "aoaOLDOLDOLD-expired-access-token";

  @TempDir Path home;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    env.put("HOME", home.toString());
    env.put("AWS_ENDPOINT_URL_SSO_OIDC", aws.baseUrl());
    env.put("AWS_ENDPOINT_URL_SSO", aws.baseUrl());
    env.put("AWS_ENDPOINT_URL_STS", aws.baseUrl());
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), SsoPortalStubs.DEV_PROFILE_CONFIG);
  }

  /** The token file {@code sso login} leaves, its access token {@code expiresAt}. */
  private Path cachedToken(Path home, String accessToken, Instant expiresAt) throws Exception {
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    Path file = cache.resolve(SsoRoleCredentials.sha1("my-sso") + ".json");
    Files.writeString(
        file,
        Json.write(
            Json.object()
                .put("startUrl", "https://d-9067642ac7.awsapps.com/start")
                .put("region", "eu-west-1")
                .put("accessToken", accessToken)
                .put("expiresAt", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("clientId", CLIENT_ID)
                .put("clientSecret", CLIENT_SECRET)
                .put(
                    "registrationExpiresAt",
                    expiresAt.plus(Duration.ofDays(80)).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("refreshToken", REFRESH_TOKEN)));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /** The portal hands out role credentials {@code key...} for the bearer token {@code token}. */
  private static void portal(String token, String key, Instant expiration) {
    aws.stubFor(
        get(urlPathEqualTo("/federation/credentials"))
            .withHeader("x-amz-sso_bearer_token", equalTo(token))
            .willReturn(roleCredentials(key, expiration)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder roleCredentials(
      String key, Instant expiration) {
    return SsoPortalStubs.roleCredentials(key, "secret-" + key, "token-" + key, expiration);
  }

  @Test
  void anExpiredSsoTokenIsRefreshedWrittenBackAndTheSdkDoesTheSame() throws Exception {
    Instant now = Instant.now();
    Path ours = cachedToken(home, OLD_TOKEN, now.minus(Duration.ofHours(1)));
    Path sdkHome = Files.createDirectories(home.resolve("sdk-home"));
    Files.createDirectories(sdkHome.resolve(".aws"));
    Files.copy(home.resolve(".aws/config"), sdkHome.resolve(".aws/config"));
    Path theirs = cachedToken(sdkHome, OLD_TOKEN, now.minus(Duration.ofHours(1)));
    OidcStubs.tokenReplies(aws, "refreshed");
    portal(NEW_ACCESS_TOKEN, "ASIAREFRESHED", now.plus(Duration.ofHours(1)));

    AwsCredentials credentials =
        new AwsCredentialChain(env, OkHttpClient::new, java.time.Clock.systemUTC()).resolve("dev");

    assertThat(credentials.accessKeyId()).isEqualTo("ASIAREFRESHED");
    assertThat(OidcStubs.bodies(aws, "/token"))
        .containsExactly(
            Json.parse(
                "{\"clientId\":\""
                    + CLIENT_ID
                    + "\",\"clientSecret\":\""
                    + CLIENT_SECRET
                    + "\",\"grantType\":\"refresh_token\",\"refreshToken\":\""
                    + REFRESH_TOKEN
                    + "\"}"));
    JsonNode written = Json.parse(Files.readString(ours));
    assertThat(written.path("accessToken").asString()).isEqualTo(NEW_ACCESS_TOKEN);
    Instant expiresAt = Instant.parse(written.path("expiresAt").asString());
    assertThat(expiresAt).isBetween(now.plusSeconds(3590), now.plusSeconds(3700));
    assertThat(written.has("refreshToken")).as("the answer had none: not kept").isFalse();
    assertThat(Files.getPosixFilePermissions(ours))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    // the SDK on its own copy: the same refresh request, the same fields written, same credentials
    Process sdk =
        SdkProfileCredentialsMain.start(
            "dev",
            Map.of(
                "HOME", sdkHome.toString(),
                "AWS_ENDPOINT_URL_SSO_OIDC", aws.baseUrl(),
                "AWS_ENDPOINT_URL_SSO", aws.baseUrl()),
            home.resolve("sdk.log"));
    assertThat(sdk.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(sdk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(sdk.exitValue()).as(Files.readString(home.resolve("sdk.log"))).isZero();
    JsonNode sdkCredentials = Json.parse(out);
    assertThat(sdkCredentials.path("accessKeyId").asString()).isEqualTo(credentials.accessKeyId());
    assertThat(sdkCredentials.path("secretAccessKey").asString())
        .isEqualTo(credentials.secretAccessKey());
    assertThat(sdkCredentials.path("sessionToken").asString())
        .isEqualTo(credentials.sessionToken());
    List<JsonNode> refreshes = OidcStubs.bodies(aws, "/token");
    assertThat(refreshes).hasSize(2);
    assertThat(refreshes.get(1)).isEqualTo(refreshes.get(0));
    JsonNode sdkWritten = Json.parse(Files.readString(theirs));
    assertThat(fieldNames(written)).isEqualTo(fieldNames(sdkWritten));
    for (String field :
        List.of(
            "accessToken",
            "clientId",
            "clientSecret",
            "startUrl",
            "region",
            "registrationExpiresAt")) {
      assertThat(written.path(field).asString())
          .as(field)
          .isEqualTo(sdkWritten.path(field).asString());
    }
    assertThat(Instant.parse(sdkWritten.path("expiresAt").asString()))
        .isBetween(expiresAt.minusSeconds(60), expiresAt.plusSeconds(60));
  }

  private static java.util.Set<String> fieldNames(JsonNode json) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    json.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  void anExpiredTokenThatCannotBeRefreshedAsksForSsoLogin() throws Exception {
    Instant now = Instant.now();
    cachedToken(home, OLD_TOKEN, now.minus(Duration.ofHours(1)));
    OidcStubs.tokenReplies(aws, "invalid_grant");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new AwsCredentialChain(env, OkHttpClient::new, java.time.Clock.systemUTC())
                    .resolve("dev"))
        .isInstanceOf(AwsCredentialsException.class)
        .hasMessageContaining("has expired")
        .hasMessageContaining("sso login --profile dev")
        .hasMessageNotContaining(REFRESH_TOKEN)
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThat(aws.findAll(getRequestedFor(urlPathEqualTo("/federation/credentials")))).isEmpty();
  }

  @Test
  void roleCredentialsAreFetchedAgainFiveMinutesBeforeTheyExpire() throws Exception {
    Instant start = Instant.parse("2026-12-07T12:00:00Z");
    cachedToken(home, OLD_TOKEN, start.plus(Duration.ofHours(8)));
    portal(OLD_TOKEN, "ASIAFIRST", start.plus(Duration.ofHours(1)));
    FakeTime time = new FakeTime(start);
    AwsCredentialChain chain = new AwsCredentialChain(env, OkHttpClient::new, time);

    AwsCredentials first = chain.resolve("dev");
    time.advance(Duration.ofMinutes(54));
    assertThat(chain.resolve("dev")).isSameAs(first);
    assertThat(aws.findAll(getRequestedFor(urlPathEqualTo("/federation/credentials")))).hasSize(1);

    portal(OLD_TOKEN, "ASIASECOND", start.plus(Duration.ofHours(2)));
    time.advance(Duration.ofMinutes(2)); // 4 minutes left
    assertThat(chain.resolve("dev").accessKeyId()).isEqualTo("ASIASECOND");
    assertThat(aws.findAll(getRequestedFor(urlPathEqualTo("/federation/credentials")))).hasSize(2);
  }

  @Test
  void aCallAnsweredExpiredTokenIsSentOnceMoreWithFreshCredentials() throws Exception {
    Instant now = Instant.now();
    cachedToken(home, OLD_TOKEN, now.plus(Duration.ofHours(8)));
    aws.stubFor(
        get(urlPathEqualTo("/federation/credentials"))
            .inScenario("role")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(roleCredentials("ASIAREVOKED", now.plus(Duration.ofHours(1))))
            .willSetStateTo("renewed"));
    aws.stubFor(
        get(urlPathEqualTo("/federation/credentials"))
            .inScenario("role")
            .whenScenarioStateIs("renewed")
            .willReturn(roleCredentials("ASIAFRESH", now.plus(Duration.ofHours(1)))));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("Authorization", containing("Credential=ASIAREVOKED/"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code>"
                            + "<Message>The security token included in the request is expired"
                            + "</Message></Error></ErrorResponse>")));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("Authorization", containing("Credential=ASIAFRESH/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<GetCallerIdentityResponse><GetCallerIdentityResult>"
                            + "<Account>111122223333</Account>"
                            + "</GetCallerIdentityResult></GetCallerIdentityResponse>")));

    try (ToolRegistry registry =
        ToolRegistry.builder()
            .approvals(ApprovalHandler.APPROVE_ALL)
            .environment(env)
            .awsProfile("dev")
            .build()) {
      try (InputStream in = getClass().getResourceAsStream("/aws/sts.json")) {
        ToolResult added =
            registry.addSource(
                Json.object()
                    .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .put("namespace", "sts"));
        assertThat(added.ok()).as("%s", added).isTrue();
      }
      ToolResult result =
          registry.call("sts.actionGetCallerIdentity.postGetCallerIdentity", Json.object());

      assertThat(result.ok()).as("%s", result).isTrue();
      assertThat(result.data().toString()).contains("111122223333");
      List<LoggedRequest> sent = aws.findAll(postRequestedFor(urlEqualTo("/")));
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0).getHeader("Authorization")).contains("Credential=ASIAREVOKED/");
      assertThat(sent.get(1).getHeader("Authorization")).contains("Credential=ASIAFRESH/");
      assertThat(result.toString()).doesNotContain("secret-ASIA", "token-ASIA");
    }
  }
}

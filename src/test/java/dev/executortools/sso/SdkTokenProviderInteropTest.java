package dev.executortools.sso;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.executortools.sso.OidcStubs.CLIENT_ID;
import static dev.executortools.sso.OidcStubs.CLIENT_SECRET;
import static dev.executortools.sso.OidcStubs.NEW_ACCESS_TOKEN;
import static dev.executortools.sso.OidcStubs.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the AWS SDK for Java v2's {@code SsoOidcTokenProvider}: we sign in and cache the
 * token under HOME; the SDK, in its own JVM with that HOME, finds it, refreshes it through the
 * refresh token and registration we stored, and writes it back; we load what it wrote.
 */
@Timeout(90)
class SdkTokenProviderInteropTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;

  @Test
  void theSdkRefreshesTheTokenWeCachedAndWeReadWhatItWrote() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    SsoSession session =
        new SsoSession(
            "https://d-9067642ac7.awsapps.com/start",
            "eu-west-1",
            "my-sso",
            List.of("sso:account:access"));
    OidcStubs.register(server, now.plus(Duration.ofDays(90)).getEpochSecond());
    OidcStubs.deviceAuthorization(server, 600, null);
    OidcStubs.tokenReplies(server, "ok", "refreshed");
    FakeTime yesterday = new FakeTime(now.minus(Duration.ofDays(1)));
    try (DeviceLogin login =
        DeviceLogin.builder()
            .environment(
                Map.of("AWS_ENDPOINT_URL_SSO_OIDC", server.baseUrl(), "HOME", home.toString()))
            .clock(yesterday)
            .sleeper(yesterday)
            .build()) {
      assertThat(login.login(session).ok()).isTrue(); // expired 16 hours ago
    }
    Path cacheDir = home.resolve(".aws/sso/cache");
    assertThat(cacheDir.resolve(CacheKeys.sha1("my-sso") + ".json")).exists();

    Process sdk = sdkJvm(server.baseUrl(), "my-sso");
    assertThat(sdk.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(sdk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(sdk.exitValue()).as(Files.readString(home.resolve("sdk.log"))).isZero();

    assertThat(out).isEqualTo(NEW_ACCESS_TOKEN);
    assertThat(OidcStubs.bodies(server, "/token").get(1))
        .isEqualTo(
            Json.parse(
                "{\"clientId\":\""
                    + CLIENT_ID
                    + "\",\"clientSecret\":\""
                    + CLIENT_SECRET
                    + "\","
                    + "\"grantType\":\"refresh_token\",\"refreshToken\":\""
                    + REFRESH_TOKEN
                    + "\"}"));
    SsoToken written = new TokenCache(cacheDir).token(session).orElseThrow();
    assertThat(written.accessToken()).isEqualTo(NEW_ACCESS_TOKEN);
    assertThat(written.expiresAt()).isAfter(now.plus(Duration.ofMinutes(50)));
    assertThat(written.clientId()).isEqualTo(CLIENT_ID);
    assertThat(written.region()).isEqualTo("eu-west-1");
  }

  private Process sdkJvm(String endpoint, String sessionName) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            SdkTokenProviderMain.class.getName(),
            endpoint,
            sessionName);
    builder.environment().put("HOME", home.toString());
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    return builder.redirectError(home.resolve("sdk.log").toFile()).start();
  }
}

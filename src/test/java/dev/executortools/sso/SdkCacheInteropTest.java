package dev.executortools.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.internal.OnDiskTokenManager;
import software.amazon.awssdk.services.ssooidc.internal.SsoOidcToken;

/**
 * The token file is the one the AWS SDK for Java v2 reads and writes: {@code OnDiskTokenManager} is
 * the on-disk cache behind {@code SsoOidcTokenProvider} (same directory layout, file name and
 * fields), so each side must load what the other stored.
 */
class SdkCacheInteropTest {
  static final SsoSession SESSION =
      new SsoSession(
          "https://d-9067642ac7.awsapps.com/start",
          "eu-west-1",
          "my-sso",
          List.of("sso:account:access"));

  @TempDir Path dir;

  @Test
  void theSdkLoadsTheTokenWeStored() {
    SsoToken ours =
        new SsoToken(
            SESSION.startUrl(),
            "eu-west-1",
            "access-token-1",
            Instant.parse("2026-03-01T17:00:00Z"),
            "client-id-1",
            "client-secret-1",
            Instant.parse("2026-05-30T09:00:00Z"),
            "refresh-token-1");
    new TokenCache(dir).store(SESSION, ours);

    SsoOidcToken loaded = OnDiskTokenManager.create(dir, "my-sso").loadToken().orElseThrow();

    assertThat(loaded.token()).isEqualTo("access-token-1");
    assertThat(loaded.expirationTime()).contains(Instant.parse("2026-03-01T17:00:00Z"));
    assertThat(loaded.refreshToken()).isEqualTo("refresh-token-1");
    assertThat(loaded.clientId()).isEqualTo("client-id-1");
    assertThat(loaded.clientSecret()).isEqualTo("client-secret-1");
    assertThat(loaded.registrationExpiresAt()).isEqualTo(Instant.parse("2026-05-30T09:00:00Z"));
    assertThat(loaded.region()).isEqualTo("eu-west-1");
    assertThat(loaded.startUrl()).isEqualTo(SESSION.startUrl());
  }

  @Test
  void weLoadTheTokenTheSdkStored() throws Exception {
    Files.createDirectories(dir);
    OnDiskTokenManager.create(dir, "my-sso")
        .storeToken(
            SsoOidcToken.builder()
                .accessToken("access-token-2")
                .expiresAt(Instant.parse("2026-04-01T08:30:00Z"))
                .refreshToken("refresh-token-2")
                .clientId("client-id-2")
                .clientSecret("client-secret-2")
                .registrationExpiresAt(Instant.parse("2026-06-01T00:00:00Z"))
                .region("eu-west-1")
                .startUrl(SESSION.startUrl())
                .build());

    SsoToken loaded = new TokenCache(dir).token(SESSION).orElseThrow();

    assertThat(loaded)
        .usingRecursiveComparison()
        .isEqualTo(
            new SsoToken(
                SESSION.startUrl(),
                "eu-west-1",
                "access-token-2",
                Instant.parse("2026-04-01T08:30:00Z"),
                "client-id-2",
                "client-secret-2",
                Instant.parse("2026-06-01T00:00:00Z"),
                "refresh-token-2"));
  }

  @Test
  void weLoadATokenInTheFormOlderAwsClisWrote() throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve(CacheKeys.sha1(SESSION.startUrl()) + ".json");
    Files.writeString(
        file,
        """
        {"startUrl": "https://d-9067642ac7.awsapps.com/start", "region": "eu-west-1",
         "accessToken": "access-token-3", "expiresAt": "2026-04-01T08:30:00UTC"}
        """);

    SsoToken loaded =
        new TokenCache(dir).token(SsoSession.of(SESSION.startUrl(), "eu-west-1")).orElseThrow();

    assertThat(loaded.expiresAt()).isEqualTo(Instant.parse("2026-04-01T08:30:00Z"));
    assertThat(loaded.refreshable(Instant.parse("2026-04-01T00:00:00Z"))).isFalse();
    assertThat(loaded.toString()).doesNotContain("access-token-3");
  }
}

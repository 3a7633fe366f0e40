package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.executortools.sso.OidcStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code sso login} while it waits for approval (Ctrl-C, or a kill: the JVM runs its
 * shutdown hooks for both) ends it with a short message and nothing stored.
 */
@Timeout(90)
class SsoLoginCancelTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  @Test
  void stoppingTheProcessWhileWaitingPrintsThatNothingWasStored() throws Exception {
    OidcStubs.register(server, Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
    OidcStubs.deviceAuthorization(server, 600, 1);
    OidcStubs.tokenReplies(server, "pending");
    Path cacheDir = dir.resolve("cache");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "sso",
            "login",
            "--start-url",
            "https://d-9067642ac7.awsapps.com/start",
            "--region",
            "eu-west-1",
            "--no-browser",
            "--cache-dir",
            cacheDir.toString());
    builder.environment().put("AWS_ENDPOINT_URL_SSO_OIDC", server.baseUrl());
    builder.redirectOutput(dir.resolve("stdout").toFile());
    Path stderr = dir.resolve("stderr");
    builder.redirectError(stderr.toFile());
    Process child = builder.start();
    try {
      while (!Files.readString(stderr).contains("Waiting for approval")) {
        assertThat(child.isAlive()).as(Files.readString(stderr)).isTrue();
        Thread.sleep(50);
      }
      assertThat(Files.readString(stderr)).contains(OidcStubs.USER_CODE);

      child.destroy();

      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(stderr)).contains("sso login cancelled; nothing was stored");
      assertThat(child.exitValue()).isNotZero();
      assertThat(Files.readString(dir.resolve("stdout"))).isEmpty();
      assertThat(cacheDir.resolve("9e104e67bc03709422c341f8e7b917448969b3a1.json")).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }
}

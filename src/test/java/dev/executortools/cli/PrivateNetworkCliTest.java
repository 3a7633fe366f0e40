package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's allowance for private addresses, as the command line takes it: flag or home setting.
 */
@Timeout(60)
class PrivateNetworkCliTest {
  @TempDir Path home;
  private WireMockServer upstream;
  private CliRunner cli;
  private String previewArgs;

  @BeforeEach
  void start() {
    upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    upstream.start();
    upstream.stubFor(
        get(urlPathEqualTo("/spec.yaml"))
            .willReturn(aResponse().withBody(Corpus.resource("/specs/items-v1.yaml"))));
    cli = new CliRunner(home);
    previewArgs =
        Json.write(Json.object().put("spec", "http://localhost:" + upstream.port() + "/spec.yaml"));
  }

  @AfterEach
  void stop() {
    upstream.stop();
  }

  @Test
  void aSpecUrlOnLoopbackIsRefusedWithoutTheAllowance() {
    CliRunner.Run refused = cli.run("", "call", "openapi.previewSpec", previewArgs);
    assertThat(refused.exit()).as(refused.all()).isEqualTo(1);
    assertThat(refused.json().path("error").path("code").asString()).isEqualTo("blocked_address");
    assertThat(upstream.getAllServeEvents()).isEmpty();
  }

  @Test
  void theFlagAllowsItBeforeOrAfterTheCommandName() {
    CliRunner.Run global =
        cli.run("", "--allow-private-network", "call", "openapi.previewSpec", previewArgs);
    CliRunner.Run local =
        cli.run("", "call", "--allow-private-network", "openapi.previewSpec", previewArgs);
    assertThat(global.exit()).as(global.all()).isZero();
    assertThat(local.exit()).as(local.all()).isZero();
    assertThat(upstream.getAllServeEvents()).hasSize(2);
  }

  @Test
  void theHomeSettingAllowsIt() throws Exception {
    Files.createDirectories(home);
    Files.writeString(home.resolve("settings.json"), "{\"allowPrivateNetwork\": true}");
    CliRunner.Run allowed = cli.run("", "call", "openapi.previewSpec", previewArgs);
    assertThat(allowed.exit()).as(allowed.all()).isZero();
    assertThat(allowed.json().path("data").path("operationCount").asInt()).isPositive();
  }
}

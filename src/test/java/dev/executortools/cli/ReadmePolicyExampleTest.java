package dev.executortools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's approval-rule example, run as written through the command line against GitHub's real
 * spec (corpus 1.1.4) with its calls pointed at a loopback server: {@code github.repos.delete} is
 * blocked and nothing reaches the server, in whichever order the two rules were added.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadmePolicyExampleTest {
  private static final String GITHUB_SPEC =
      "src/test/resources/corpus/github.com__api.github.com__1.1.4.openapi.yaml";

  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir static Path home;
  private static CliRunner cli;

  /** Adding GitHub's spec takes a while: once for both tests, which each start without rules. */
  @BeforeAll
  static void addGitHubAsTheReadmeDoes() {
    cli = new CliRunner(home);
    assertThat(cli.run("ghp_readme_example_token", "secrets", "set", "github_token").exit())
        .isZero();
    ObjectNode options =
        (ObjectNode)
            Json.parse(
                """
        {"namespace": "github",
         "headers": {"Authorization": {"secretId": "github_token", "prefix": "Bearer "}}}""");
    options.put("baseUrl", github.baseUrl());
    CliRunner.Run added =
        cli.run(
            "",
            "call",
            "--yes",
            "openapi.addSource",
            "--arg-file",
            "spec=" + GITHUB_SPEC,
            Json.write(options));
    assertThat(added.exit()).as(added.all()).isZero();
  }

  @BeforeEach
  void noRulesAndNoRequests() throws Exception {
    Files.deleteIfExists(home.resolve("policies.json"));
    github.resetRequests();
    github.stubFor(
        any(anyUrl())
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
  }

  @Test
  void theReadmeRulesBlockRepositoryDeletionAndSendNothing() {
    assertThat(cli.run("", "policies", "add", "github.*", "require_approval").exit()).isZero();
    assertThat(cli.run("", "policies", "add", "github.repos.delete", "block").exit()).isZero();
    assertBlockedAndSilent();
  }

  @Test
  void theSameRulesAddedTheOtherWayRoundDecideTheSame() {
    assertThat(cli.run("", "policies", "add", "github.repos.delete", "block").exit()).isZero();
    assertThat(cli.run("", "policies", "add", "github.*", "require_approval").exit()).isZero();
    assertBlockedAndSilent();
  }

  private void assertBlockedAndSilent() {
    CliRunner.Run rules = cli.run("", "policies", "list");
    assertThat(rules.data().toString())
        .isEqualTo(
            "[{\"pattern\":\"github.repos.delete\",\"action\":\"block\"},{\"pattern\":\"github.*\",\"action\":\"require_approval\"}]");
    CliRunner.Run explained = cli.run("", "policies", "explain", "github.repos.delete");
    assertThat(explained.data().path("rule").toString())
        .isEqualTo("{\"pattern\":\"github.repos.delete\",\"action\":\"block\"}");
    assertThat(explained.data().path("overridden").toString())
        .isEqualTo("[{\"pattern\":\"github.*\",\"action\":\"require_approval\"}]");
    List<String> ids = new ArrayList<>();
    cli.run("", "tools", "list").data().forEach(t -> ids.add(t.path("id").asString()));
    assertThat(ids).contains("github.repos.get").doesNotContain("github.repos.delete");

    CliRunner.Run delete =
        cli.run("", "call", "--yes", "github.repos.delete", "{\"owner\": \"a\", \"repo\": \"b\"}");
    assertThat(delete.exit()).isEqualTo(1);
    assertThat(delete.errorCode()).isEqualTo("blocked");
    assertThat(github.getAllServeEvents()).as("the blocked call sent nothing").isEmpty();

    // The rest of github.* still works and still requires approval: the server is listening.
    CliRunner.Run withoutYes =
        cli.run("", "call", "github.repos.get", "{\"owner\": \"a\", \"repo\": \"b\"}");
    assertThat(withoutYes.errorCode()).isEqualTo("approval_required");
    CliRunner.Run get =
        cli.run("", "call", "--yes", "github.repos.get", "{\"owner\": \"a\", \"repo\": \"b\"}");
    assertThat(get.exit()).as(get.all()).isZero();
    List<LoggedRequest> requests =
        github.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(requests)
        .extracting(r -> r.getMethod().value() + " " + r.getUrl())
        .containsExactly("GET /repos/a/b");
    assertThat(requests.get(0).getHeader("Authorization"))
        .isEqualTo("Bearer ghp_readme_example_token");
  }
}

package dev.executortools.wire;

import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's real operations (corpus spec 1.1.4): path and query parameters, path values holding
 * {@code /}, and a JSON body sent with its declared type.
 */
class GitHubWireTest {
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.corpus(
            "github.com__api.github.com__1.1.4.openapi.yaml", "github", upstream.baseUrl());
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  @Test
  void listIssuesSendsPathAndQueryParametersPercentEncoded() {
    ToolResult result =
        registry.call(
            "github.issues.listForRepo",
            json(
                """
                {"owner": "octo-org", "repo": "hello/world", "state": "closed",
                 "labels": "bug,ui,@high", "per_page": 50}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("GET");
    assertThat(request.getUrl())
        .isEqualTo(
            "/repos/octo-org/hello%2Fworld/issues?state=closed&labels=bug%2Cui%2C%40high&per_page=50");
    assertThat(request.getBody()).isEmpty();
    assertThat(request.containsHeader("Content-Type")).isFalse();
  }

  @Test
  void refWithSlashesStaysOnePathSegment() {
    ToolResult result =
        registry.call(
            "github.git.getRef",
            json(
                "{\"owner\": \"octocat\", \"repo\": \"Hello-World\", \"ref\": \"heads/feature/wire tests\"}"));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(upstream.onlyRequest().getUrl())
        .isEqualTo("/repos/octocat/Hello-World/git/ref/heads%2Ffeature%2Fwire%20tests");
  }

  @Test
  void createIssueSendsTheJsonBodyWithItsDeclaredType() {
    ToolResult result =
        registry.call(
            "github.issues.create",
            json(
                """
                {"owner": "octocat", "repo": "Hello-World",
                 "body": {"title": "Found a bug", "body": "Ünïcode & \\"quotes\\"",
                          "labels": ["bug", {"name": "ui"}], "assignees": ["octocat"],
                          "milestone": 1}}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/repos/octocat/Hello-World/issues");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"title\":\"Found a bug\",\"body\":\"Ünïcode & \\\"quotes\\\"\","
                + "\"labels\":[\"bug\",{\"name\":\"ui\"}],\"assignees\":[\"octocat\"],\"milestone\":1}");
  }
}

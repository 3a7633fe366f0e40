package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search quality the README reports: tasks written in a person's words ({@code
 * src/test/resources/search/github-tasks.tsv}) against the GitHub corpus spec.
 */
class GitHubSearchEvaluationTest {
  private static ToolRegistry registry;

  @BeforeAll
  static void addGitHub() {
    registry = ToolRegistry.builder().build();
    assertThat(
            registry
                .addSource(
                    Json.object()
                        .put("spec", Corpus.read("github.com__api.github.com__1.1.4.openapi.yaml"))
                        .put("namespace", "github"))
                .ok())
        .isTrue();
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  @Test
  void findsTheRightToolInTheTopFiveForNineteenTasksInTwenty() {
    SearchEvaluation tasks = SearchEvaluation.parse(Corpus.resource("/search/github-tasks.tsv"));
    SearchEvaluation.Report report =
        tasks.run(
            (query, limit) ->
                registry.search(query, limit, "github").stream().map(SearchHit::id).toList());
    System.out.println("GitHub search: " + report.summary());

    assertThat(tasks.tasks()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(report.recallAt(5)).as(report.summary()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void everyExpectedIdIsARealTool() {
    SearchEvaluation tasks = SearchEvaluation.parse(Corpus.resource("/search/github-tasks.tsv"));
    for (SearchEvaluation.Task task : tasks.tasks()) {
      for (String id : task.expected()) {
        assertThat(registry.tool(id)).as("%s for \"%s\"", id, task.query()).isPresent();
      }
    }
  }

  @Test
  void suggestsTheIntendedIdForAMisspeltOne() {
    assertThat(registry.closestIds("github.issues.creat", 3))
        .first()
        .isEqualTo("github.issues.create");
    assertThat(registry.closestIds("github_pulls_merge", 3))
        .first()
        .isEqualTo("github.pulls.merge");
    assertThat(registry.closestIds("GitHub.Repos.Get", 3)).first().isEqualTo("github.repos.get");
  }

  @Test
  void limitsResultsToTheRequestedSource() {
    List<SearchHit> hits = registry.search("create a token", 10, "aws_sso_oidc");
    assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.id()).doesNotStartWith("github."));
    assertThat(registry.search("create a token", 10, "github"))
        .allSatisfy(h -> assertThat(h.id()).startsWith("github."));
  }
}

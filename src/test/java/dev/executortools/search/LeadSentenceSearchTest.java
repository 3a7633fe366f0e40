package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operation with no summary is summarized by what its long description says first: Bitbucket's
 * pull request creation says "Creates a new pull request..." before a curl example and the fields
 * it takes, which length normalization otherwise dilutes below shorter descriptions that mention
 * pull requests more often (rank 12 without it).
 */
class LeadSentenceSearchTest {
  private static ToolRegistry registry;

  @BeforeAll
  static void load() {
    registry = ApiTaskSets.registry(List.of("bitbucket"));
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  @Test
  void aLongDescriptionsFirstSentenceCountsAsTheSummary() {
    List<String> first =
        registry.search("create a pull request", 5, "bitbucket").stream()
            .map(SearchHit::id)
            .toList();

    assertThat(first)
        .contains("bitbucket.pullrequests.postRepositoriesWorkspaceRepoSlugPullrequests");
  }
}

package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a tool's id that the ranking weighs against a task's. */
class IdTermsTest {
  private static IdTerms of(String id, String method, String path) {
    return IdTerms.of(new SearchDocument(id, "zoom", "", "", method, path, List.of()));
  }

  @Test
  void theGetOfACollectionNamedByAPluralReadsAsList() {
    // Zoom's getUsers is GET /users/{userId}/meetings: it lists a user's meetings.
    assertThat(of("zoom.meetings.getUsers", "get", "/users/{userId}/meetings").leaf())
        .containsExactlyInAnyOrder("list", "user");
    assertThat(of("zoom.users.getUser", "get", "/users/{userId}").leaf())
        .containsExactlyInAnyOrder("get", "user");
    assertThat(of("zoom.accounts.getMyAccount", "get", "/me").leaf())
        .containsExactlyInAnyOrder("get", "me", "account");
  }
}

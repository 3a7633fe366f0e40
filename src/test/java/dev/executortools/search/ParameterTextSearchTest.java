package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a tool's parameters are described as is searched: a task in the words of a parameter's
 * description finds the tool that takes it (Zoom's meeting status update, whose {@code action} ends
 * a meeting for everyone), in the stored index and in one built again from the stored tools; only
 * the first sentence of each description is read, however long.
 */
class ParameterTextSearchTest {
  @TempDir Path home;

  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: meetings, version: '1'}
      servers: [{url: 'https://api.example.test'}]
      paths:
        /meetings/{meetingId}:
          patch:
            operationId: meetingUpdate
            summary: Update a meeting
            parameters: [{name: meetingId, in: path, required: true, schema: {type: string}}]
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      topic: {type: string, description: The meeting's topic.}
                      agenda: {type: string, description: The meeting's description.}
            responses: {'204': {description: updated}}
        /meetings/{meetingId}/status:
          put:
            operationId: meetingStatus
            summary: Update meeting status
            parameters: [{name: meetingId, in: path, required: true, schema: {type: string}}]
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      action: {type: string, enum: [end, recover], description: End a meeting for all its participants. Or recover a deleted one.}
            responses: {'204': {description: updated}}
      """;

  private static List<String> search(ToolRegistry registry, String query) {
    return registry.search(query, 5, "zoom").stream().map(SearchHit::id).toList();
  }

  private static void add(ToolRegistry registry, String spec) {
    ToolResult added = registry.addSource(Json.object().put("spec", spec).put("namespace", "zoom"));
    assertThat(added.ok()).as(added.toString()).isTrue();
  }

  private static String firstFound(ToolRegistry registry, String query) {
    List<String> ids = search(registry, query);
    assertThat(ids).isNotEmpty();
    return ids.get(0);
  }

  @Test
  void aTaskInTheWordsOfAParameterFindsTheToolThatTakesIt() throws Exception {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      add(registry, SPEC);
      assertThat(firstFound(registry, "end the meeting for everyone"))
          .isEqualTo("zoom.meetings.meetingStatus");
    }
    // A home whose index is gone (written before indexes were kept): built from the stored tools.
    Files.delete(home.resolve("sources").resolve("zoom.search"));
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(firstFound(registry, "end the meeting for everyone"))
          .isEqualTo("zoom.meetings.meetingStatus");
    }
  }

  @Test
  @Timeout(20)
  void onlyTheFirstSentenceOfEachDescriptionIsRead() {
    String endless = "end ".repeat(200_000);
    String spec =
        SPEC.replace("End a meeting for all its participants. Or recover a deleted one.", endless)
            .replace("The meeting's topic.", "Topic. " + endless);
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      add(registry, spec);
      for (var tool : registry.tools()) {
        if (!tool.source().equals("zoom")) continue;
        SearchDocument doc = SearchDocument.of(tool, tool.inputSchema(), null, tool.summary());
        assertThat(doc.parameterText().length())
            .as(tool.id())
            .isLessThanOrEqualTo(doc.parameterNames().size() * (SearchDocument.SENTENCE_CHARS + 1));
      }
      // the update's topic is read up to its first sentence's end: "Topic", not "end"
      assertThat(firstFound(registry, "end")).isEqualTo("zoom.meetings.meetingStatus");
    }
  }
}

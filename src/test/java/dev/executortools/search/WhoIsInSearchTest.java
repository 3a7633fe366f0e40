package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A task that asks who is in (on, at) something asks for its members, whatever the API calls the
 * group: "who's in the marketing group" (Microsoft Graph's group members), "who is on the team
 * working on this project" (GitLab's project members).
 */
class WhoIsInSearchTest {
  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: directory, version: '1'}
      servers: [{url: 'https://api.example.test'}]
      paths:
        /groups:
          get: {operationId: listGroups, description: List the groups of the organization., responses: {'200': {description: ok}}}
          post: {operationId: createGroup, description: Create a group., responses: {'201': {description: created}}}
        /groups/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {operationId: getGroup, description: Get a group by its id., responses: {'200': {description: ok}}}
          patch: {operationId: updateGroup, description: Update a group's name or description., responses: {'200': {description: ok}}}
          delete: {operationId: deleteGroup, description: Delete a group., responses: {'204': {description: deleted}}}
        /groups/{id}/photo:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {operationId: getGroupPhoto, description: Get the photo of a group., responses: {'200': {description: ok}}}
        /groups/{id}/members:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {operationId: listGroupMembers, description: The users of a group., responses: {'200': {description: ok}}}
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "who's in the marketing group",
        "who is in the marketing group",
        "who are on the sales group"
      })
  void whoIsInAGroupFindsItsMembers(String query) {
    try (ToolRegistry registry = registry()) {
      assertThat(registry.search(query, 5, "directory").get(0).id())
          .isEqualTo("directory.groups.listGroupMembers");
    }
  }

  @Test
  void whoElsewhereInATaskIsNotAskingForMembers() {
    try (ToolRegistry registry = registry()) {
      assertThat(registry.search("delete the group who left", 1, "directory"))
          .extracting(SearchHit::id)
          .containsExactly("directory.groups.deleteGroup");
    }
  }

  private static ToolRegistry registry() {
    ToolRegistry registry = ToolRegistry.builder().build();
    ToolResult added =
        registry.addSource(Json.object().put("spec", SPEC).put("namespace", "directory"));
    assertThat(added.ok()).as(added.toString()).isTrue();
    return registry;
  }
}

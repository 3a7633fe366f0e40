package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GET whose path ends in a parameter lists when what it answers is a page of things (Bitbucket's
 * {@code GET /repositories/{workspace}}): read from the spec's response when the source is added,
 * kept in the stored index, and read from the stored tools when that index is built again.
 */
class AnswerShapeSearchTest {
  @TempDir Path home;

  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: repositories, version: '1'}
      servers: [{url: 'https://api.example.test'}]
      paths:
        /repositories/{workspace}:
          get:
            description: Returns the repositories owned by the workspace.
            parameters: [{name: workspace, in: path, required: true, schema: {type: string}}]
            responses:
              '200':
                description: a page
                content:
                  application/json: {schema: {$ref: '#/components/schemas/page'}}
        /repositories/{workspace}/{repo_slug}:
          get:
            description: Returns the repository.
            parameters:
              - {name: workspace, in: path, required: true, schema: {type: string}}
              - {name: repo_slug, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: the repository
                content:
                  application/json: {schema: {$ref: '#/components/schemas/repository'}}
      components:
        schemas:
          page:
            type: object
            properties:
              size: {type: integer}
              page: {type: integer}
              pagelen: {type: integer}
              next: {type: string}
              previous: {type: string}
              values: {type: array, items: {$ref: '#/components/schemas/repository'}}
          repository:
            type: object
            properties:
              uuid: {type: string}
              name: {type: string}
              full_name: {type: string}
              is_private: {type: boolean}
              owner: {type: object, properties: {uuid: {type: string}}}
              created_on: {type: string}
      """;

  private List<String> search(ToolRegistry registry, String query) {
    return registry.search(query, 5, "repos").stream().map(SearchHit::id).toList();
  }

  @Test
  void theAnswerOfAnItemPathTellsThatItLists() throws Exception {
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      var added = registry.addSource(Json.object().put("spec", SPEC).put("namespace", "repos"));
      assertThat(added.ok()).as(added.toString()).isTrue();
    }
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      List<String> ids =
          registry.tools().stream()
              .filter(t -> t.source().equals("repos"))
              .map(t -> t.id())
              .sorted()
              .toList();
      assertThat(ids).hasSize(2);
      String list = ids.get(0);
      String item = ids.get(1);
      assertThat(list).endsWith("Workspace");
      assertThat(search(registry, "list the repositories")).first().isEqualTo(list);
      assertThat(search(registry, "get a repository")).first().isEqualTo(item);
    }
    // A home whose index is gone (written before indexes were kept): built from the stored tools.
    Files.delete(home.resolve("sources").resolve("repos.search"));
    try (ToolRegistry registry = ToolRegistry.builder().home(home).build()) {
      assertThat(search(registry, "get a repository"))
          .first()
          .isEqualTo("repos.repositories.getRepositoriesWorkspaceRepoSlug");
    }
  }
}

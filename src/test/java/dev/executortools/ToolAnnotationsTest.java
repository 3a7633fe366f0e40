package dev.executortools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import org.junit.jupiter.api.Test;

/** The MCP hints mean what MCP says they mean. */
class ToolAnnotationsTest {
  @Test
  void putPatchAndDeleteAreDestructiveWhilePostOnlyAdds() {
    assertThat(ToolAnnotations.forHttp("PUT", "/a").destructiveHint()).isTrue();
    assertThat(ToolAnnotations.forHttp("patch", "/a").destructiveHint()).isTrue();
    assertThat(ToolAnnotations.forHttp("delete", "/a").destructiveHint()).isTrue();
    assertThat(ToolAnnotations.forHttp("post", "/a").destructiveHint()).isFalse();
    assertThat(ToolAnnotations.forHttp("get", "/a").destructiveHint()).isFalse();
    assertThat(ToolAnnotations.forHttp("get", "/a").readOnlyHint()).isTrue();
  }

  @Test
  void everyHttpOperationAndTheToolsThatFetchUrlsReachAnOpenWorld() {
    assertThat(ToolAnnotations.forHttp("get", "/a").openWorldHint()).isTrue();
    try (ToolRegistry registry = ToolRegistry.builder().build()) {
      assertThat(registry.tool("openapi.previewSpec").orElseThrow().annotations().openWorldHint())
          .isTrue();
      assertThat(registry.tool("openapi.addSource").orElseThrow().annotations().openWorldHint())
          .isTrue();
      assertThat(
              registry
                  .tool("openapi.addSource")
                  .orElseThrow()
                  .annotations()
                  .toJson()
                  .path("openWorldHint")
                  .asBoolean())
          .isTrue();
    }
    assertThat(ToolAnnotations.forLocal(true, false).openWorldHint()).isFalse();
  }

  @Test
  void storedHintsOfAnHttpOperationFollowItsMethodWhenRead() {
    // as an earlier version stored a PUT: not destructive, no openWorldHint
    ToolAnnotations read =
        ToolAnnotations.fromJson(
            Json.parse(
                """
        {"requiresApproval": false, "method": "PUT", "pathTemplate": "/a", "readOnlyHint": false,
         "destructiveHint": false, "idempotentHint": true}"""));

    assertThat(read.destructiveHint()).isTrue();
    assertThat(read.openWorldHint()).isTrue();
    assertThat(read.requiresApproval()).as("the approval a rule decided is kept").isFalse();
    assertThat(read.method()).isEqualTo("put");
  }

  @Test
  void writtenAndReadBackTheyAreEqual() {
    ToolAnnotations local = ToolAnnotations.forLocal(false, true, true);
    ToolAnnotations http = ToolAnnotations.forHttp("delete", "/x/{id}");

    assertThat(ToolAnnotations.fromJson(local.toJson())).isEqualTo(local);
    assertThat(ToolAnnotations.fromJson(http.toJson())).isEqualTo(http);
  }
}

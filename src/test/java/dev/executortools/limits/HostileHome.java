package dev.executortools.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/** A home directory the hostile-document tests add to, and the check that it still works. */
final class HostileHome {
  static final String SMALL_SPEC =
      """
      openapi: 3.0.0
      info: {title: Small, version: '1'}
      paths:
        /ping:
          get:
            operationId: ping
            responses: {'200': {description: ok}}
      """;

  private HostileHome() {}

  static ToolRegistry open(Path home) {
    return ToolRegistry.builder().home(home).approvals(ApprovalHandler.APPROVE_ALL).build();
  }

  static ToolResult call(Path home, String tool, ObjectNode args) {
    try (ToolRegistry registry = open(home)) {
      return registry.call(tool, args);
    }
  }

  static ObjectNode spec(String text) {
    return Json.object().put("spec", text);
  }

  static ObjectNode add(String text, String namespace) {
    return spec(text).put("namespace", namespace);
  }

  /** A new process's view: every listing works, and a source can still be added and removed. */
  static void assertUsable(Path home) {
    try (ToolRegistry registry = open(home)) {
      assertThat(registry.tools()).extracting(t -> t.id()).contains("openapi.addSource");
      registry.sources();
      ToolResult added = registry.call("openapi.addSource", add(SMALL_SPEC, "small_check"));
      assertThat(added.ok()).as("adding a small spec afterwards: %s", added).isTrue();
      assertThat(added.data().path("tools").toString()).contains("small_check.");
      assertThat(registry.removeSource("small_check").ok()).isTrue();
    }
  }
}

package dev.executortools.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Registries with one source added through {@code openapi.addSource}, as a caller would. */
final class Registries {
  private Registries() {}

  /**
   * An in-memory registry that approves everything and sees {@code environment} only. The loopback
   * upstreams stand in for public APIs, so private addresses are allowed.
   */
  static ToolRegistry registry(Map<String, String> environment) {
    return ToolRegistry.builder()
        .approvals(ApprovalHandler.APPROVE_ALL)
        .environment(environment)
        .allowPrivateNetwork(true)
        .build();
  }

  /** Adds the corpus spec {@code file} under {@code namespace}, calling {@code baseUrl}. */
  static ToolRegistry corpus(String file, String namespace, String baseUrl) {
    // the corpus's AWS spec signs its calls: example AWS credentials, as a user's would be
    ToolRegistry registry =
        registry(
            Map.of("AWS_ACCESS_KEY_ID", "AKIDCORPUS", "AWS_SECRET_ACCESS_KEY", "corpus-secret"));
    add(
        registry,
        Corpus.read(file),
        Json.object().put("namespace", namespace).put("baseUrl", baseUrl));
    return registry;
  }

  /** A fresh registry with {@code spec} added; {@code options} are the other addSource fields. */
  static ToolRegistry withSource(String spec, ObjectNode options) {
    ToolRegistry registry = registry(Map.of());
    add(registry, spec, options);
    return registry;
  }

  static JsonNode add(ToolRegistry registry, String spec, ObjectNode options) {
    ObjectNode args = options.deepCopy();
    args.put("spec", spec);
    ToolResult added = registry.call("openapi.addSource", args);
    assertThat(added.ok()).as("addSource: %s", added).isTrue();
    return added.data();
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }
}

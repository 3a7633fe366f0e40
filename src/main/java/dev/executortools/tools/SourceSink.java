package dev.executortools.tools;

import dev.executortools.ToolResult;
import tools.jackson.databind.JsonNode;

/** Where {@code openapi.addSource} puts a new source: the registry that owns the tools. */
public interface SourceSink {
  /**
   * Compiles and registers a loaded document under a namespace.
   *
   * @param arguments the validated addSource arguments (baseUrl, headers, queryParams, name...)
   * @param specUrl the URL the document came from, or null for inline text
   */
  ToolResult add(
      String namespace,
      JsonNode arguments,
      dev.executortools.parse.SpecDocument document,
      String specUrl,
      String specText,
      boolean replace);
}

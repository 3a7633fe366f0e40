package dev.executortools.tools;

import dev.executortools.ToolResult;

/** Where {@code openapi.addSource} puts a new source: the registry that owns the tools. */
public interface SourceSink {
  /**
   * Compiles and registers a loaded document.
   *
   * @param namespace the request's namespace, or the one derived from the document's title
   */
  ToolResult add(SourceRequest request, String namespace, SpecLoader.Loaded loaded);
}

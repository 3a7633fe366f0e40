package dev.executortools.compile;

import java.util.List;

/** Every tool of one document, sorted by id, and what the compiler noticed on the way. */
public record CompiledSource(
    String sourceId,
    String title,
    String version,
    List<CompiledTool> tools,
    List<String> warnings) {

  public CompiledSource {
    tools = List.copyOf(tools);
    warnings = List.copyOf(warnings);
  }

  public List<String> toolIds() {
    return tools.stream().map(t -> t.tool().id()).toList();
  }
}

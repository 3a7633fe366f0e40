package dev.executortools.tools;

import dev.executortools.Tool;
import dev.executortools.ToolResult;
import tools.jackson.databind.JsonNode;

/** A tool the plugin runs itself (no HTTP operation behind it). Arguments arrive validated. */
public interface LocalTool {
  /** The tool's id, known without building its descriptor. */
  String id();

  /** Its id, name, description and schemas. */
  Tool descriptor();

  ToolResult run(JsonNode arguments);
}

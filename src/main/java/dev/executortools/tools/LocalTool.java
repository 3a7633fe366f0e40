package dev.executortools.tools;

import dev.executortools.Tool;
import dev.executortools.ToolResult;
import tools.jackson.databind.JsonNode;

/** A tool the plugin runs itself (no HTTP operation behind it). Arguments arrive validated. */
public interface LocalTool {
  Tool descriptor();

  ToolResult run(JsonNode arguments);
}

package dev.executortools.cli;

import dev.executortools.Tool;
import dev.executortools.internal.Json;
import tools.jackson.databind.node.ObjectNode;

/** A tool as {@code tools list} shows it without {@code --schemas}: who it is and what it does. */
final class ToolListing {
  private ToolListing() {}

  static ObjectNode withoutSchemas(Tool tool) {
    ObjectNode json = Json.object();
    json.put("id", tool.id());
    json.put("name", tool.name());
    json.put("source", tool.source());
    json.put("description", tool.description());
    json.set("annotations", tool.annotations().toJson());
    return json;
  }
}

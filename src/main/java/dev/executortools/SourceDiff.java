package dev.executortools;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What a refresh changed: tool ids added, removed, and changed (schema, binding or text). */
final class SourceDiff {
  private SourceDiff() {}

  static ObjectNode between(String namespace, List<CompiledTool> before, List<CompiledTool> after) {
    Map<String, CompiledTool> old = byId(before);
    Map<String, CompiledTool> now = byId(after);
    ObjectNode data = Json.object();
    data.put("sourceId", namespace);
    data.put("toolCount", after.size());
    ArrayNode added = data.putArray("added");
    ArrayNode removed = data.putArray("removed");
    ArrayNode changed = data.putArray("changed");
    now.forEach((id, tool) -> {
      CompiledTool previous = old.get(id);
      if (previous == null) {
        added.add(id);
      } else if (!sameJson(previous.tool().toJson(), tool.tool().toJson())
          || !sameJson(Json.MAPPER.valueToTree(previous.binding()), Json.MAPPER.valueToTree(tool.binding()))) {
        changed.add(id);
      }
    });
    old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removed::add);
    return data;
  }

  /** Compared as JSON text: a reloaded tool holds the same numbers in other node types. */
  private static boolean sameJson(JsonNode a, JsonNode b) {
    return Json.write(a).equals(Json.write(b));
  }

  private static Map<String, CompiledTool> byId(List<CompiledTool> tools) {
    Map<String, CompiledTool> map = new TreeMap<>();
    tools.forEach(t -> map.put(t.tool().id(), t));
    return map;
  }
}

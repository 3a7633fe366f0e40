package dev.executortools.mcp;

import dev.executortools.internal.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The arguments as an approval question shows them: every name, each long string cut on its own (so
 * padding in one value cannot push another out of view), long arrays and deep nesting elided, and
 * the whole bounded.
 */
final class ApprovalArguments {
  static final int MAX_STRING = 200;
  static final int MAX_ITEMS = 20;
  static final int MAX_DEPTH = 6;
  static final int MAX_CHARS = 4_000;

  private ApprovalArguments() {}

  static String shown(JsonNode arguments) {
    String text = Json.write(cut(arguments, 0));
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
  }

  private static JsonNode cut(JsonNode value, int depth) {
    if (value.isString()) {
      String s = value.stringValue();
      return s.length() <= MAX_STRING
          ? value
          : StringNode.valueOf(
              s.substring(0, MAX_STRING) + "…(" + (s.length() - MAX_STRING) + " more characters)");
    }
    if (value.isContainer() && depth >= MAX_DEPTH) {
      return StringNode.valueOf(
          "…(" + value.size() + (value.isArray() ? " items)" : " properties)"));
    }
    if (value.isArray()) {
      ArrayNode out = Json.array();
      for (int i = 0; i < Math.min(value.size(), MAX_ITEMS); i++)
        out.add(cut(value.get(i), depth + 1));
      if (value.size() > MAX_ITEMS) out.add("…(" + (value.size() - MAX_ITEMS) + " more items)");
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String name =
            field.getKey().length() <= MAX_STRING
                ? field.getKey()
                : field.getKey().substring(0, MAX_STRING) + "…";
        out.set(name, cut(field.getValue(), depth + 1));
      }
      return out;
    }
    return value;
  }
}

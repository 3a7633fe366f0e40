package dev.executortools.bind;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** How argument values read as text: strings as they are, everything else as its JSON text. */
final class Values {
  private Values() {}

  /** True when the argument is absent or JSON null: the parameter is not sent. */
  static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  /** A string's own text; {@code true}/{@code false}; numbers and containers as JSON text. */
  static String text(JsonNode value) {
    if (isAbsent(value)) return "";
    if (value.isString()) return value.stringValue();
    if (value.isBoolean()) return value.booleanValue() ? "true" : "false";
    if (value.isInt() || value.isLong()) return Long.toString(value.longValue());
    return Json.write(value);
  }

  /** An array's elements as text, nulls left out. */
  static List<String> elements(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : array) {
      if (!isAbsent(element)) out.add(text(element));
    }
    return out;
  }

  /** An object's properties as (name, text), nulls left out. */
  static List<Map.Entry<String, String>> entries(JsonNode object) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (!isAbsent(entry.getValue())) out.add(Map.entry(entry.getKey(), text(entry.getValue())));
    }
    return out;
  }

  /** True for an empty array or object, which RFC 6570 treats as undefined. */
  static boolean isEmptyContainer(JsonNode value) {
    return value.isContainer() && value.isEmpty();
  }

  static boolean hasLineBreak(String text) {
    return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
  }
}

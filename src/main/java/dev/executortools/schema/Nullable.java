package dev.executortools.schema;

import dev.executortools.internal.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAPI 3.0's {@code nullable: true} in JSON Schema terms, applied to an already translated
 * schema: {@code null} joins the {@code type} (and the {@code enum}); a schema whose meaning comes
 * from {@code $ref} or a combinator becomes {@code anyOf: [schema, {"type": "null"}]}.
 */
final class Nullable {
  private static final List<String> COMBINATORS = List.of("$ref", "allOf", "anyOf", "oneOf");

  /** Kept on the outside when a schema is wrapped: they describe the value, null or not. */
  private static final List<String> ANNOTATIONS =
      List.of(
          "title",
          "description",
          "default",
          "examples",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$comment");

  private Nullable() {}

  static ObjectNode apply(ObjectNode schema) {
    if (COMBINATORS.stream().anyMatch(schema::has)) return wrap(schema);
    if (schema.has("type")) schema.set("type", withNull(schema.get("type")));
    if (schema.has("const")) {
      ArrayNode values = Json.array().add(schema.get("const"));
      schema.remove("const");
      schema.set("enum", values);
    }
    if (schema.has("enum") && !containsNull(schema.get("enum"))) {
      ArrayNode values = Json.array().addAll((ArrayNode) schema.get("enum"));
      schema.set("enum", values.addNull());
    }
    return schema;
  }

  private static ObjectNode wrap(ObjectNode schema) {
    ObjectNode outer = Json.object();
    ObjectNode inner = Json.object();
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      (ANNOTATIONS.contains(entry.getKey()) ? outer : inner).set(entry.getKey(), entry.getValue());
    }
    ObjectNode nullType = Json.object().put("type", "null");
    if (inner.size() == 1 && inner.has("anyOf")) {
      ArrayNode options = Json.array().addAll((ArrayNode) inner.get("anyOf"));
      outer.set("anyOf", options.add(nullType));
    } else {
      outer.set("anyOf", Json.array().add(inner).add(nullType));
    }
    return outer;
  }

  private static JsonNode withNull(JsonNode type) {
    if (type.isString()) {
      if (type.stringValue().equals("null")) return type;
      return Json.array().add(type.stringValue()).add("null");
    }
    ArrayNode types = (ArrayNode) type;
    for (JsonNode item : types) {
      if (item.isString() && item.stringValue().equals("null")) return types;
    }
    return Json.array().addAll(types).add(JsonNodeFactory.instance.stringNode("null"));
  }

  private static boolean containsNull(JsonNode values) {
    for (JsonNode value : values) {
      if (value.isNull()) return true;
    }
    return false;
  }
}

package dev.executortools.testing;

import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Minimal arguments for a tool's input schema: required properties only, each the least value its
 * schema allows (its {@code const}, first {@code enum} member, a value of its format, the shortest
 * string, the smallest number). {@code choice} picks the branch of every {@code oneOf} / {@code
 * anyOf}, so a caller can try the next one when validation refuses the first.
 */
public final class ArgumentGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 16;

  private final JsonNode root;
  private final int choice;

  private ArgumentGenerator(JsonNode root, int choice) {
    this.root = root;
    this.choice = choice;
  }

  public static JsonNode arguments(JsonNode inputSchema, int choice) {
    return new ArgumentGenerator(inputSchema, choice).value(inputSchema, 0);
  }

  private JsonNode resolve(JsonNode schema) {
    for (int hops = 0; schema != null && schema.has("$ref") && hops < 32; hops++) {
      String ref = schema.path("$ref").stringValue("");
      if (!ref.startsWith("#/")) return Json.object();
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) return Json.object();
      if (schema.size() == 1) {
        schema = target;
      } else { // $ref beside other keywords (2020-12): both apply
        ObjectNode merged = ((ObjectNode) schema).deepCopy();
        merged.remove("$ref");
        schema = Json.object().set("allOf", Json.array().add(target).add(merged));
      }
    }
    return schema == null ? Json.object() : schema;
  }

  private JsonNode value(JsonNode raw, int depth) {
    JsonNode schema = resolve(raw);
    if (schema.isBoolean()) return NODES.nullNode();
    if (schema.has("const")) return schema.get("const");
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty())
      return schema.path("enum").get(0);
    for (String union : new String[] {"oneOf", "anyOf"}) {
      JsonNode branches = schema.path(union);
      if (branches.isArray() && !branches.isEmpty()) {
        List<JsonNode> usable = new ArrayList<>();
        for (JsonNode branch : branches) {
          if (!"null".equals(resolve(branch).path("type").stringValue(""))) usable.add(branch);
        }
        if (usable.isEmpty()) return NODES.nullNode();
        return value(usable.get(choice % usable.size()), depth + 1);
      }
    }
    if (schema.path("allOf").isArray()) return allOf(schema, depth);
    String type = type(schema);
    if (depth > MAX_DEPTH)
      return "array".equals(type)
          ? Json.array()
          : "object".equals(type) ? Json.object() : NODES.nullNode();
    return switch (type) {
      case "object" -> object(schema, List.of(schema), depth);
      case "array" -> array(schema, depth);
      case "integer" -> NODES.numberNode(number(schema).longValue());
      case "number" -> NODES.numberNode(number(schema));
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> NODES.stringNode(string(schema));
    };
  }

  /**
   * allOf: an object satisfying every part (the parts of real specs are objects), else the first
   * part.
   */
  private JsonNode allOf(JsonNode schema, int depth) {
    List<JsonNode> parts = new ArrayList<>();
    collectParts(schema, parts, 0);
    boolean objects = parts.stream().anyMatch(p -> p.has("properties") || "object".equals(type(p)));
    if (objects) return object(schema, parts, depth);
    for (JsonNode part : parts) {
      if (part != schema && !type(part).equals("any")) return value(part, depth + 1);
    }
    return NODES.stringNode("x");
  }

  private void collectParts(JsonNode schema, List<JsonNode> parts, int depth) {
    JsonNode resolved = resolve(schema);
    parts.add(resolved);
    if (depth < MAX_DEPTH) {
      for (JsonNode part : resolved.path("allOf")) collectParts(part, parts, depth + 1);
    }
  }

  private JsonNode object(JsonNode schema, List<JsonNode> parts, int depth) {
    ObjectNode out = Json.object();
    Set<String> required = new LinkedHashSet<>();
    for (JsonNode part : parts) part.path("required").forEach(r -> required.add(r.stringValue("")));
    for (String name : required) {
      JsonNode property = null;
      for (JsonNode part : parts) {
        JsonNode candidate = part.path("properties").get(name);
        if (candidate != null) property = candidate;
      }
      out.set(name, property == null ? NODES.stringNode("x") : value(property, depth + 1));
    }
    return out;
  }

  private JsonNode array(JsonNode schema, int depth) {
    ArrayNode out = Json.array();
    int min = schema.path("minItems").asInt(0);
    JsonNode items = schema.get("items");
    for (int i = 0; i < min; i++)
      out.add(items == null ? NODES.stringNode("x" + i) : value(items, depth + 1));
    return out;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isString()) return type.stringValue();
    if (type != null && type.isArray()) {
      for (JsonNode t : type) if (!"null".equals(t.stringValue(""))) return t.stringValue("");
      return "null";
    }
    if (schema.has("properties") || schema.has("required")) return "object";
    if (schema.has("items")) return "array";
    return "any";
  }

  private static java.math.BigDecimal number(JsonNode schema) {
    java.math.BigDecimal value = java.math.BigDecimal.ONE;
    if (schema.path("minimum").isNumber()) value = schema.path("minimum").decimalValue();
    if (schema.path("exclusiveMinimum").isNumber())
      value = schema.path("exclusiveMinimum").decimalValue().add(java.math.BigDecimal.ONE);
    if (schema.path("maximum").isNumber()
        && value.compareTo(schema.path("maximum").decimalValue()) > 0) {
      value = schema.path("maximum").decimalValue();
    }
    if (schema.path("multipleOf").isNumber()) value = schema.path("multipleOf").decimalValue();
    return value;
  }

  private static String string(JsonNode schema) {
    String format = schema.path("format").stringValue("");
    String value =
        switch (format) {
          case "date-time" -> "2020-01-01T00:00:00Z";
          case "date" -> "2020-01-01";
          case "time" -> "00:00:00Z";
          case "uri", "url", "uri-reference", "iri" -> "https://example.com/";
          case "email" -> "a@example.com";
          case "uuid" -> "00000000-0000-0000-0000-000000000000";
          case "ipv4" -> "127.0.0.1";
          case "ipv6" -> "::1";
          case "hostname" -> "example.com";
          case "byte", "binary" -> "AAAA";
          default -> "x";
        };
    if ("base64".equals(schema.path("contentEncoding").stringValue(""))) value = "AAAA";
    int min = schema.path("minLength").asInt(0);
    if (value.length() < min) value = value + "x".repeat(min - value.length());
    return value;
  }
}

package dev.executortools.bind;

import dev.executortools.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * Reads the raw OpenAPI schema of a body or property for what the encoders need. References are not
 * resolved here: a {@code $ref} schema says nothing, and the argument's own shape decides.
 */
final class BinarySchemas {
  private BinarySchemas() {}

  /**
   * True when the schema describes file content: {@code format: binary}, a {@code contentEncoding},
   * or a non-text {@code contentMediaType}.
   */
  static boolean isBinary(JsonNode schema) {
    if (schema == null || !schema.isObject()) return false;
    if ("binary".equals(Json.text(schema, "format"))) return true;
    if (Json.text(schema, "contentEncoding") != null) return true;
    String mediaType = Json.text(schema, "contentMediaType");
    return mediaType != null && MediaTypes.isBinary(mediaType);
  }

  /** The schema of property {@code name} of an object schema, or null. */
  static JsonNode property(JsonNode schema, String name) {
    JsonNode properties = schema == null ? null : schema.get("properties");
    JsonNode property = properties == null ? null : properties.get(name);
    return property != null && property.isObject() ? property : null;
  }

  /** The {@code items} schema of an array schema, or null. */
  static JsonNode items(JsonNode schema) {
    JsonNode items = schema == null ? null : schema.get("items");
    return items != null && items.isObject() ? items : null;
  }
}

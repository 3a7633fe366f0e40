package dev.executortools.search;

import tools.jackson.databind.JsonNode;

/** The definitions a tool's schema refers to: {@code {"$ref": "#/$defs/<name>"}}. */
final class Defs {
  private static final String PREFIX = "#/$defs/";

  private Defs() {}

  /**
   * What {@code schema} refers to among {@code root}'s {@code $defs} (a missing node when no such
   * definition is there), or {@code schema} itself when it is no such reference.
   */
  static JsonNode follow(JsonNode root, JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    if (!ref.startsWith(PREFIX)) return schema;
    return root.path("$defs").path(ref.substring(PREFIX.length()));
  }
}

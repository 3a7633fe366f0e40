package dev.executortools.awsapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads a schema the way AWS's serializers read a shape: {@code $ref}s followed into the root's
 * {@code $defs} (an {@link AwsWireShapes wire shape}, or a tool's input schema), {@code allOf}
 * taken by its part with a shape, and what OpenAPI's {@code xml} object says of a member.
 */
final class WireSchema {
  private final JsonNode defs;

  WireSchema(JsonNode root) {
    this.defs = root == null ? MissingNode.getInstance() : root.path("$defs");
  }

  /** The schema with its {@code $ref}s followed and its {@code allOf} reduced to its shape. */
  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int depth = 0; depth < 32 && current != null && !current.isMissingNode(); depth++) {
      if (current.has("$ref")) {
        String ref = current.path("$ref").asString("");
        current = ref.startsWith("#/$defs/") ? defs.path(ref.substring("#/$defs/".length())) : null;
      } else if (current.has("allOf")) {
        JsonNode withShape = null;
        for (JsonNode part : current.path("allOf")) {
          if (withShape == null
              && (part.has("$ref") || part.has("properties") || part.has("items"))) {
            withShape = part;
          }
        }
        current = withShape;
      } else {
        return current;
      }
    }
    return MissingNode.getInstance();
  }

  /** A member's name on the wire: its {@code xml.name} (AWS's locationName), else {@code name}. */
  static String name(JsonNode member, String name) {
    JsonNode xml = member == null ? null : member.path("xml").path("name");
    return xml != null && xml.isString() && !xml.asString().isEmpty() ? xml.asString() : name;
  }

  /**
   * Whether a member's list or map is flattened ({@code xml.wrapped: false} on it or its shape).
   */
  boolean flattened(JsonNode member) {
    return member != null
        && (!member.path("xml").path("wrapped").asBoolean(true)
            || !resolve(member).path("xml").path("wrapped").asBoolean(true));
  }

  /** Whether a member is an XML attribute of its parent ({@code xml.attribute: true}). */
  static boolean attribute(JsonNode member) {
    return member != null && member.path("xml").path("attribute").asBoolean(false);
  }

  static boolean isMap(JsonNode resolved) {
    return resolved.path("properties").isEmpty()
        && resolved.path("additionalProperties").isObject();
  }
}

package dev.executortools.parse;

import dev.executortools.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Refuses {@code $ref}s that leave the document (files, URLs): reading them would let a spec from
 * the internet make the plugin open local files or call arbitrary hosts.
 */
final class RefPolicy {
  private RefPolicy() {}

  /**
   * Keys whose value maps names chosen by the author to schemas or other objects: under them, a key
   * spelled {@code example}, {@code default} or {@code x-data} is a name (a property, a schema),
   * not a keyword, and its value is checked like any other.
   */
  private static final Set<String> NAME_MAPS =
      Set.of(
          "properties",
          "patternProperties",
          "$defs",
          "definitions",
          "dependentSchemas",
          "schemas",
          "parameters",
          "responses",
          "requestBodies",
          "headers",
          "securitySchemes",
          "links",
          "callbacks",
          "pathItems",
          "paths",
          "webhooks",
          "content",
          "encoding",
          "variables");

  private record Pending(JsonNode node, boolean namesKeys) {}

  static void requireLocalRefs(JsonNode root) throws SpecException {
    Deque<Pending> pending = new ArrayDeque<>();
    // YAML aliases share nodes; a node is walked once as a name map and once as a keyword object.
    Map<JsonNode, Boolean> seenAsNames = new IdentityHashMap<>();
    Map<JsonNode, Boolean> seenAsKeywords = new IdentityHashMap<>();
    pending.push(new Pending(root, false));
    while (!pending.isEmpty()) {
      Pending next = pending.pop();
      JsonNode node = next.node();
      if (!node.isContainer()) continue;
      if ((next.namesKeys() ? seenAsNames : seenAsKeywords).put(node, Boolean.TRUE) != null)
        continue;
      JsonNode ref = node.isObject() ? node.get("$ref") : null;
      if (ref != null && ref.isString() && !ref.stringValue().startsWith("#")) {
        throw new SpecException(
            ErrorCode.UNSAFE_REFERENCE,
            "external $ref refused: "
                + abbreviate(ref.stringValue())
                + " (only references inside the document, starting with '#', are followed)");
      }
      if (node.isArray()) {
        for (JsonNode child : node) pending.push(new Pending(child, false));
        continue;
      }
      for (var field : node.properties()) {
        String key = field.getKey();
        if (next.namesKeys() || !isLiteralValue(key)) {
          pending.push(new Pending(field.getValue(), !next.namesKeys() && NAME_MAPS.contains(key)));
        }
      }
    }
  }

  /**
   * Keys whose values are data, where a {@code $ref} key is just data (GitHub's examples have
   * some).
   */
  static boolean isLiteralValue(String key) {
    return key.equals("example")
        || key.equals("examples")
        || key.equals("default")
        || key.equals("enum")
        || key.equals("const")
        || key.startsWith("x-");
  }

  private static String abbreviate(String value) {
    String oneLine = value.replaceAll("[\\p{Cntrl}]", "?");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }
}

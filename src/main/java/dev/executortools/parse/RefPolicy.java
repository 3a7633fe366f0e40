package dev.executortools.parse;

import dev.executortools.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Refuses {@code $ref}s that leave the document (files, URLs): reading them would let a spec from
 * the internet make the plugin open local files or call arbitrary hosts.
 */
final class RefPolicy {
  private RefPolicy() {}

  static void requireLocalRefs(JsonNode root) throws SpecException {
    Deque<JsonNode> pending = new ArrayDeque<>();
    Map<JsonNode, Boolean> seen = new IdentityHashMap<>(); // YAML aliases share nodes
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (!node.isContainer() || seen.put(node, Boolean.TRUE) != null) continue;
      JsonNode ref = node.isObject() ? node.get("$ref") : null;
      if (ref != null && ref.isString() && !ref.stringValue().startsWith("#")) {
        throw new SpecException(ErrorCode.UNSAFE_REFERENCE,
            "external $ref refused: " + abbreviate(ref.stringValue())
                + " (only references inside the document, starting with '#', are followed)");
      }
      if (node.isArray()) {
        for (JsonNode child : node) pending.push(child);
        continue;
      }
      for (var field : node.properties()) {
        if (!isLiteralValue(field.getKey())) pending.push(field.getValue());
      }
    }
  }

  /** Keys whose values are data, where a {@code $ref} key is just data (GitHub's examples have some). */
  static boolean isLiteralValue(String key) {
    return key.equals("example") || key.equals("examples") || key.equals("default")
        || key.equals("enum") || key.equals("const") || key.startsWith("x-");
  }

  private static String abbreviate(String value) {
    String oneLine = value.replaceAll("[\\p{Cntrl}]", "?");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }
}

package dev.executortools.registry;

import dev.executortools.compile.CompiledTool;
import dev.executortools.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A digest of each compiled tool (descriptor and binding, as JSON text) for telling what a refresh
 * changed without holding the old tools. A schema's {@code $defs} enters as a digest of its
 * members, each member digested once per instance: the tools of a Microsoft Graph source share a
 * few thousand defs, which written out per tool would be gigabytes. One instance serves one
 * refresh, on one thread.
 */
final class ToolFingerprints {
  private static final String DEFS = "$defs";

  private final Map<JsonNode, String> members = new IdentityHashMap<>();
  private final MessageDigest sha = sha256();

  String of(CompiledTool compiled) {
    ObjectNode tool =
        compiled.toolJson(
            schema ->
                schema.get(DEFS) instanceof ObjectNode defs
                    ? withDefsDigested(schema, defs)
                    : schema);
    return digest(
        Json.write(tool) + "\n" + Json.write(Json.MAPPER.valueToTree(compiled.binding())));
  }

  private ObjectNode withDefsDigested(ObjectNode schema, ObjectNode defs) {
    StringBuilder entries = new StringBuilder();
    for (Map.Entry<String, JsonNode> member : defs.properties()) {
      String digest = members.computeIfAbsent(member.getValue(), m -> digest(Json.write(m)));
      String name = member.getKey();
      entries.append(name.length()).append(':').append(name).append(digest);
    }
    ObjectNode copy = Json.object();
    schema.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
    copy.put(DEFS, digest(entries.toString()));
    return copy;
  }

  private String digest(String text) {
    return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package dev.executortools.parse;

import dev.executortools.internal.Json;
import java.util.List;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A parsed OpenAPI 3.x document as a JSON tree (Swagger 2.0 input arrives here converted).
 *
 * @param declaredVersion the {@code openapi} or {@code swagger} field of the input, e.g. {@code
 *     2.0}
 * @param warnings things the reader noticed but accepted (conversion notes, ignored content)
 */
public record SpecDocument(JsonNode root, String declaredVersion, List<String> warnings) {

  public SpecDocument {
    warnings = List.copyOf(warnings);
  }

  /** True when schemas are JSON Schema 2020-12 already (OpenAPI 3.1). */
  public boolean isOpenApi31() {
    String version = Json.text(root, "openapi");
    return version != null && version.startsWith("3.1");
  }

  public String title() {
    return Json.text(root.path("info"), "title");
  }

  /** {@code info.version}; an unquoted YAML number ({@code version: 1.0}) counts as its text. */
  public String version() {
    JsonNode version = root.path("info").get("version");
    return version != null && version.isValueNode() && !version.isNull()
        ? version.asString()
        : null;
  }

  /**
   * The node a local reference points at ({@code #/components/schemas/Pet}), or null when the
   * reference is not local or points nowhere.
   */
  public JsonNode resolve(String ref) {
    if (ref == null || !ref.startsWith("#")) return null;
    String pointer = ref.substring(1);
    if (pointer.isEmpty()) return root;
    try {
      JsonNode node = root.at(JsonPointer.compile(decodePercent(pointer)));
      return node.isMissingNode() ? null : node;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Follows {@code $ref} chains (as used for parameters, request bodies, responses) to the first
   * node without one; null on a dangling or circular chain.
   */
  public JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && hops < 32; hops++) {
      String ref = Json.text(current, "$ref");
      if (ref == null) return current;
      current = resolve(ref);
    }
    return null;
  }

  private static String decodePercent(String pointer) {
    if (pointer.indexOf('%') < 0) return pointer;
    return java.net.URLDecoder.decode(
        pointer.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}

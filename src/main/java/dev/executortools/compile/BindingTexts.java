package dev.executortools.compile;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.internal.Limits;
import dev.executortools.schema.Descriptions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool's binding as it is kept: its parameters and body with their descriptions cut as the schema
 * shows them, and in their raw schemas every {@code description} or {@code title} longer than
 * {@link Limits#MAX_DESCRIPTION_CHARS} cut too; a call reads none of them. Each tool stores its own
 * binding, so a parameter that 1,500 operations reference would otherwise be written 1,500 times
 * whole. Texts within the limit are kept as they are (the same instances), as is a schema without a
 * longer one; a schema that has one is copied once and shared by every tool that uses it. One
 * instance serves one compile, on one thread.
 */
final class BindingTexts {
  private static final Set<String> TEXT_KEYWORDS = Set.of("description", "title");

  /** Values taken as they are, whatever keys they hold: they are data, not schemas. */
  private static final Set<String> DATA_KEYWORDS =
      Set.of("enum", "const", "default", "example", "examples", "x-example");

  private final Descriptions descriptions;
  private final Map<JsonNode, JsonNode> cutSchemas = new IdentityHashMap<>();

  BindingTexts(Descriptions descriptions) {
    this.descriptions = descriptions;
  }

  Param param(Param p) {
    String description = descriptions.cut(p.description());
    JsonNode schema = schema(p.schema());
    if (description == p.description() && schema == p.schema()) return p;
    return new Param(
        p.name(),
        p.location(),
        p.required(),
        description,
        p.deprecated(),
        schema,
        p.style(),
        p.explode(),
        p.allowReserved(),
        p.contentType());
  }

  RequestBodySpec body(RequestBodySpec body) {
    if (body == null) return null;
    String description = descriptions.cut(body.description());
    boolean same = description == body.description();
    List<MediaTypeSpec> types = new ArrayList<>(body.mediaTypes().size());
    for (MediaTypeSpec type : body.mediaTypes()) {
      JsonNode schema = schema(type.schema());
      same &= schema == type.schema();
      types.add(
          schema == type.schema()
              ? type
              : new MediaTypeSpec(type.mediaType(), schema, type.encoding()));
    }
    return same ? body : new RequestBodySpec(body.required(), description, types);
  }

  /** {@code raw} with its long texts cut: the same node when it has none. */
  private JsonNode schema(JsonNode raw) {
    if (raw == null || !raw.isContainer()) return raw;
    JsonNode known = cutSchemas.get(raw);
    if (known != null) return known;
    JsonNode cut = hasLongText(raw, 0) ? copyCut(raw, 0) : raw;
    cutSchemas.put(raw, cut);
    return cut;
  }

  private static boolean hasLongText(JsonNode node, int depth) {
    if (depth > Limits.MAX_DEPTH) return false;
    for (Map.Entry<String, JsonNode> member : members(node)) {
      JsonNode value = member.getValue();
      if (node.isObject() && DATA_KEYWORDS.contains(member.getKey())) continue;
      if (node.isObject() && TEXT_KEYWORDS.contains(member.getKey()) && isLong(value)) return true;
      if (value.isContainer() && hasLongText(value, depth + 1)) return true;
    }
    return false;
  }

  private JsonNode copyCut(JsonNode node, int depth) {
    if (!node.isContainer() || depth > Limits.MAX_DEPTH) return node;
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode item : node) copy.add(copyCut(item, depth + 1));
      return copy;
    }
    ObjectNode copy = ((ObjectNode) node).objectNode();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String key = member.getKey();
      JsonNode value = member.getValue();
      if (DATA_KEYWORDS.contains(key)) copy.set(key, value);
      else if (TEXT_KEYWORDS.contains(key) && isLong(value))
        copy.put(key, descriptions.cut(value.stringValue()));
      else copy.set(key, copyCut(value, depth + 1));
    }
    return copy;
  }

  private static boolean isLong(JsonNode value) {
    return value.isString() && value.stringValue().length() > Limits.MAX_DESCRIPTION_CHARS;
  }

  private static Iterable<Map.Entry<String, JsonNode>> members(JsonNode node) {
    if (node.isObject()) return node.properties();
    List<Map.Entry<String, JsonNode>> items = new ArrayList<>(node.size());
    for (JsonNode item : node) items.add(Map.entry("", item));
    return items;
  }
}

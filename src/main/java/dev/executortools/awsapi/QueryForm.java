package dev.executortools.awsapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The input of a query-protocol operation as the SDKs serialize it into a form: members in the
 * order of their shape (the tool schema's {@code properties}), structures as {@code A.B}, lists as
 * {@code A.member.N} ({@code A.N} for EC2), maps as {@code A.entry.N.key} / {@code .value}; every
 * name and value RFC 3986 encoded.
 */
final class QueryForm {
  private final JsonNode defs;
  private final boolean ec2;
  private final List<String> pairs = new ArrayList<>();

  private QueryForm(JsonNode defs, boolean ec2) {
    this.defs = defs;
    this.ec2 = ec2;
  }

  /**
   * @param schema the input schema of {@code value} (may use {@code #/$defs/...} of {@code
   *     toolSchema})
   */
  static String encode(JsonNode value, JsonNode schema, JsonNode toolSchema, boolean ec2) {
    QueryForm form = new QueryForm(toolSchema.path("$defs"), ec2);
    form.member("", value, schema);
    return String.join("&", form.pairs);
  }

  private void member(String name, JsonNode value, JsonNode schema) {
    if (value == null || value.isNull() || value.isMissingNode()) return;
    if (value.isObject()) {
      boolean map = isMap(schema);
      if (map) {
        int i = 1;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          String prefix = join(name, ec2 ? String.valueOf(i) : "entry." + i);
          add(prefix + ".key", entry.getKey());
          member(prefix + ".value", entry.getValue(), property(schema, null, true));
          i++;
        }
        return;
      }
      Set<String> order = new LinkedHashSet<>(propertyNames(schema));
      value.propertyNames().forEach(order::add);
      for (String property : order) {
        if (value.has(property)) {
          member(join(name, property), value.get(property), property(schema, property, false));
        }
      }
    } else if (value.isArray()) {
      if (value.isEmpty()) {
        add(name, "");
        return;
      }
      JsonNode items = resolve(schema).path("items");
      int i = 1;
      for (JsonNode element : value) {
        member(join(name, ec2 ? String.valueOf(i) : "member." + i), element, items);
        i++;
      }
    } else {
      add(name, value.asString());
    }
  }

  private void add(String name, String value) {
    pairs.add(SigV4Signer.encode(name, false) + "=" + SigV4Signer.encode(value, false));
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private boolean isMap(JsonNode schema) {
    JsonNode resolved = resolve(schema);
    return resolved.path("properties").isEmpty()
        && resolved.path("additionalProperties").isObject();
  }

  private List<String> propertyNames(JsonNode schema) {
    List<String> names = new ArrayList<>();
    JsonNode resolved = resolve(schema);
    resolved.path("properties").propertyNames().forEach(names::add);
    return names;
  }

  private JsonNode property(JsonNode schema, String name, boolean mapValue) {
    JsonNode resolved = resolve(schema);
    return mapValue
        ? resolved.path("additionalProperties")
        : resolved.path("properties").path(name);
  }

  /** The schema with its {@code $ref} followed and its {@code allOf} members merged. */
  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int depth = 0; depth < 32 && current != null; depth++) {
      if (current.has("$ref")) {
        String ref = current.path("$ref").asString("");
        current = ref.startsWith("#/$defs/") ? defs.path(ref.substring("#/$defs/".length())) : null;
      } else if (current.has("allOf")) {
        JsonNode withShape = null;
        Iterator<JsonNode> parts = current.path("allOf").iterator();
        while (parts.hasNext() && withShape == null) {
          JsonNode part = parts.next();
          if (part.has("$ref") || part.has("properties") || part.has("items")) withShape = part;
        }
        current = withShape;
      } else {
        return current;
      }
    }
    return tools.jackson.databind.node.MissingNode.getInstance();
  }
}

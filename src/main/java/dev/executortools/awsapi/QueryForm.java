package dev.executortools.awsapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The input of a query-protocol operation as the SDKs serialize it into a form (the AWS SDK for
 * Java v2's {@code QueryProtocolMarshaller}, botocore's {@code QuerySerializer}): members in the
 * order of their shape under their wire names ({@link WireSchema#name}), structures as {@code A.B},
 * lists as {@code A.member.N} ({@code A.N} when flattened), maps as {@code A.entry.N.key} / {@code
 * .value}, an empty list as {@code A=}; every name and value RFC 3986 encoded. EC2 ({@code
 * Ec2ProtocolMarshaller}, botocore's {@code EC2Serializer}): a member's name is its wire name with
 * a capital first letter, every list is {@code A.N}, an empty list is left out.
 */
final class QueryForm {
  private final WireSchema shapes;
  private final boolean ec2;
  private final List<String> pairs = new ArrayList<>();

  private QueryForm(JsonNode root, boolean ec2) {
    this.shapes = new WireSchema(root);
    this.ec2 = ec2;
  }

  /**
   * @param schema the schema of {@code value}
   * @param root the document {@code schema}'s {@code #/$defs/...} refer to
   */
  static String encode(JsonNode value, JsonNode schema, JsonNode root, boolean ec2) {
    return String.join("&", pairs("", value, schema, root, ec2));
  }

  /** The encoded {@code name=value} pairs of a member named {@code name} (a query parameter). */
  static List<String> pairs(
      String name, JsonNode value, JsonNode schema, JsonNode root, boolean ec2) {
    QueryForm form = new QueryForm(root, ec2);
    form.member(name, value, schema);
    return form.pairs;
  }

  private void member(String name, JsonNode value, JsonNode schema) {
    if (value == null || value.isNull() || value.isMissingNode()) return;
    JsonNode resolved = shapes.resolve(schema);
    if (value.isObject()) {
      if (WireSchema.isMap(resolved)) {
        String prefix = shapes.flattened(schema) ? name : join(name, "entry");
        int i = 1;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          add(join(prefix, i + ".key"), entry.getKey());
          member(
              join(prefix, i + ".value"), entry.getValue(), resolved.path("additionalProperties"));
          i++;
        }
        return;
      }
      Set<String> order = new LinkedHashSet<>();
      resolved.path("properties").propertyNames().forEach(order::add);
      value.propertyNames().forEach(order::add);
      for (String property : order) {
        if (!value.has(property)) continue;
        JsonNode member = resolved.path("properties").path(property);
        member(join(name, wireName(member, property)), value.get(property), member);
      }
    } else if (value.isArray()) {
      list(name, value, schema, resolved);
    } else {
      add(name, value.asString());
    }
  }

  private void list(String name, JsonNode value, JsonNode schema, JsonNode resolved) {
    if (value.isEmpty()) {
      if (!ec2) add(name, "");
      return;
    }
    JsonNode items = resolved.path("items");
    String prefix;
    if (ec2) {
      prefix = name;
    } else if (shapes.flattened(schema)) {
      // botocore: a flattened list's entries take its member's name in place of the list's
      int dot = name.lastIndexOf('.');
      String item = WireSchema.name(items, null);
      prefix = item == null ? name : (dot < 0 ? item : name.substring(0, dot + 1) + item);
    } else {
      prefix = join(name, WireSchema.name(items, "member"));
    }
    int i = 1;
    for (JsonNode element : value) {
      member(join(prefix, String.valueOf(i)), element, items);
      i++;
    }
  }

  private String wireName(JsonNode member, String property) {
    String name = WireSchema.name(member, property);
    if (!ec2 || name.isEmpty() || member.path("xml").path("name").isMissingNode()) return name;
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  private void add(String name, String value) {
    pairs.add(SigV4Signer.encode(name, false) + "=" + SigV4Signer.encode(value, false));
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}

package dev.executortools.awsapi;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of a REST-XML operation (S3, Route 53, CloudFront) built from a tool's {@code body}
 * argument and the operation's {@link AwsWireShapes wire shape}, as the SDKs send it: a structure
 * payload member ({@code CreateBucketConfiguration}) as the root element with the service's
 * namespace, members in shape order under their wire names, wrapped lists as {@code
 * <List><member>…</member></List>} and flattened ones as repeated elements, maps as {@code
 * <entry><key/><value/></entry>}; a string payload member ({@code PutObject}'s {@code Body}) as the
 * raw bytes; header-prefix maps ({@code x-amz-meta-}) as one header per entry.
 */
final class RestXmlBody {
  /** What the body argument puts on the wire: bytes (or null), their type, headers. */
  record Payload(byte[] body, String contentType, List<HttpHeader> headers) {}

  private final WireSchema shapes;
  private final StringBuilder xml = new StringBuilder();

  private RestXmlBody(JsonNode root) {
    this.shapes = new WireSchema(root);
  }

  static Payload encode(JsonNode body, JsonNode root) {
    RestXmlBody writer = new RestXmlBody(root);
    writer.xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    JsonNode shape = writer.shapes.resolve(root);
    List<HttpHeader> headers = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (String property : order(body, shape)) {
      JsonNode member = shape.path("properties").path(property);
      if (property.endsWith("-") && body.get(property).isObject()) {
        for (Map.Entry<String, JsonNode> entry : body.get(property).properties()) {
          headers.add(new HttpHeader(property + entry.getKey(), entry.getValue().asString()));
        }
      } else if (!body.get(property).isNull()) {
        members.add(property);
      }
    }
    if (members.isEmpty()) return new Payload(null, null, headers);
    if (members.size() == 1) {
      String name = members.get(0);
      JsonNode value = body.get(name);
      JsonNode member = shape.path("properties").path(name);
      if (!value.isObject() && !value.isArray()) {
        return new Payload(
            value.asString().getBytes(StandardCharsets.UTF_8), "application/octet-stream", headers);
      }
      String namespace = writer.shapes.resolve(member).path("xml").path("namespace").asString(null);
      if (namespace == null) namespace = root.path("xml").path("namespace").asString(null);
      writer.element(WireSchema.name(member, name), value, member, namespace);
    } else {
      String name = WireSchema.name(root, "Request");
      writer.element(name, body, root, root.path("xml").path("namespace").asString(null));
    }
    return new Payload(
        writer.xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml", headers);
  }

  private static Set<String> order(JsonNode value, JsonNode shape) {
    Set<String> order = new LinkedHashSet<>();
    shape
        .path("properties")
        .propertyNames()
        .forEach(
            p -> {
              if (value.has(p)) order.add(p);
            });
    value.propertyNames().forEach(order::add);
    return order;
  }

  private void element(String name, JsonNode value, JsonNode schema, String namespace) {
    JsonNode resolved = shapes.resolve(schema);
    xml.append('<').append(name);
    if (namespace != null) xml.append(" xmlns=\"").append(escape(namespace)).append('"');
    if (value.isObject() && !WireSchema.isMap(resolved)) {
      for (String property : order(value, resolved)) {
        JsonNode member = resolved.path("properties").path(property);
        if (WireSchema.attribute(member)) attribute(member, property, value.get(property));
      }
    }
    xml.append('>');
    if (value.isObject() && WireSchema.isMap(resolved)) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        xml.append("<entry><key>").append(escape(entry.getKey())).append("</key>");
        element("value", entry.getValue(), resolved.path("additionalProperties"), null);
        xml.append("</entry>");
      }
    } else if (value.isObject()) {
      for (String property : order(value, resolved)) {
        JsonNode member = resolved.path("properties").path(property);
        if (!WireSchema.attribute(member)) member(property, value.get(property), member);
      }
    } else if (value.isArray()) {
      JsonNode items = resolved.path("items");
      for (JsonNode item : value) element(WireSchema.name(items, "member"), item, items, null);
    } else {
      xml.append(escape(value.asString()));
    }
    xml.append("</").append(name).append('>');
  }

  private void member(String property, JsonNode value, JsonNode member) {
    if (value == null || value.isNull()) return;
    String name = WireSchema.name(member, property);
    if (value.isArray() && shapes.flattened(member)) {
      JsonNode items = shapes.resolve(member).path("items");
      for (JsonNode item : value) element(WireSchema.name(items, name), item, items, null);
    } else {
      element(name, value, member, null);
    }
  }

  /** An XML attribute ({@code xsi:type} of S3's {@code Grantee}), its namespace declared. */
  private void attribute(JsonNode member, String property, JsonNode value) {
    String name = WireSchema.name(member, property);
    String namespace = member.path("xml").path("namespace").asString(null);
    int colon = name.indexOf(':');
    if (namespace != null && colon > 0) {
      xml.append(" xmlns:").append(name, 0, colon).append("=\"").append(escape(namespace));
      xml.append('"');
    }
    xml.append(' ').append(name).append("=\"").append(escape(value.asString())).append('"');
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\r' -> out.append("&#xD;");
        case '\n' -> out.append("&#xA;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

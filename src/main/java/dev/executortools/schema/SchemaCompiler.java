package dev.executortools.schema;

import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Operation;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the operations of one document into tool input and output schemas (JSON Schema 2020-12), as
 * DESIGN.md "Input schema of an OpenAPI tool" describes.
 *
 * <p>Component schemas are translated once per compiler and shared by every tool that reaches them;
 * each schema carries only the {@code $defs} it reaches. Returned schemas are read-only. Safe to
 * use from several threads.
 */
public final class SchemaCompiler {
  private final Descriptions descriptions = new Descriptions();
  private final DefTable defs;

  public SchemaCompiler(SpecDocument doc) {
    this.defs = new DefTable(new DefNames(doc), descriptions);
  }

  /** The descriptions this compiler hands out, cut once each and counted per tool. */
  public Descriptions descriptions() {
    return descriptions;
  }

  /**
   * The input schema of an operation.
   *
   * @param hiddenParamKeys {@code Param.key()}s ({@code header:X-Amz-Date}) left out entirely; null
   *     for none
   */
  public InputSchema inputSchema(Operation op, Set<String> hiddenParamKeys) {
    return inputSchema(op, hiddenParamKeys, null);
  }

  /**
   * The input schema of an operation of a source whose calls go to {@code baseUrl} (null: the
   * spec's servers), which the {@code server} property's description names.
   */
  public InputSchema inputSchema(Operation op, Set<String> hiddenParamKeys, String baseUrl) {
    Set<String> hidden = hiddenParamKeys == null ? Set.of() : hiddenParamKeys;
    List<Param> params = op.params().stream().filter(p -> !hidden.contains(p.key())).toList();
    Map<String, String> propertyByKey = PropertyNames.assign(params);
    SchemaTranslator.Scope scope = new SchemaTranslator.Scope(null, true);
    ObjectNode properties = Json.object();
    ArrayNode required = Json.array();
    for (Param param : params) {
      String property = propertyByKey.get(param.key());
      if (properties.has(property)) continue;
      properties.set(property, paramSchema(param, scope));
      if (param.required() || param.location().equals("path")) required.add(property);
    }
    RequestBodySpec body = op.requestBody();
    if (body != null) {
      properties.set("body", bodySchema(body, scope));
      if (body.required()) required.add("body");
      if (body.mediaTypes().size() > 1)
        properties.set("contentType", contentTypeSchema(body.mediaTypes()));
    }
    properties.set("server", ServerProperty.schema(op.servers(), baseUrl));
    ObjectNode schema = Json.object().put("type", "object");
    schema.set("properties", properties);
    if (!required.isEmpty()) schema.set("required", required);
    schema.put("additionalProperties", false);
    ObjectNode reached = defs.defsFor(scope.refs, true);
    if (reached != null) schema.set("$defs", reached);
    return new InputSchema(schema, propertyByKey);
  }

  /**
   * The schema of the operation's first 2xx JSON response, with its {@code $defs}; null when none.
   */
  public ObjectNode outputSchema(Operation op) {
    if (op.successSchema() == null) return null;
    SchemaTranslator.Scope scope = new SchemaTranslator.Scope(null, false);
    ObjectNode schema = defs.translator().translate(op.successSchema(), scope);
    ObjectNode reached = defs.defsFor(scope.refs, false);
    if (reached != null) schema.set("$defs", reached);
    return schema;
  }

  private ObjectNode paramSchema(Param param, SchemaTranslator.Scope scope) {
    ObjectNode schema =
        param.schema() == null
            ? Json.object().put("type", "string")
            : defs.translator().translate(param.schema(), scope);
    describe(schema, param.description());
    if (param.deprecated() && !schema.has("deprecated")) schema.put("deprecated", true);
    return schema;
  }

  private ObjectNode bodySchema(RequestBodySpec body, SchemaTranslator.Scope scope) {
    ObjectNode schema;
    if (body.mediaTypes().isEmpty()) {
      schema = Json.object();
    } else {
      MediaTypeSpec first = body.mediaTypes().get(0);
      schema =
          first.schema() == null
              ? permissiveBody(first.mediaType())
              : defs.translator().translate(first.schema(), scope);
      if (isBinary(first.mediaType()) && isString(schema) && !schema.has("contentEncoding")) {
        schema.put("contentEncoding", "base64");
      }
    }
    describe(schema, body.description());
    return schema;
  }

  /** What a body without a declared schema may be, by media type. */
  private static ObjectNode permissiveBody(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
      return Json.object().put("type", "object");
    }
    if (type.startsWith("text/")) return Json.object().put("type", "string");
    if (isBinary(type)) return Json.object().put("type", "string").put("contentEncoding", "base64");
    return Json.object();
  }

  /** Bodies sent as raw bytes, which a JSON argument carries base64-encoded. */
  private static boolean isBinary(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/octet-stream")
        || type.startsWith("image/")
        || type.startsWith("audio/")
        || type.startsWith("video/")
        || type.equals("application/pdf")
        || type.equals("application/zip");
  }

  private static boolean isString(ObjectNode schema) {
    JsonNode type = schema.get("type");
    return type != null && type.isString() && type.stringValue().equals("string");
  }

  private static ObjectNode contentTypeSchema(List<MediaTypeSpec> mediaTypes) {
    ArrayNode values = Json.array();
    mediaTypes.forEach(m -> values.add(m.mediaType()));
    return Json.object()
        .put("type", "string")
        .put("description", "Media type of body; default " + mediaTypes.get(0).mediaType() + ".")
        .<ObjectNode>set("enum", values)
        .put("default", mediaTypes.get(0).mediaType());
  }

  private void describe(ObjectNode schema, String description) {
    if (description != null && !description.isBlank() && !schema.has("description")) {
      schema.put("description", descriptions.shown(description));
    }
  }
}

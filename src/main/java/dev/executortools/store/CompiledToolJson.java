package dev.executortools.store;

import dev.executortools.Tool;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.HttpBinding;
import dev.executortools.compile.OperationInfo;
import dev.executortools.compile.ParamBinding;
import dev.executortools.extract.MediaTypeSpec;
import dev.executortools.extract.Param;
import dev.executortools.extract.RequestBodySpec;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.extract.ServerSpec;
import dev.executortools.extract.ServerVariable;
import dev.executortools.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of a {@link CompiledTool}, lossless: reading what was written gives an equal
 * record. Null fields are left out; JSON fields (schemas, encodings) are kept as they are.
 */
final class CompiledToolJson {

  private CompiledToolJson() {}

  /** The stored form, with the schemas' {@code $defs} members as indices into {@code pool}. */
  static ObjectNode toJson(CompiledTool compiled, DefsPool pool) {
    ObjectNode toolJson = compiled.toolJson(pool::pooled);
    ObjectNode json = Json.object();
    json.set("tool", toolJson);
    if (compiled.binding() != null) json.set("binding", binding(compiled.binding()));
    if (compiled.operation() != null) json.set("operation", operation(compiled.operation()));
    return json;
  }

  /** The def sets (indices into the file's {@code defSets}) the stored tool's schemas name. */
  static List<Integer> defSetsOf(JsonNode json) {
    List<Integer> sets = new ArrayList<>();
    JsonNode tool = json.path("tool");
    for (String schema : List.of("inputSchema", "outputSchema")) {
      JsonNode defs = tool.path(schema).path("$defs");
      if (defs.isInt()) sets.add(defs.intValue());
    }
    return sets;
  }

  /**
   * @throws IllegalArgumentException when {@code json} is not the stored form
   */
  static CompiledTool fromJson(JsonNode json, DefsPool pool) {
    try {
      ObjectNode toolJson = (ObjectNode) required(json, "tool");
      toolJson.set("inputSchema", pool.unpooled((ObjectNode) required(toolJson, "inputSchema")));
      JsonNode output = toolJson.get("outputSchema");
      if (output != null && output.isObject()) {
        toolJson.set("outputSchema", pool.unpooled((ObjectNode) output));
      }
      JsonNode binding = json.get("binding");
      JsonNode operation = json.get("operation");
      Tool tool = Tool.fromJson(toolJson);
      return new CompiledTool(
          tool,
          (ObjectNode) toolJson.get("inputSchema"),
          toolJson.get("outputSchema") instanceof ObjectNode out ? out : null,
          binding == null ? null : binding(binding),
          operation == null ? null : operation(operation));
    } catch (NullPointerException | ClassCastException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("a required field is missing or has the wrong type");
    }
  }

  private static ObjectNode operation(OperationInfo operation) {
    ObjectNode json = Json.object();
    putText(json, "operationId", operation.operationId());
    putText(json, "summary", operation.summary());
    ArrayNode tags = json.putArray("tags");
    operation.tags().forEach(tags::add);
    if (operation.deprecated()) json.put("deprecated", true);
    return json;
  }

  private static OperationInfo operation(JsonNode json) {
    List<String> tags = new ArrayList<>();
    json.path("tags").forEach(tag -> tags.add(tag.stringValue()));
    return new OperationInfo(
        Json.text(json, "operationId"),
        Json.text(json, "summary"),
        tags,
        json.path("deprecated").asBoolean());
  }

  private static ObjectNode binding(HttpBinding b) {
    ObjectNode json = Json.object();
    putText(json, "method", b.method());
    putText(json, "pathTemplate", b.pathTemplate());
    json.set("params", array(b.params(), CompiledToolJson::paramBinding));
    if (b.requestBody() != null) json.set("requestBody", requestBody(b.requestBody()));
    json.set("servers", array(b.servers(), CompiledToolJson::server));
    if (b.security() != null) json.set("security", b.security().toJson());
    return json;
  }

  private static HttpBinding binding(JsonNode json) {
    return new HttpBinding(
        Json.text(json, "method"),
        Json.text(json, "pathTemplate"),
        list(json.get("params"), CompiledToolJson::paramBinding),
        json.hasNonNull("requestBody") ? requestBody(json.get("requestBody")) : null,
        list(json.get("servers"), CompiledToolJson::server),
        SecurityRequirement.parse(json.get("security")));
  }

  private static ObjectNode paramBinding(ParamBinding b) {
    ObjectNode json = Json.object();
    putText(json, "property", b.property());
    if (b.param() != null) json.set("param", param(b.param()));
    return json;
  }

  private static ParamBinding paramBinding(JsonNode json) {
    return new ParamBinding(
        Json.text(json, "property"), json.hasNonNull("param") ? param(json.get("param")) : null);
  }

  private static ObjectNode param(Param p) {
    ObjectNode json = Json.object();
    putText(json, "name", p.name());
    putText(json, "in", p.location());
    if (p.required()) json.put("required", true);
    putText(json, "description", p.description());
    if (p.deprecated()) json.put("deprecated", true);
    putNode(json, "schema", p.schema());
    putText(json, "style", p.style());
    if (p.explode() != null) json.put("explode", p.explode());
    if (p.allowReserved()) json.put("allowReserved", true);
    putText(json, "contentType", p.contentType());
    return json;
  }

  private static Param param(JsonNode json) {
    JsonNode explode = json.get("explode");
    return new Param(
        Json.text(json, "name"),
        Json.text(json, "in"),
        json.path("required").asBoolean(),
        Json.text(json, "description"),
        json.path("deprecated").asBoolean(),
        json.get("schema"),
        Json.text(json, "style"),
        explode == null ? null : explode.booleanValue(),
        json.path("allowReserved").asBoolean(),
        Json.text(json, "contentType"));
  }

  private static ObjectNode requestBody(RequestBodySpec body) {
    ObjectNode json = Json.object();
    if (body.required()) json.put("required", true);
    putText(json, "description", body.description());
    json.set("mediaTypes", array(body.mediaTypes(), CompiledToolJson::mediaType));
    return json;
  }

  private static RequestBodySpec requestBody(JsonNode json) {
    return new RequestBodySpec(
        json.path("required").asBoolean(),
        Json.text(json, "description"),
        list(json.get("mediaTypes"), CompiledToolJson::mediaType));
  }

  private static ObjectNode mediaType(MediaTypeSpec media) {
    ObjectNode json = Json.object();
    putText(json, "mediaType", media.mediaType());
    putNode(json, "schema", media.schema());
    putNode(json, "encoding", media.encoding());
    return json;
  }

  private static MediaTypeSpec mediaType(JsonNode json) {
    return new MediaTypeSpec(
        Json.text(json, "mediaType"), json.get("schema"), json.get("encoding"));
  }

  private static ObjectNode server(ServerSpec server) {
    ObjectNode json = Json.object();
    putText(json, "url", server.url());
    putText(json, "description", server.description());
    ObjectNode variables = json.putObject("variables");
    new TreeMap<>(server.variables()).forEach((name, v) -> variables.set(name, variable(v)));
    return json;
  }

  private static ServerSpec server(JsonNode json) {
    Map<String, ServerVariable> variables = new LinkedHashMap<>();
    json.path("variables")
        .properties()
        .forEach(e -> variables.put(e.getKey(), variable(e.getValue())));
    return new ServerSpec(Json.text(json, "url"), Json.text(json, "description"), variables);
  }

  private static ObjectNode variable(ServerVariable v) {
    ObjectNode json = Json.object();
    putText(json, "default", v.defaultValue());
    ArrayNode allowed = json.putArray("enum");
    v.allowedValues().forEach(allowed::add);
    putText(json, "description", v.description());
    return json;
  }

  private static ServerVariable variable(JsonNode json) {
    List<String> allowed = new ArrayList<>();
    json.path("enum").forEach(value -> allowed.add(value.stringValue()));
    return new ServerVariable(Json.text(json, "default"), allowed, Json.text(json, "description"));
  }

  private static <T> ArrayNode array(List<T> values, Function<T, ObjectNode> write) {
    ArrayNode array = Json.array();
    values.forEach(value -> array.add(write.apply(value)));
    return array;
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
    List<T> values = new ArrayList<>();
    if (array != null) array.forEach(element -> values.add(read.apply(element)));
    return values;
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null) throw new IllegalArgumentException("\"" + field + "\" is missing");
    return value;
  }

  private static void putText(ObjectNode json, String field, String value) {
    if (value != null) json.put(field, value);
  }

  private static void putNode(ObjectNode json, String field, JsonNode value) {
    if (value != null) json.set(field, value);
  }
}

package dev.executortools.extract;

import dev.executortools.internal.JsText;
import dev.executortools.internal.Json;
import dev.executortools.internal.MediaTypes;
import dev.executortools.parse.SpecDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Walks a document's {@code paths} and yields one {@link Operation} per HTTP method, in document
 * order, with parameter and body references resolved and path-level parameters merged.
 */
public final class OperationExtractor {
  /** The eight methods that make operations (OpenAPI path item fields). */
  public static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-zA-Z0-9]+");

  private final SpecDocument doc;
  private final URI specLocation;

  /**
   * @param specLocation where the document was fetched from, against which relative server URLs
   *     resolve; null for inline text
   */
  public OperationExtractor(SpecDocument doc, URI specLocation) {
    this.doc = doc;
    this.specLocation = specLocation;
  }

  public List<Operation> extract() {
    List<Operation> operations = new ArrayList<>();
    List<ServerSpec> rootServers =
        servers(doc.root().get("servers"), List.of(new ServerSpec("/", null, Map.of())));
    for (var pathEntry : doc.root().path("paths").properties()) {
      JsonNode item = doc.deref(pathEntry.getValue());
      if (item == null || !item.isObject()) continue;
      List<Param> pathParams = params(item.get("parameters"));
      List<ServerSpec> pathServers = servers(item.get("servers"), rootServers);
      for (String method : METHODS) {
        JsonNode op = item.get(method);
        if (op == null || !op.isObject()) continue;
        operations.add(operation(method, pathEntry.getKey(), op, pathParams, pathServers));
      }
    }
    return operations;
  }

  /**
   * The operationId of an operation that has none: {@code method + "_" + path} with every run of
   * non-alphanumerics in the path as {@code _}, outer {@code _} trimmed; {@code method_operation}
   * if nothing is left. The path's leading {@code /} doubles the underscore: {@code get
   * /users/{id}} → {@code get__users_id}, as executor's code does.
   */
  public static String fallbackOperationId(String method, String pathTemplate) {
    String joined = method + "_" + NON_ALPHANUMERIC.matcher(pathTemplate).replaceAll("_");
    int start = 0;
    int end = joined.length();
    while (start < end && joined.charAt(start) == '_') {
      start++;
    }
    while (end > start && joined.charAt(end - 1) == '_') {
      end--;
    }
    String trimmed = joined.substring(start, end);
    return trimmed.isEmpty() ? method + "_operation" : trimmed;
  }

  /**
   * Whether executor's extract drops this tag: its JavaScript {@code trim()} is empty. Differs from
   * {@link String#isBlank()}: NBSP is blank here, U+001F is not.
   */
  public static boolean isBlankTag(String tag) {
    return JsText.trim(tag).isEmpty();
  }

  private Operation operation(
      String method,
      String path,
      JsonNode op,
      List<Param> pathParams,
      List<ServerSpec> pathServers) {
    Map<String, Param> merged = new LinkedHashMap<>();
    pathParams.forEach(p -> merged.put(p.key(), p));
    params(op.get("parameters")).forEach(p -> merged.put(p.key(), p));
    JsonNode operationId = op.get("operationId");
    String id =
        operationId != null && operationId.isValueNode() && !operationId.isNull()
            ? operationId.asString()
            : fallbackOperationId(method, path);
    return new Operation(
        method,
        path,
        id,
        tags(op.get("tags")),
        Json.text(op, "summary"),
        Json.text(op, "description"),
        op.path("deprecated").asBoolean(false),
        List.copyOf(merged.values()),
        requestBody(op.get("requestBody")),
        servers(op.get("servers"), pathServers),
        successSchema(op.get("responses")),
        SecurityRequirement.parse(op.get("security")));
  }

  /**
   * The document's top-level {@code security}, which every operation without its own follows; null
   * when the document declares none (no authentication stated).
   */
  public SecurityRequirement documentSecurity() {
    return SecurityRequirement.parse(doc.root().get("security"));
  }

  private List<Param> params(JsonNode list) {
    List<Param> params = new ArrayList<>();
    if (list == null || !list.isArray()) return params;
    for (JsonNode raw : list) {
      JsonNode p = doc.deref(raw);
      String name = p == null ? null : Json.text(p, "name");
      String in = p == null ? null : Json.text(p, "in");
      if (name == null || in == null) continue;
      in = in.toLowerCase(Locale.ROOT);
      if (!List.of("path", "query", "header", "cookie").contains(in)) continue;
      JsonNode schema = p.get("schema");
      String contentType = null;
      JsonNode content = p.get("content");
      if (schema == null && content != null && content.isObject() && !content.isEmpty()) {
        var first = content.properties().iterator().next();
        contentType = first.getKey();
        schema = first.getValue().get("schema");
      }
      JsonNode explode = p.get("explode");
      params.add(
          new Param(
              name,
              in,
              in.equals("path") || p.path("required").asBoolean(false),
              Json.text(p, "description"),
              p.path("deprecated").asBoolean(false),
              schema,
              Json.text(p, "style"),
              explode != null && explode.isBoolean() ? explode.booleanValue() : null,
              p.path("allowReserved").asBoolean(false),
              contentType));
    }
    return params;
  }

  private RequestBodySpec requestBody(JsonNode raw) {
    JsonNode body = doc.deref(raw);
    if (body == null || !body.isObject()) return null;
    List<MediaTypeSpec> types = new ArrayList<>();
    JsonNode content = body.get("content");
    if (content != null && content.isObject()) {
      for (var entry : content.properties()) {
        JsonNode media = entry.getValue();
        types.add(new MediaTypeSpec(entry.getKey(), media.get("schema"), media.get("encoding")));
      }
    }
    if (types.isEmpty()) return null;
    return new RequestBodySpec(
        body.path("required").asBoolean(false), Json.text(body, "description"), types);
  }

  private JsonNode successSchema(JsonNode responses) {
    if (responses == null || !responses.isObject()) return null;
    for (var entry : responses.properties()) {
      String status = entry.getKey().toUpperCase(Locale.ROOT);
      if (!status.matches("2(\\d\\d|XX)")) continue;
      JsonNode response = doc.deref(entry.getValue());
      JsonNode content = response == null ? null : response.get("content");
      if (content == null || !content.isObject()) continue;
      for (var media : content.properties()) {
        if (MediaTypes.isJson(media.getKey()) && media.getValue().has("schema"))
          return media.getValue().get("schema");
      }
    }
    return null;
  }

  private static List<String> tags(JsonNode tags) {
    List<String> result = new ArrayList<>();
    if (tags == null || !tags.isArray()) return result;
    for (JsonNode tag : tags) {
      if (tag.isString() && !isBlankTag(tag.stringValue())) result.add(tag.stringValue());
    }
    return result;
  }

  private List<ServerSpec> servers(JsonNode list, List<ServerSpec> inherited) {
    if (list == null || !list.isArray() || list.isEmpty()) return inherited;
    List<ServerSpec> servers = new ArrayList<>();
    for (JsonNode server : list) {
      String url = Json.text(server, "url");
      if (url == null) continue;
      Map<String, ServerVariable> variables = new LinkedHashMap<>();
      JsonNode vars = server.get("variables");
      if (vars != null && vars.isObject()) {
        for (var v : vars.properties()) {
          List<String> allowed = new ArrayList<>();
          v.getValue()
              .path("enum")
              .forEach(
                  e -> {
                    if (isScalar(e)) allowed.add(e.asString());
                  });
          JsonNode def = v.getValue().get("default");
          variables.put(
              v.getKey(),
              new ServerVariable(
                  isScalar(def) ? def.asString() : null,
                  allowed,
                  Json.text(v.getValue(), "description")));
        }
      }
      servers.add(new ServerSpec(absolute(url), Json.text(server, "description"), variables));
    }
    return servers.isEmpty() ? inherited : servers;
  }

  /** A string, number or boolean: what a server variable's default and values may be. */
  private static boolean isScalar(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull();
  }

  private String absolute(String url) {
    if (specLocation == null || url.contains("://") || url.startsWith("{")) return url;
    try {
      return specLocation.resolve(url).toString();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}

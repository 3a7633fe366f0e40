package dev.executortools.tools;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.ToolResult;
import dev.executortools.extract.Operation;
import dev.executortools.extract.OperationExtractor;
import dev.executortools.extract.Param;
import dev.executortools.internal.Json;
import dev.executortools.naming.ToolPathNamer;
import dev.executortools.naming.ToolPathOrder;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecLint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code openapi.previewSpec}: what a document would add, without adding anything. */
public final class PreviewSpecTool extends BuiltinTool {
  public static final String ID = "openapi.previewSpec";

  private final SpecLoader loader;

  PreviewSpecTool(SpecLoader loader) {
    super(ID);
    this.loader = loader;
  }

  @Override
  Tool describe() {
    return new Tool(
        ID,
        "previewSpec",
        "openapi",
        "Look at an OpenAPI document (URL or inline JSON/YAML; Swagger 2.0, OpenAPI 3.0 or 3.1) before "
            + "adding it: title, version, servers, security schemes and every operation with the tool "
            + "path it would get. Changes nothing.",
        ToolSchemas.load("previewSpec.input.json"),
        null,
        ToolAnnotations.forLocal(true, false, true));
  }

  @Override
  public ToolResult run(JsonNode arguments) {
    try {
      SpecLoader.Loaded loaded =
          loader.load(
              arguments.get("spec").stringValue(),
              SourceRequest.fetchCredentials(arguments, "headers"),
              SourceRequest.fetchCredentials(arguments, "queryParams"));
      return ToolResult.success(preview(loaded));
    } catch (IllegalArgumentException e) {
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, e.getMessage());
    } catch (SpecException e) {
      return ToolResult.failure(e.toError());
    }
  }

  /** Names and describes the operations; no schema is built (a preview must stay cheap). */
  private static ObjectNode preview(SpecLoader.Loaded loaded) {
    SpecDocument doc = loaded.document();
    OperationExtractor extractor = new OperationExtractor(doc, loaded.location());
    List<Operation> found = extractor.extract();
    SecuritySummary security = new SecuritySummary(doc, extractor.documentSecurity());
    List<String> paths = ToolPathNamer.toolPaths(found);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) order.add(i);
    order.sort(Comparator.comparing(paths::get, ToolPathOrder.INSTANCE));
    ObjectNode out = Json.object();
    out.put("title", doc.title());
    out.put("version", doc.version());
    out.put("openapi", doc.declaredVersion());
    out.put("operationCount", found.size());
    ArrayNode operations = Json.array();
    Set<String> tags = new LinkedHashSet<>();
    doc.root()
        .path("tags")
        .forEach(
            t -> {
              if (Json.text(t, "name") != null) tags.add(Json.text(t, "name"));
            });
    for (int i : order) {
      Operation operation = found.get(i);
      ObjectNode op = operations.addObject();
      op.put("toolPath", paths.get(i));
      op.put("operationId", operation.operationId());
      op.put("method", operation.method().toUpperCase(Locale.ROOT));
      op.put("path", operation.pathTemplate());
      op.put("summary", operation.summary());
      ArrayNode opTags = op.putArray("tags");
      operation
          .tags()
          .forEach(
              t -> {
                opTags.add(t);
                tags.add(t);
              });
      op.put("deprecated", operation.deprecated());
      security.describe(operation, paths.get(i), op);
    }
    ArrayNode tagArray = out.putArray("tags");
    tags.forEach(tagArray::add);
    out.set("servers", servers(doc));
    out.set("operations", operations);
    JsonNode schemes = doc.root().path("components").get("securitySchemes");
    out.set("securitySchemes", schemes != null && schemes.isObject() ? schemes : Json.object());
    out.set("security", security.summary());
    ArrayNode warnings = out.putArray("warnings");
    doc.warnings().forEach(warnings::add);
    ignoredHeaderWarnings(found, paths).forEach(warnings::add);
    security.warnings().forEach(warnings::add);
    SpecLint.messages(doc).forEach(warnings::add);
    return out;
  }

  /** One warning per operation that declares header parameters no argument will set. */
  private static List<String> ignoredHeaderWarnings(List<Operation> found, List<String> paths) {
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      List<String> names =
          found.get(i).params().stream()
              .filter(Param::isIgnoredHeader)
              .map(Param::name)
              .distinct()
              .toList();
      if (!names.isEmpty()) {
        warnings.add(
            paths.get(i)
                + ": header parameter"
                + (names.size() > 1 ? "s " : " ")
                + String.join(", ", names)
                + " will not be taken from arguments (the HTTP client, content"
                + " negotiation or the source's credentials set such headers)");
      }
    }
    return warnings;
  }

  private static ArrayNode servers(SpecDocument doc) {
    ArrayNode servers = Json.array();
    for (JsonNode server : doc.root().path("servers")) {
      ObjectNode s = servers.addObject();
      s.put("url", Json.text(server, "url"));
      s.put("description", Json.text(server, "description"));
      JsonNode variables = server.get("variables");
      s.set("variables", variables != null && variables.isObject() ? variables : Json.object());
    }
    return servers;
  }
}

package dev.executortools.tools;

import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.ToolResult;
import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledSource;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecDocument;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecLint;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code openapi.previewSpec}: what a document would add, without adding anything. */
public final class PreviewSpecTool implements LocalTool {
  public static final String ID = "openapi.previewSpec";

  private final SpecLoader loader;
  private final Tool descriptor;

  PreviewSpecTool(SpecLoader loader) {
    this.loader = loader;
    this.descriptor = new Tool(
        ID,
        "previewSpec",
        "openapi",
        "Look at an OpenAPI document (URL or inline JSON/YAML; Swagger 2.0, OpenAPI 3.0 or 3.1) before "
            + "adding it: title, version, servers, security schemes and every operation with the tool "
            + "path it would get. Changes nothing.",
        ToolSchemas.load("previewSpec.input.json"),
        null,
        ToolAnnotations.forLocal(true, false));
  }

  @Override
  public Tool descriptor() {
    return descriptor;
  }

  @Override
  public ToolResult run(JsonNode arguments) {
    try {
      SpecLoader.Loaded loaded =
          loader.load(arguments.get("spec").stringValue(), arguments.get("specFetchCredentials"));
      return ToolResult.success(preview(loaded));
    } catch (SpecException e) {
      return ToolResult.failure(e.toError());
    }
  }

  private static ObjectNode preview(SpecLoader.Loaded loaded) {
    SpecDocument doc = loaded.document();
    CompiledSource compiled =
        ToolCompiler.compile(doc, loaded.location(), CompileOptions.forNamespace("preview"));
    ObjectNode out = Json.object();
    out.put("title", doc.title());
    out.put("version", doc.version());
    out.put("openapi", doc.declaredVersion());
    out.put("operationCount", compiled.tools().size());
    ArrayNode operations = Json.array();
    Set<String> tags = new LinkedHashSet<>();
    doc.root().path("tags").forEach(t -> { if (Json.text(t, "name") != null) tags.add(Json.text(t, "name")); });
    for (CompiledTool tool : compiled.tools()) {
      ObjectNode op = operations.addObject();
      op.put("toolPath", tool.tool().name());
      op.put("operationId", tool.operation().operationId());
      op.put("method", tool.binding().method().toUpperCase(java.util.Locale.ROOT));
      op.put("path", tool.binding().pathTemplate());
      op.put("summary", tool.operation().summary());
      ArrayNode opTags = op.putArray("tags");
      tool.operation().tags().forEach(t -> { opTags.add(t); tags.add(t); });
      op.put("deprecated", tool.operation().deprecated());
    }
    ArrayNode tagArray = out.putArray("tags");
    tags.forEach(tagArray::add);
    out.set("servers", servers(doc));
    out.set("operations", operations);
    JsonNode schemes = doc.root().path("components").get("securitySchemes");
    out.set("securitySchemes", schemes != null && schemes.isObject() ? schemes : Json.object());
    ArrayNode warnings = out.putArray("warnings");
    compiled.warnings().forEach(warnings::add);
    SpecLint.messages(doc).forEach(warnings::add);
    return out;
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

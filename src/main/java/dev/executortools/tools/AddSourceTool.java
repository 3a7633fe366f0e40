package dev.executortools.tools;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.naming.Namespaces;
import dev.executortools.parse.SpecException;
import tools.jackson.databind.JsonNode;

/** {@code openapi.addSource}: compile a document and register every operation as a tool. */
public final class AddSourceTool extends BuiltinTool {
  public static final String ID = "openapi.addSource";

  private final SpecLoader loader;
  private final SourceSink sink;

  AddSourceTool(SpecLoader loader, SourceSink sink) {
    super(ID);
    this.loader = loader;
    this.sink = sink;
  }

  @Override
  Tool describe() {
    return new Tool(
        ID,
        "addSource",
        "openapi",
        "Add an OpenAPI document (URL or inline JSON/YAML; Swagger 2.0, OpenAPI 3.0 or 3.1) and register "
            + "every operation as a tool '<namespace>.<group>.<leaf>', callable at once and kept across "
            + "restarts. Returns the new tool ids. Fails with source_exists for a namespace already in use "
            + "unless replace is true.",
        ToolSchemas.load("addSource.input.json"),
        null,
        ToolAnnotations.forLocal(false, true, true));
  }

  @Override
  public ToolResult run(JsonNode arguments) {
    SpecLoader.Loaded loaded;
    try {
      loaded = loader.load(arguments.get("spec").stringValue(), arguments.get("specFetchCredentials"));
    } catch (SpecException e) {
      return ToolResult.failure(e.toError());
    }
    String namespace = Json.text(arguments, "namespace");
    if (namespace == null) namespace = Namespaces.fromTitle(loaded.document().title());
    if (!Namespaces.isValid(namespace)) {
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS,
          "namespace '" + namespace + "' is not allowed: use [a-z0-9_]+ and not a reserved name (openapi)");
    }
    boolean replace = arguments.path("replace").asBoolean(false);
    return sink.add(namespace, arguments, loaded.document(), loaded.url(), loaded.text(), replace);
  }
}

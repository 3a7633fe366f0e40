package dev.executortools.tools;

import dev.executortools.ApprovalRequest;
import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolAnnotations;
import dev.executortools.ToolResult;
import dev.executortools.internal.HttpParsers;
import dev.executortools.internal.Json;
import dev.executortools.internal.Namespaces;
import dev.executortools.parse.SpecException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
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

  /**
   * Also where the new source's own credentials will go: its base URL or spec servers, and more.
   */
  @Override
  public ApprovalRequest approvalRequest(JsonNode arguments) {
    ApprovalRequest request = super.approvalRequest(arguments);
    if (arguments.path("headers").isEmpty()
        && arguments.path("queryParams").isEmpty()
        && arguments.path("auth").isEmpty()) return request;
    List<String> origins = new ArrayList<>();
    String baseUrl = Json.text(arguments, "baseUrl");
    HttpUrl base = baseUrl == null ? null : HttpParsers.url(baseUrl.strip());
    origins.add(
        base != null
            ? HttpParsers.origin(base)
            : baseUrl != null ? shown(baseUrl) : "the spec's servers");
    arguments.path("trustedOrigins").forEach(origin -> origins.add(shown(origin.asString(""))));
    for (var scheme : arguments.path("auth").properties()) {
      if (!scheme.getValue().has("clientSecret")) continue;
      String tokenUrl = Json.text(scheme.getValue(), "tokenUrl");
      HttpUrl token = tokenUrl == null ? null : HttpParsers.url(tokenUrl.strip());
      origins.add(
          (token != null ? HttpParsers.origin(token) : "the token endpoint the spec names")
              + " (the client secret of auth."
              + shown(scheme.getKey())
              + ")");
    }
    return request.withCredentialOrigins(origins);
  }

  /** An entry as given, cut when too long to be an origin (it is refused when the call runs). */
  private static String shown(String entry) {
    return entry.length() > 200 ? entry.substring(0, 200) + "…" : entry;
  }

  @Override
  public ToolResult run(JsonNode arguments) {
    SourceRequest request;
    SpecLoader.Loaded loaded;
    try {
      request = SourceRequest.read(arguments);
      loaded =
          loader.load(request.spec(), request.specFetchHeaders(), request.specFetchQueryParams());
    } catch (IllegalArgumentException e) {
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, e.getMessage());
    } catch (SpecException e) {
      return ToolResult.failure(e.toError());
    }
    String namespace =
        request.namespace() != null
            ? request.namespace()
            : Namespaces.fromTitle(loaded.document().title());
    String problem = Namespaces.problem(namespace);
    if (problem != null) return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, problem);
    return sink.add(request, namespace, loaded);
  }
}

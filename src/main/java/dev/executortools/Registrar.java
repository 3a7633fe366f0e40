package dev.executortools;

import dev.executortools.bind.BindContext;
import dev.executortools.bind.BoundRequest;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.internal.Json;
import dev.executortools.invoke.HttpSettings;
import dev.executortools.invoke.HttpTransport;
import dev.executortools.invoke.SourceCredentials;
import dev.executortools.schema.ArgumentProblem;
import dev.executortools.schema.ArgumentValidator;
import dev.executortools.tools.LocalTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The registry's machinery: its tools and sources, and the steps every call goes through. */
final class Registrar implements AutoCloseable {
  private final HttpTransport transport;
  private final boolean ownsClient;
  private final ApprovalHandler approvals;
  private final SecretProvider secrets;
  private final Map<String, LocalEntry> localTools = new LinkedHashMap<>();
  private final Sources sources;

  private record LocalEntry(LocalTool tool, ArgumentValidator validator) {}

  Registrar(ToolRegistry.Builder config) {
    this.transport = config.httpClient != null
        ? HttpTransport.using(config.httpClient, HttpSettings.defaults())
        : HttpTransport.create(HttpSettings.defaults());
    this.ownsClient = config.httpClient == null;
    this.approvals = config.approvals;
    this.secrets = config.secrets != null ? config.secrets : id -> Optional.empty();
    this.sources = new Sources(config);
    for (LocalTool tool : sources.builtinTools(transport, this::resolveCredentials)) {
      localTools.put(tool.descriptor().id(),
          new LocalEntry(tool, ArgumentValidator.forSchema(tool.descriptor().inputSchema())));
    }
  }

  List<Tool> allTools() {
    List<Tool> all = new ArrayList<>();
    localTools.values().forEach(e -> all.add(e.tool.descriptor()));
    sources.httpTools().forEach(e -> all.add(e.tool()));
    return all;
  }

  Optional<Tool> find(String id) {
    LocalEntry local = localTools.get(id);
    if (local != null) return Optional.of(local.tool.descriptor());
    return Optional.ofNullable(sources.httpTool(id)).map(HttpToolEntry::tool);
  }

  /** The tool as callers see it under the approval policy; empty when blocked. */
  Optional<Tool> effective(Tool tool) {
    return Optional.of(tool);
  }

  ToolResult call(String id, JsonNode arguments) {
    JsonNode args = arguments == null ? Json.object() : arguments;
    LocalEntry local = localTools.get(id);
    HttpToolEntry http = local == null ? sources.httpTool(id) : null;
    if (local == null && http == null) {
      return ToolResult.failure(ErrorCode.UNKNOWN_TOOL, "no tool with id '" + abbreviate(id) + "'");
    }
    Tool tool = local != null ? local.tool.descriptor() : http.tool();
    List<ArgumentProblem> problems =
        (local != null ? local.validator : http.validator()).validate(args);
    if (!problems.isEmpty()) return invalidArguments(tool, problems);
    if (tool.annotations().requiresApproval()) {
      if (approvals == null) {
        return ToolResult.failure(ErrorCode.APPROVAL_REQUIRED,
            "'" + tool.id() + "' requires approval and no one can be asked (on the command line: call --yes)");
      }
      if (!approvals.approve(tool, args)) {
        return ToolResult.failure(ErrorCode.APPROVAL_DECLINED, "the call to '" + tool.id() + "' was declined");
      }
    }
    try {
      return local != null ? local.tool.run(args) : callHttp(http, args);
    } catch (RuntimeException e) {
      return ToolResult.failure(ErrorCode.INTERNAL_ERROR,
          "'" + tool.id() + "' failed unexpectedly: " + e.getClass().getSimpleName());
    }
  }

  private ToolResult callHttp(HttpToolEntry entry, JsonNode args) {
    SourceRuntime source = entry.source;
    SourceCredentials credentials;
    try {
      Map<String, String> headers = resolveCredentials(source.headers());
      List<HttpHeader> headerList = new ArrayList<>();
      headers.forEach((k, v) -> headerList.add(new HttpHeader(k, v)));
      credentials = new SourceCredentials(headerList, resolveCredentials(source.queryParams()));
    } catch (MissingSecretException e) {
      return ToolResult.failure(ErrorCode.MISSING_SECRET, e.getMessage());
    }
    BoundRequest bound =
        entry.plan().bind(args, new BindContext(source.baseUrl(), source.serverResolver()));
    if (bound.error() != null) return ToolResult.failure(bound.error());
    return transport.send(bound.request(), credentials, source.errorModel());
  }

  /** Literal values as they are; {@code {"secretId", "prefix"}} looked up on every call. */
  Map<String, String> resolveCredentials(JsonNode map) throws MissingSecretException {
    Map<String, String> resolved = new LinkedHashMap<>();
    if (map == null || !map.isObject()) return resolved;
    for (var entry : map.properties()) {
      JsonNode value = entry.getValue();
      if (value.isString()) {
        resolved.put(entry.getKey(), value.stringValue());
      } else {
        String secretId = Json.text(value, "secretId");
        String prefix = Json.text(value, "prefix");
        String secret = secrets.secret(secretId).orElseThrow(() -> new MissingSecretException(secretId));
        resolved.put(entry.getKey(), (prefix == null ? "" : prefix) + secret);
      }
    }
    return resolved;
  }

  private static ToolResult invalidArguments(Tool tool, List<ArgumentProblem> problems) {
    ObjectNode details = Json.object();
    ArrayNode errors = details.putArray("errors");
    for (ArgumentProblem problem : problems) {
      errors.addObject().put("path", problem.path()).put("message", problem.message());
    }
    String first = problems.get(0).path().isEmpty() ? "" : problems.get(0).path() + ": ";
    return ToolResult.failure(ToolError.of(ErrorCode.INVALID_ARGUMENTS,
            "arguments do not match the input schema of '" + tool.id() + "': " + first
                + problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""))
        .withDetails(details));
  }

  private static String abbreviate(String id) {
    String clean = id.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
  }

  @Override
  public void close() {
    if (ownsClient) transport.client().connectionPool().evictAll();
  }
}

package dev.executortools;

import dev.executortools.internal.Json;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a host needs to know before calling a tool. {@code method} and {@code pathTemplate} are set
 * for OpenAPI tools only; the MCP hints follow from the method.
 */
public record ToolAnnotations(
    boolean requiresApproval,
    String method,
    String pathTemplate,
    boolean readOnlyHint,
    boolean destructiveHint,
    boolean idempotentHint) {

  private static final Set<String> SAFE = Set.of("get", "head", "options");
  private static final Set<String> IDEMPOTENT = Set.of("get", "head", "options", "put", "delete", "trace");

  /** Annotations of an HTTP operation, with the default approval rule: unsafe methods need it. */
  public static ToolAnnotations forHttp(String method, String pathTemplate) {
    String m = method.toLowerCase(Locale.ROOT);
    boolean safe = SAFE.contains(m) || m.equals("trace");
    return new ToolAnnotations(
        !SAFE.contains(m), m, pathTemplate, safe, m.equals("delete"), IDEMPOTENT.contains(m));
  }

  /** Annotations of a tool that is not an HTTP operation. */
  public static ToolAnnotations forLocal(boolean readOnly, boolean requiresApproval) {
    return new ToolAnnotations(requiresApproval, null, null, readOnly, false, readOnly);
  }

  public ToolAnnotations withRequiresApproval(boolean value) {
    return new ToolAnnotations(
        value, method, pathTemplate, readOnlyHint, destructiveHint, idempotentHint);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("requiresApproval", requiresApproval);
    if (method != null) json.put("method", method.toUpperCase(Locale.ROOT));
    if (pathTemplate != null) json.put("pathTemplate", pathTemplate);
    json.put("readOnlyHint", readOnlyHint);
    json.put("destructiveHint", destructiveHint);
    json.put("idempotentHint", idempotentHint);
    return json;
  }

  public static ToolAnnotations fromJson(JsonNode json) {
    String method = Json.text(json, "method");
    return new ToolAnnotations(
        json.path("requiresApproval").asBoolean(),
        method == null ? null : method.toLowerCase(Locale.ROOT),
        Json.text(json, "pathTemplate"),
        json.path("readOnlyHint").asBoolean(),
        json.path("destructiveHint").asBoolean(),
        json.path("idempotentHint").asBoolean());
  }
}

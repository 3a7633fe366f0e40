package dev.executortools;

import dev.executortools.internal.Json;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a host needs to know before calling a tool. {@code method} and {@code pathTemplate} are set
 * for OpenAPI tools only. The MCP hints mean what MCP says: {@code destructiveHint} that the tool
 * may change or delete what exists (PUT, PATCH, DELETE; POST adds), {@code openWorldHint} that it
 * reaches beyond the local registry (every HTTP operation, and tools that fetch URLs).
 */
public record ToolAnnotations(
    boolean requiresApproval,
    @Nullable String method,
    @Nullable String pathTemplate,
    boolean readOnlyHint,
    boolean destructiveHint,
    boolean idempotentHint,
    boolean openWorldHint) {

  private static final Set<String> SAFE = Set.of("get", "head", "options");
  private static final Set<String> IDEMPOTENT =
      Set.of("get", "head", "options", "put", "delete", "trace");
  private static final Set<String> DESTRUCTIVE = Set.of("put", "patch", "delete");

  /** Annotations of an HTTP operation, with the default approval rule: unsafe methods need it. */
  public static ToolAnnotations forHttp(String method, String pathTemplate) {
    String m = method.toLowerCase(Locale.ROOT);
    boolean safe = SAFE.contains(m) || m.equals("trace");
    return new ToolAnnotations(
        !SAFE.contains(m),
        m,
        pathTemplate,
        safe,
        DESTRUCTIVE.contains(m),
        IDEMPOTENT.contains(m),
        true);
  }

  /**
   * Annotations of a tool that is not an HTTP operation and reaches nothing outside the registry.
   */
  public static ToolAnnotations forLocal(boolean readOnly, boolean requiresApproval) {
    return forLocal(readOnly, requiresApproval, false);
  }

  /** Annotations of a tool that is not an HTTP operation; {@code openWorld}: it may fetch URLs. */
  public static ToolAnnotations forLocal(
      boolean readOnly, boolean requiresApproval, boolean openWorld) {
    return new ToolAnnotations(requiresApproval, null, null, readOnly, false, readOnly, openWorld);
  }

  public ToolAnnotations withRequiresApproval(boolean value) {
    return new ToolAnnotations(
        value, method, pathTemplate, readOnlyHint, destructiveHint, idempotentHint, openWorldHint);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("requiresApproval", requiresApproval);
    if (method != null) json.put("method", method.toUpperCase(Locale.ROOT));
    if (pathTemplate != null) json.put("pathTemplate", pathTemplate);
    json.put("readOnlyHint", readOnlyHint);
    json.put("destructiveHint", destructiveHint);
    json.put("idempotentHint", idempotentHint);
    json.put("openWorldHint", openWorldHint);
    return json;
  }

  /**
   * Annotations as {@link #toJson()} wrote them. An HTTP operation's hints follow from its method
   * (also when they were stored by a version that derived them otherwise).
   */
  public static ToolAnnotations fromJson(JsonNode json) {
    String method = Json.text(json, "method");
    boolean requiresApproval = json.path("requiresApproval").asBoolean();
    if (method != null) {
      return forHttp(method, Json.text(json, "pathTemplate"))
          .withRequiresApproval(requiresApproval);
    }
    return new ToolAnnotations(
        requiresApproval,
        null,
        Json.text(json, "pathTemplate"),
        json.path("readOnlyHint").asBoolean(),
        json.path("destructiveHint").asBoolean(),
        json.path("idempotentHint").asBoolean(),
        json.path("openWorldHint").asBoolean());
  }
}

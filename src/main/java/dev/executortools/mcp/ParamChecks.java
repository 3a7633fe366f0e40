package dev.executortools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.util.List;
import java.util.Map;

/**
 * The params the specification requires of the requests the server answers, checked before the SDK
 * sees them: a request without them is answered {@code -32602} with a plain message (the SDK would
 * fail deeper, with its internals in an internal error, or take a wrong value).
 */
final class ParamChecks {
  /** The log levels of MCP (syslog's), least severe first. */
  static final List<String> LEVELS =
      List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private ParamChecks() {}

  /**
   * The error for {@code params} of {@code method}, or null when they are fine (or not checked).
   */
  static JSONRPCError check(String method, Object params) {
    Map<?, ?> map = params instanceof Map<?, ?> m ? m : Map.of();
    String problem =
        switch (method) {
          case McpSchema.METHOD_INITIALIZE ->
              map.get("protocolVersion") instanceof String
                      && map.get("capabilities") instanceof Map<?, ?>
                      && map.get("clientInfo") instanceof Map<?, ?> info
                      && info.get("name") instanceof String
                      && info.get("version") instanceof String
                  ? null
                  : "initialize needs \"protocolVersion\" (a string), \"capabilities\" (an object) and \"clientInfo\""
                      + " (an object with \"name\" and \"version\")";
          case McpSchema.METHOD_TOOLS_CALL ->
              map.get("name") instanceof String name
                      && !name.isEmpty()
                      && optional(map, "arguments", Map.class)
                      && optional(map, "_meta", Map.class)
                  ? null
                  : "tools/call needs \"name\" (a tool's name) and may have \"arguments\" (an object)";
          case McpSchema.METHOD_TOOLS_LIST ->
              optional(map, "cursor", String.class)
                  ? null
                  : "\"cursor\" must be a string from a previous tools/list";
          case McpSchema.METHOD_LOGGING_SET_LEVEL ->
              map.get("level") instanceof String level && LEVELS.contains(level)
                  ? null
                  : "\"level\" must be one of " + String.join(", ", LEVELS);
          default -> null;
        };
    return problem == null
        ? null
        : new JSONRPCError(ErrorCodes.INVALID_PARAMS, "invalid params: " + problem, null);
  }

  private static boolean optional(Map<?, ?> map, String key, Class<?> type) {
    Object value = map.get(key);
    return value == null || type.isInstance(value);
  }
}

package dev.executortools.mcp;

import dev.executortools.ApprovalHandler;
import dev.executortools.Tool;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Approval through MCP elicitation: the client of the call is asked whether the tool may run. A
 * client that does not support elicitation cannot be asked ({@link #forExchange} is null), so the
 * call answers {@code approval_required}.
 */
final class ElicitationApprovals {
  private static final int MAX_ARGUMENT_CHARS = 2_000;
  private static final Map<String, Object> SCHEMA = Map.of(
      "type", "object",
      "properties", Map.of("approve", Map.of("type", "boolean", "title", "Allow this call", "default", true)),
      "required", java.util.List.of("approve"));

  private ElicitationApprovals() {}

  /** Who approves calls made through {@code exchange}: its client, when it can be asked. */
  static ApprovalHandler forExchange(McpSyncServerExchange exchange) {
    if (exchange == null) return null;
    McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
    if (capabilities == null || capabilities.elicitation() == null) return null;
    return (tool, arguments) -> ask(exchange, tool, arguments);
  }

  private static boolean ask(McpSyncServerExchange exchange, Tool tool, JsonNode arguments) {
    try {
      McpSchema.ElicitResult answer = exchange.createElicitation(
          McpSchema.ElicitRequest.builder(message(tool, arguments), SCHEMA).build());
      return answer != null && answer.action() == McpSchema.ElicitResult.Action.ACCEPT
          && (answer.content() == null || !Boolean.FALSE.equals(answer.content().get("approve")));
    } catch (RuntimeException e) {
      return false; // a client that fails to answer has not approved
    }
  }

  static String message(Tool tool, JsonNode arguments) {
    String what = tool.annotations().method() == null ? "" : " (" + tool.annotations().method().toUpperCase()
        + " " + tool.annotations().pathTemplate() + ")";
    String args = Json.write(arguments);
    if (args.length() > MAX_ARGUMENT_CHARS) args = args.substring(0, MAX_ARGUMENT_CHARS) + "…";
    return "Allow executor-tools to call " + tool.id() + what + "? Arguments: " + args;
  }
}

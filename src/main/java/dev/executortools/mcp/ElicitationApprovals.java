package dev.executortools.mcp;

import dev.executortools.ApprovalHandler;
import dev.executortools.Tool;
import dev.executortools.internal.Json;
import dev.executortools.invoke.CallCancellation;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Approval through MCP elicitation: the client of the call is asked whether the tool may run, as a
 * form. Only an {@code accept} whose content has {@code approve} as the boolean {@code true}
 * approves; anything else (decline, cancel, no content, a string, no answer in the server's request
 * timeout, a request the client cancelled meanwhile) is a refusal. A client that cannot show a form
 * (no elicitation, or URL mode only) cannot be asked ({@link #forExchange} is null), so the call
 * answers {@code approval_required}.
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
    if (exchange == null || !asksForms(exchange.getClientCapabilities())) return null;
    CallCancellation cancellation = Cancellations.of(exchange);
    return (tool, arguments) -> ask(exchange, tool, arguments) && !cancellation.cancelled();
  }

  /**
   * Whether a client shows form questions: it declares elicitation with {@code form}, or with
   * neither mode (what clients declared before URL mode existed).
   */
  static boolean asksForms(McpSchema.ClientCapabilities capabilities) {
    McpSchema.ClientCapabilities.Elicitation elicitation = capabilities == null ? null : capabilities.elicitation();
    return elicitation != null && (elicitation.form() != null || elicitation.url() == null);
  }

  /** Whether {@code answer} approves: accepted, with {@code approve} the boolean true. */
  static boolean approves(McpSchema.ElicitResult answer) {
    return answer != null && answer.action() == McpSchema.ElicitResult.Action.ACCEPT
        && answer.content() != null && Boolean.TRUE.equals(answer.content().get("approve"));
  }

  private static boolean ask(McpSyncServerExchange exchange, Tool tool, JsonNode arguments) {
    try {
      return approves(exchange.createElicitation(McpSchema.ElicitRequest.builder(message(tool, arguments), SCHEMA).build()));
    } catch (RuntimeException e) {
      return false; // a client that fails to answer in time has not approved
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

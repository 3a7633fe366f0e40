package dev.executortools.mcp;

import dev.executortools.ApprovalHandler;
import dev.executortools.ApprovalRequest;
import dev.executortools.Tool;
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
  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type", "object",
          "properties",
              Map.of(
                  "approve",
                  Map.of("type", "boolean", "title", "Allow this call", "default", true)),
          "required", java.util.List.of("approve"));

  private ElicitationApprovals() {}

  /** Who approves calls made through {@code exchange}: its client, when it can be asked. */
  static ApprovalHandler forExchange(McpSyncServerExchange exchange) {
    if (exchange == null || !asksForms(exchange.getClientCapabilities())) return null;
    CallCancellation cancellation = Cancellations.of(exchange);
    return new ApprovalHandler() {
      @Override
      public boolean approve(ApprovalRequest request) {
        return ask(exchange, request) && !cancellation.cancelled();
      }

      @Override
      public boolean approve(Tool tool, JsonNode arguments) {
        return approve(ApprovalRequest.of(tool, arguments));
      }
    };
  }

  /**
   * Whether a client shows form questions: it declares elicitation with {@code form}, or with
   * neither mode (what clients declared before URL mode existed).
   */
  static boolean asksForms(McpSchema.ClientCapabilities capabilities) {
    McpSchema.ClientCapabilities.Elicitation elicitation =
        capabilities == null ? null : capabilities.elicitation();
    return elicitation != null && (elicitation.form() != null || elicitation.url() == null);
  }

  /** Whether {@code answer} approves: accepted, with {@code approve} the boolean true. */
  static boolean approves(McpSchema.ElicitResult answer) {
    return answer != null
        && answer.action() == McpSchema.ElicitResult.Action.ACCEPT
        && answer.content() != null
        && Boolean.TRUE.equals(answer.content().get("approve"));
  }

  private static boolean ask(McpSyncServerExchange exchange, ApprovalRequest request) {
    try {
      return approves(
          exchange.createElicitation(
              McpSchema.ElicitRequest.builder(message(request), SCHEMA).build()));
    } catch (RuntimeException e) {
      return false; // a client that fails to answer in time has not approved
    }
  }

  /**
   * The question: what decides the call first, a line each and whole (tool, request, secrets,
   * credentials, where a new source's credentials go), then the arguments with long values cut.
   */
  static String message(ApprovalRequest request) {
    return "Allow executor-tools to make this call?\n"
        + String.join("\n", request.lines())
        + "\nArguments: "
        + ApprovalArguments.shown(request.arguments());
  }
}

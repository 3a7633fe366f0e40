package dev.executortools.mcp;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** A registry tool as an MCP tool specification: listed under its MCP name, called by its id. */
final class ToolSpecs {
  private final ToolRegistry registry;
  private final Runnable afterCall;
  private final ResultShaping results;

  /**
   * {@code afterCall} runs after every call (a call may have added or removed a source); {@code
   * results} makes the answers fit the result budget.
   */
  ToolSpecs(ToolRegistry registry, Runnable afterCall, ResultShaping results) {
    this.registry = registry;
    this.afterCall = afterCall;
    this.results = results;
  }

  SyncToolSpecification forTool(Tool tool, String name) {
    String id = tool.id();
    return new SyncToolSpecification(
        McpToolAdapter.tool(tool, name),
        (exchange, request) -> {
          JsonNode args =
              Json.argumentsMapper()
                  .valueToTree(request.arguments() == null ? Map.of() : request.arguments());
          ToolResult result = call(registry, exchange, id, args);
          afterCall.run();
          return answer(result, exchange.sessionId());
        });
  }

  /**
   * Calls {@code id} for the client of {@code exchange}: asked to approve when it can be, its HTTP
   * calls cancelled when it cancels the request ({@link Cancellations}).
   */
  static ToolResult call(
      ToolRegistry registry, McpSyncServerExchange exchange, String id, JsonNode args) {
    Supplier<ToolResult> once =
        () ->
            Cancellations.of(exchange)
                .run(() -> registry.call(id, args, ElicitationApprovals.forExchange(exchange)));
    ToolResult result = UrlSignIn.signingIn(registry, exchange, once.get(), once);
    return McpToolAdapter.explainApproval(result, id);
  }

  /** A tool's result as an MCP answer within the result budget, kept for {@code session} alone. */
  McpSchema.CallToolResult answer(ToolResult result, String session) {
    return results.answer(result, session);
  }

  /** Runs after a discovery call_tool too. */
  void called() {
    afterCall.run();
  }
}

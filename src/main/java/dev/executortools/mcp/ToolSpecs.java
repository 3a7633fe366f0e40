package dev.executortools.mcp;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
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
    return new SyncToolSpecification(McpToolAdapter.tool(tool, name), (exchange, request) -> {
      JsonNode args = Json.MAPPER.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
      ToolResult result = registry.call(id, args, ElicitationApprovals.forExchange(exchange));
      afterCall.run();
      return answer(McpToolAdapter.explainApproval(result, id));
    });
  }

  /** A tool's result as an MCP answer within the result budget. */
  McpSchema.CallToolResult answer(ToolResult result) {
    return results.answer(result);
  }

  /** Runs after a discovery call_tool too. */
  void called() {
    afterCall.run();
  }
}

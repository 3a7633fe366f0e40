package dev.executortools.mcp;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A registry tool as an MCP tool specification: listed under its MCP name, called by its id. */
final class ToolSpecs {
  private final ToolRegistry registry;
  private final Runnable afterCall;

  /** {@code afterCall} runs after every call (a call may have added or removed a source). */
  ToolSpecs(ToolRegistry registry, Runnable afterCall) {
    this.registry = registry;
    this.afterCall = afterCall;
  }

  SyncToolSpecification forTool(Tool tool, String name) {
    String id = tool.id();
    return new SyncToolSpecification(McpToolAdapter.tool(tool, name), (exchange, request) -> {
      JsonNode args = Json.MAPPER.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
      ToolResult result = registry.call(id, args, ElicitationApprovals.forExchange(exchange));
      afterCall.run();
      return McpToolAdapter.result(McpToolAdapter.explainApproval(result, id));
    });
  }

  /** Runs after a discovery call_tool too. */
  void called() {
    afterCall.run();
  }
}

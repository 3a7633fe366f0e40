package dev.executortools.mcp;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolError;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Our values as MCP wire shapes: a {@link Tool} as a listed MCP tool (its model description, its
 * model-facing input schema with the {@code server} override compact, {@code title} = id, hints
 * from the HTTP method) and a {@link ToolResult} as a call result (the JSON result as {@code
 * structuredContent} and as text; {@code ok: false} is {@code isError}).
 */
public final class McpToolAdapter {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private McpToolAdapter() {}

  public static McpSchema.Tool tool(Tool tool, String name) {
    Tool model = ModelSchemas.forModel(tool);
    var hints = model.annotations();
    return McpSchema.Tool.builder()
        .name(name)
        .title(tool.id())
        .description(tool.modelDescription())
        .inputSchema(map(ModelSchemas.forListing(model.inputSchema())))
        .annotations(
            new McpSchema.ToolAnnotations(
                null,
                hints.readOnlyHint(),
                hints.destructiveHint(),
                hints.idempotentHint(),
                hints.openWorldHint(),
                null))
        .build();
  }

  public static McpSchema.CallToolResult result(ToolResult result) {
    JsonNode json = result.toJson();
    return McpSchema.CallToolResult.builder()
        .structuredContent(map(json))
        .addTextContent(Json.write(json))
        .isError(!result.ok())
        .build();
  }

  /**
   * An {@code approval_required} result says, for an MCP client, how to allow the call: a policy
   * rule, since the client cannot be asked.
   */
  public static ToolResult explainApproval(ToolResult result, String id) {
    if (result.ok() || result.error().code() != ErrorCode.APPROVAL_REQUIRED) return result;
    ToolError error = result.error();
    if (error.details() != null && error.details().has("secrets")) {
      String message =
          error.message().replace(" (on the command line: call --yes)", "")
              + " through this MCP client (it does not support form elicitation), and no rule allows it:"
              + " pass literal values instead, or let the user run the call with executor-tools call.";
      return ToolResult.failure(
          new ToolError(error.code(), message, error.status(), error.details(), error.retryable()));
    }
    String namespace = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
    String message =
        "'"
            + id
            + "' requires approval and this MCP client cannot be asked (it does not"
            + " support form elicitation). To allow it, add a policy rule: executor-tools policies add '"
            + id
            + "' approve (or a pattern such as '"
            + namespace
            + ".*').";
    return ToolResult.failure(
        new ToolError(error.code(), message, error.status(), error.details(), error.retryable()));
  }

  static Map<String, Object> map(JsonNode json) {
    return Json.MAPPER.convertValue(json, MAP);
  }
}

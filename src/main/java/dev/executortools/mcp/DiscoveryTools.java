package dev.executortools.mcp;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.agent.Discovery;
import dev.executortools.internal.Json;
import dev.executortools.schema.ArgumentValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery tools of {@link Discovery} as MCP tools: {@code search_tools}, {@code
 * describe_tool} and {@code call_tool}, whose results are shaped to the MCP answer budget.
 */
final class DiscoveryTools {
  static final String SEARCH = Discovery.SEARCH;
  static final String DESCRIBE = Discovery.DESCRIBE;
  static final String CALL = Discovery.CALL;

  private final Discovery discovery;
  private final ToolRegistry registry;
  private final Runnable afterCall;
  private final BiFunction<ToolResult, String, McpSchema.CallToolResult> answers;

  /** {@code answers}: how call_tool answers a tool's result (within the result budget). */
  DiscoveryTools(
      ToolRegistry registry,
      Runnable afterCall,
      BiFunction<ToolResult, String, McpSchema.CallToolResult> answers) {
    this.discovery = new Discovery(registry);
    this.registry = registry;
    this.afterCall = afterCall;
    this.answers = answers;
  }

  /**
   * The three specifications; {@code catalog} (what sources there are) ends search's description.
   */
  List<SyncToolSpecification> specifications(String catalog) {
    return Discovery.specs(catalog).stream()
        .map(
            spec ->
                answering(
                    spec.name(),
                    spec.description(),
                    spec.inputSchema(),
                    spec.readOnly(),
                    (exchange, args) -> answer(spec.name(), exchange, args)))
        .toList();
  }

  private McpSchema.CallToolResult answer(
      String name, McpSyncServerExchange exchange, JsonNode args) {
    if (!name.equals(CALL)) return McpToolAdapter.result(discovery.answer(name, args, null));
    ToolResult result =
        discovery.answer(
            name,
            args,
            (id, arguments) -> {
              ToolResult called = ToolSpecs.call(registry, exchange, id, arguments);
              afterCall.run();
              return called;
            });
    return answers.apply(result, exchange.sessionId());
  }

  /** How an unknown-tool message ends: the suggestions, else {@code otherwise} in brackets. */
  static String hint(List<String> near, String otherwise) {
    return Discovery.hint(near, otherwise);
  }

  /** A tool whose arguments are validated against {@code schema} before {@code answer} runs. */
  static SyncToolSpecification answering(
      String name,
      String description,
      ObjectNode schema,
      boolean readOnly,
      BiFunction<McpSyncServerExchange, JsonNode, McpSchema.CallToolResult> answer) {
    ArgumentValidator validator = ArgumentValidator.forSchema(schema);
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(name)
            .title(name)
            .description(description)
            .inputSchema(McpToolAdapter.map(schema))
            // search and describe read the registry; call_tool may run any tool: DELETEs, fetches
            .annotations(
                new McpSchema.ToolAnnotations(null, readOnly, !readOnly, readOnly, !readOnly, null))
            .build();
    return new SyncToolSpecification(
        tool,
        (exchange, request) -> {
          JsonNode args =
              Json.argumentsMapper()
                  .valueToTree(
                      request.arguments() == null ? java.util.Map.of() : request.arguments());
          Optional<ToolResult> invalid = Discovery.invalid(name, validator.validate(args));
          if (invalid.isPresent()) return McpToolAdapter.result(invalid.get());
          return answer.apply(exchange, args);
        });
  }
}

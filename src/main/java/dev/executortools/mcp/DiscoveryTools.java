package dev.executortools.mcp;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ArgumentProblem;
import dev.executortools.schema.ArgumentValidator;
import dev.executortools.schema.SchemaPart;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three tools that make a large registry usable from one short list: {@code search_tools}
 * (ranked ids for a task), {@code describe_tool} (one tool with its schemas, {@link
 * DescribeAnswer}) and {@code call_tool} (run a tool by id).
 */
final class DiscoveryTools {
  static final String SEARCH = "search_tools";
  static final String DESCRIBE = "describe_tool";
  static final String CALL = "call_tool";

  private static final ObjectNode SEARCH_SCHEMA =
      schema(
          """
      {"type": "object", "additionalProperties": false, "required": ["query"], "properties": {
        "query": {"type": "string", "minLength": 1, "maxLength": 2000, "description": "The task in your own words, e.g. \\"open an issue in a repo\\"."},
        "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "Most results."},
        "source": {"type": "string", "description": "Only tools of this source (namespace)."}}}""");
  private static final ObjectNode DESCRIBE_SCHEMA =
      schema(
          """
      {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string", "description": "A tool id from search_tools."},
        "definition": {"type": "string", "description": "A part the schemas left out for size, as its placeholder names it ($defs name or pointer), to see it."}}}""");
  private static final ObjectNode CALL_SCHEMA =
      schema(
          """
      {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string", "description": "A tool id from search_tools."},
        "arguments": {"type": "object", "description": "Arguments matching the tool's input schema (see describe_tool)."}}}""");

  private final ToolRegistry registry;
  private final Runnable afterCall;
  private final BiFunction<ToolResult, String, McpSchema.CallToolResult> answers;

  /** {@code answers}: how call_tool answers a tool's result (within the result budget). */
  DiscoveryTools(
      ToolRegistry registry,
      Runnable afterCall,
      BiFunction<ToolResult, String, McpSchema.CallToolResult> answers) {
    this.registry = registry;
    this.afterCall = afterCall;
    this.answers = answers;
  }

  /**
   * The three specifications; {@code catalog} (what sources there are) ends search's description.
   */
  List<SyncToolSpecification> specifications(String catalog) {
    return List.of(
        spec(
            SEARCH,
            "Find tools for a task: ranked {id, description, score}. "
                + catalog
                + " Then use describe_tool for the input schema and call_tool to run it.",
            SEARCH_SCHEMA,
            true,
            (exchange, args) -> search(args)),
        spec(
            DESCRIBE,
            "Describe one tool by id: its description, annotations, input schema and output"
                + " schema (parts left out for size name the definition that shows them).",
            DESCRIBE_SCHEMA,
            true,
            (exchange, args) -> describe(args)),
        answering(
            CALL,
            "Call a tool by id with its arguments; answers the tool's result"
                + " ({\"ok\": true, \"data\"} or {\"ok\": false, \"error\"}).",
            CALL_SCHEMA,
            false,
            (exchange, args) -> answers.apply(call(exchange, args), exchange.sessionId())));
  }

  private ToolResult search(JsonNode args) {
    ArrayNode hits = Json.array();
    registry
        .search(
            args.path("query").asString(), args.path("limit").asInt(10), Json.text(args, "source"))
        .forEach(hit -> hits.add(hit.toJson()));
    return ToolResult.success(hits);
  }

  private ToolResult describe(JsonNode args) {
    String id = args.path("id").asString();
    Optional<Tool> tool = registry.tool(id);
    if (tool.isEmpty()) return unknown(id);
    String definition = Json.text(args, "definition");
    if (definition == null) return DescribeAnswer.tool(tool.get());
    Optional<SchemaPart> part =
        SchemaPart.find(tool.get().inputSchema(), tool.get().outputSchema(), definition);
    if (part.isEmpty())
      return ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, SchemaPart.missing(id, definition));
    return DescribeAnswer.part(tool.get(), part.get(), definition);
  }

  private ToolResult call(McpSyncServerExchange exchange, JsonNode args) {
    String id = args.path("id").asString();
    if (registry.tool(id).isEmpty()) return unknown(id);
    JsonNode arguments = args.has("arguments") ? args.get("arguments") : Json.object();
    ToolResult result = ToolSpecs.call(registry, exchange, id, arguments);
    afterCall.run();
    return result;
  }

  private ToolResult unknown(String id) {
    List<String> near = registry.closestIds(id, 5);
    ObjectNode details = Json.object();
    ArrayNode suggestions = details.putArray("suggestions");
    near.forEach(suggestions::add);
    return ToolResult.failure(
        ToolError.of(
                ErrorCode.UNKNOWN_TOOL,
                "no tool with id '"
                    + UnknownTools.shown(id)
                    + "'"
                    + hint(near, "use search_tools to find one"))
            .withDetails(details));
  }

  /** How an unknown-tool message ends: the suggestions, else {@code otherwise} in brackets. */
  static String hint(List<String> near, String otherwise) {
    return near.isEmpty()
        ? " (" + otherwise + ")"
        : "; did you mean " + String.join(", ", near) + "?";
  }

  private static SyncToolSpecification spec(
      String name,
      String description,
      ObjectNode schema,
      boolean readOnly,
      BiFunction<McpSyncServerExchange, JsonNode, ToolResult> run) {
    return answering(
        name,
        description,
        schema,
        readOnly,
        (exchange, args) -> McpToolAdapter.result(run.apply(exchange, args)));
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
          List<ArgumentProblem> problems = validator.validate(args);
          if (!problems.isEmpty()) {
            ArgumentProblem first = problems.get(0);
            return McpToolAdapter.result(
                ToolResult.failure(
                    ErrorCode.INVALID_ARGUMENTS,
                    "arguments do not match the input schema of '"
                        + name
                        + "': "
                        + (first.path().isEmpty() ? "" : first.path() + ": ")
                        + first.message()));
          }
          return answer.apply(exchange, args);
        });
  }

  private static ObjectNode schema(String json) {
    return (ObjectNode) Json.parse(json);
  }
}

package dev.executortools.agent;

import dev.executortools.ErrorCode;
import dev.executortools.SourceInfo;
import dev.executortools.Tool;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ArgumentProblem;
import dev.executortools.schema.ArgumentValidator;
import dev.executortools.schema.SchemaPart;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three tools that make a large registry usable from one short list, for every agent host (MCP,
 * LangChain4j, Spring AI): {@code search_tools} (ranked ids for a task), {@code describe_tool} (one
 * tool with its schemas, within 64 KB) and {@code call_tool} (run a tool by id). Each answers a
 * {@link ToolResult}; arguments are checked against the tool's schema first.
 */
public final class Discovery {
  public static final String SEARCH = "search_tools";
  public static final String DESCRIBE = "describe_tool";
  public static final String CALL = "call_tool";

  private static final int MAX_SHOWN_CHARS = 200;

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

  /**
   * Built on first use only: a host that checks arguments itself (the MCP server) never holds a
   * second set (a small heap serving a large source has no room to spare).
   */
  private static final class Validators {
    static final Map<String, ArgumentValidator> BY_NAME =
        Map.of(
            SEARCH, ArgumentValidator.forSchema(SEARCH_SCHEMA),
            DESCRIBE, ArgumentValidator.forSchema(DESCRIBE_SCHEMA),
            CALL, ArgumentValidator.forSchema(CALL_SCHEMA));
  }

  /** One discovery tool as a host lists it; {@code readOnly} for search and describe. */
  public record Spec(String name, String description, ObjectNode inputSchema, boolean readOnly) {
    /** A copy of the schema: the caller's to change. */
    @Override
    public ObjectNode inputSchema() {
      return inputSchema.deepCopy();
    }
  }

  private final ToolRegistry registry;

  public Discovery(ToolRegistry registry) {
    this.registry = registry;
  }

  /** The three tools; {@code catalog} (what sources there are) ends search's description. */
  public static List<Spec> specs(String catalog) {
    return List.of(
        new Spec(
            SEARCH,
            "Find tools for a task: ranked {id, description, score}. "
                + catalog
                + " Then use describe_tool for the input schema and call_tool to run it.",
            SEARCH_SCHEMA,
            true),
        new Spec(
            DESCRIBE,
            "Describe one tool by id: its description, annotations, input schema and output"
                + " schema (parts left out for size name the definition that shows them).",
            DESCRIBE_SCHEMA,
            true),
        new Spec(
            CALL,
            "Call a tool by id with its arguments; answers the tool's result"
                + " ({\"ok\": true, \"data\"} or {\"ok\": false, \"error\"}).",
            CALL_SCHEMA,
            false));
  }

  /**
   * What a discovery tool answers for {@code args} that fit its schema ({@link #check} them first):
   * search's hits, describe's answer, or for call {@code call.apply(id, arguments)} when the
   * registry lists the tool ({@code unknown_tool} with suggestions when it does not).
   */
  public ToolResult answer(
      String name, JsonNode args, BiFunction<String, JsonNode, ToolResult> call) {
    return switch (name) {
      case SEARCH -> search(args);
      case DESCRIBE -> describe(args);
      case CALL -> call(args, call);
      default -> throw new IllegalArgumentException("not a discovery tool: " + name);
    };
  }

  /** {@code invalid_arguments} naming the first problem when {@code args} do not fit. */
  public static Optional<ToolResult> check(String name, JsonNode args) {
    return invalid(name, Validators.BY_NAME.get(name).validate(args));
  }

  /** {@code invalid_arguments} naming the first of {@code problems}; empty when there are none. */
  public static Optional<ToolResult> invalid(String name, List<ArgumentProblem> problems) {
    if (problems.isEmpty()) return Optional.empty();
    ArgumentProblem first = problems.get(0);
    return Optional.of(
        ToolResult.failure(
            ErrorCode.INVALID_ARGUMENTS,
            "arguments do not match the input schema of '"
                + name
                + "': "
                + (first.path().isEmpty() ? "" : first.path() + ": ")
                + first.message()));
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

  private ToolResult call(JsonNode args, BiFunction<String, JsonNode, ToolResult> call) {
    String id = args.path("id").asString();
    if (registry.tool(id).isEmpty()) return unknown(id);
    return call.apply(id, args.has("arguments") ? args.get("arguments") : Json.object());
  }

  /** {@code unknown_tool} for {@code id}, with the closest ids as {@code details.suggestions}. */
  public ToolResult unknown(String id) {
    List<String> near = registry.closestIds(id, 5);
    ObjectNode details = Json.object();
    ArrayNode suggestions = details.putArray("suggestions");
    near.forEach(suggestions::add);
    return ToolResult.failure(
        ToolError.of(
                ErrorCode.UNKNOWN_TOOL,
                "no tool with id '" + shown(id) + "'" + hint(near, "use search_tools to find one"))
            .withDetails(details));
  }

  /** How an unknown-tool message ends: the suggestions, else {@code otherwise} in brackets. */
  public static String hint(List<String> near, String otherwise) {
    return near.isEmpty()
        ? " (" + otherwise + ")"
        : "; did you mean " + String.join(", ", near) + "?";
  }

  /** How many tools a registry has: the built-in ones and those of every added source. */
  public static int count(List<Tool> builtIn, List<SourceInfo> added) {
    return builtIn.size() + added.stream().mapToInt(SourceInfo::toolCount).sum();
  }

  /** What sources there are, for the end of search's description: "Searches N tools of ...". */
  public static String catalog(List<Tool> builtIn, List<SourceInfo> added, int count) {
    Map<String, Integer> bySource = new TreeMap<>();
    builtIn.forEach(t -> bySource.merge(t.source(), 1, Integer::sum));
    added.forEach(s -> bySource.merge(s.namespace(), s.toolCount(), Integer::sum));
    return "Searches "
        + count
        + " tools of sources: "
        + bySource.entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + ")")
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** {@code text} cut to a length fit for a message. */
  public static String shown(String text) {
    return text.length() > MAX_SHOWN_CHARS ? text.substring(0, MAX_SHOWN_CHARS) + "..." : text;
  }

  private static ObjectNode schema(String json) {
    return (ObjectNode) Json.parse(json);
  }
}

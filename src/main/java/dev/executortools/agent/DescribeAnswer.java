package dev.executortools.agent;

import dev.executortools.Tool;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import dev.executortools.schema.PartCut;
import dev.executortools.schema.SchemaPart;
import java.util.function.Function;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code describe_tool} answers, within {@link #MAX_BYTES} for the whole MCP answer (the
 * result as {@code structuredContent} and again as text): the tool with its model description and
 * both schemas cut as {@link ModelSchemas} cuts input schemas (deepest {@code $defs} first, then,
 * when that is not enough, the largest parts: {@link PartCut}). Every placeholder names what {@code
 * describe_tool {"id", "definition"}} takes to show it, and a definition asked for is cut the same
 * way. The input schema keeps the full {@code server} property listings make compact.
 */
final class DescribeAnswer {
  static final int MAX_BYTES = 64 * 1024;

  /** The JSON-RPC message and call result around the two copies, with room to spare. */
  private static final int ENVELOPE = 1024;

  private static final String KEPT =
      "omitted to keep this answer within " + MAX_BYTES / 1024 + " KB";

  private DescribeAnswer() {}

  /** The tool, described. */
  static ToolResult tool(Tool tool) {
    return within(budget -> ToolResult.success(describe(tool, budget)));
  }

  /** One part of its full schemas ({@code asked}: the name or pointer the caller gave). */
  static ToolResult part(Tool tool, SchemaPart part, String asked) {
    return within(
        budget -> {
          ObjectNode data =
              Json.object()
                  .put("id", tool.id())
                  .put("definition", asked)
                  .put("pointer", part.pointer());
          int room = budget - ModelSchemas.sizeOf(data) - 12;
          data.set(
              "schema",
              PartCut.within(part.schema(), room, part.pointer(), partPlaceholder(tool.id())));
          return ToolResult.success(data);
        });
  }

  /** The bytes the answer's two copies take: compact JSON, and the same JSON as a string. */
  static int answerBytes(ToolResult result) {
    byte[] json = Json.MAPPER.writeValueAsBytes(result.toJson());
    int escapes = 0;
    for (byte b : json) if (b == '"' || b == '\\') escapes++;
    return 2 * json.length + escapes + 2;
  }

  /** Answers built for smaller budgets until one fits (escaping makes the text copy larger). */
  private static ToolResult within(IntFunction<ToolResult> answer) {
    int limit = MAX_BYTES - ENVELOPE;
    int budget = limit / 2;
    ToolResult result = answer.apply(budget);
    for (int size = answerBytes(result);
        size > limit && budget > 1024;
        size = answerBytes(result)) {
      budget = (int) ((long) budget * limit / size) - 256;
      result = answer.apply(budget);
    }
    return result;
  }

  private static ObjectNode describe(Tool tool, int budget) {
    ObjectNode input = tool.inputSchema();
    ObjectNode output = tool.outputSchema();
    ObjectNode json = Json.object();
    tool.toJson().properties().forEach(e -> json.set(e.getKey(), e.getValue()));
    json.put("description", tool.modelDescription());
    int inputSize = ModelSchemas.sizeOf(input);
    int outputSize = output == null ? 0 : ModelSchemas.sizeOf(output);
    int room = budget - ModelSchemas.sizeOf(json) + inputSize + outputSize;
    if (inputSize + outputSize <= room) return json;
    int inputRoom =
        Math.min(ModelSchemas.DEFAULT_BUDGET_BYTES, room - Math.min(outputSize, room / 3));
    JsonNode cutInput =
        cut(
            input,
            inputRoom,
            "/inputSchema",
            name -> ModelSchemas.placeholderText(name, tool.id()),
            tool.id());
    json.set("inputSchema", cutInput);
    if (output != null) {
      int outputRoom = room - ModelSchemas.sizeOf(cutInput);
      json.set(
          "outputSchema",
          cut(output, outputRoom, "/outputSchema", outputPlaceholder(tool), tool.id()));
    }
    return json;
  }

  private static JsonNode cut(
      ObjectNode full, int room, String pointer, Function<String, String> defText, String id) {
    return PartCut.within(
        ModelSchemas.forModel(full, room, defText), room, pointer, partPlaceholder(id));
  }

  /**
   * An output definition is shown by its name, unless the input schema has another definition of
   * that name (one with read-only or write-only properties): then by its pointer.
   */
  private static Function<String, String> outputPlaceholder(Tool tool) {
    JsonNode inputDefs = tool.inputSchema().path("$defs");
    JsonNode outputDefs = tool.outputSchema().path("$defs");
    return name -> {
      boolean other = inputDefs.has(name) && !inputDefs.get(name).equals(outputDefs.get(name));
      String asked = other ? "/outputSchema/$defs/" + SchemaPart.escape(name) : name;
      return "Definition '"
          + name
          + "' of the output schema "
          + KEPT
          + ". To see it: describe_tool {\"id\": \""
          + tool.id()
          + "\", \"definition\": \""
          + asked
          + "\"}.";
    };
  }

  private static Function<String, JsonNode> partPlaceholder(String id) {
    return pointer ->
        Json.object()
            .put(
                "description",
                "Part "
                    + KEPT
                    + " (calls are checked against the full"
                    + " schema). To see it: describe_tool {\"id\": \""
                    + id
                    + "\", \"definition\": \""
                    + pointer
                    + "\"}.");
  }
}

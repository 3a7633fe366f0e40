package dev.executortools.compile;

import dev.executortools.Tool;
import dev.executortools.internal.Json;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI operation compiled once: the tool others see, the binding calls use, and what listings
 * need of the operation. The tool carries its operation's summary ({@link Tool#summary()}).
 *
 * @param inputSchema the tool's input schema itself, not a copy ({@link Tool#inputSchema()}
 *     copies): what the machinery reads (validators, the store, the search index), never changes,
 *     and keeps sharing its {@code $defs} with the other tools of the source
 * @param outputSchema the output schema likewise, or null
 */
public record CompiledTool(
    Tool tool,
    ObjectNode inputSchema,
    ObjectNode outputSchema,
    HttpBinding binding,
    OperationInfo operation) {

  public CompiledTool {
    if (tool != null && operation != null && !Objects.equals(tool.summary(), operation.summary())) {
      tool = tool.withSummary(operation.summary());
    }
  }

  /** A compiled tool whose schemas are copies of {@code tool}'s. */
  public CompiledTool(Tool tool, HttpBinding binding, OperationInfo operation) {
    this(tool, tool.inputSchema(), tool.outputSchema(), binding, operation);
  }

  /** {@link Tool#toJson()} with each schema as {@code schema} makes it of the uncopied original. */
  public ObjectNode toolJson(UnaryOperator<ObjectNode> schema) {
    ObjectNode json =
        new Tool(
                tool.id(),
                tool.name(),
                tool.source(),
                tool.description(),
                Json.object(),
                outputSchema == null ? null : Json.object(),
                tool.annotations())
            .toJson();
    json.set("inputSchema", schema.apply(inputSchema));
    if (outputSchema != null) json.set("outputSchema", schema.apply(outputSchema));
    return json;
  }
}

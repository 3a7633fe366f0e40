package dev.executortools.compile;

import dev.executortools.Tool;
import java.util.Objects;

/**
 * An OpenAPI operation compiled once: the tool others see, the binding calls use, and what
 * listings need of the operation. The tool carries its operation's summary ({@link Tool#summary()}).
 */
public record CompiledTool(Tool tool, HttpBinding binding, OperationInfo operation) {

  public CompiledTool {
    if (tool != null && operation != null && !Objects.equals(tool.summary(), operation.summary())) {
      tool = tool.withSummary(operation.summary());
    }
  }
}

package dev.executortools.compile;

import dev.executortools.Tool;

/**
 * An OpenAPI operation compiled once: the tool others see, the binding calls use, and what
 * listings need of the operation.
 */
public record CompiledTool(Tool tool, HttpBinding binding, OperationInfo operation) {}

package dev.executortools.compile;

import dev.executortools.Tool;

/** An OpenAPI operation compiled once: the tool others see and the binding calls use. */
public record CompiledTool(Tool tool, HttpBinding binding) {}

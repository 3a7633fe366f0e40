package dev.executortools.store;

import dev.executortools.compile.CompiledTool;

/**
 * One tool of a stored source with the source's summary, read together ({@link
 * SourceStore#toolWithSummary}); {@code tool} is null when the source has no tool of the id asked
 * for.
 */
public record SourceTool(SourceSummary summary, CompiledTool tool) {}

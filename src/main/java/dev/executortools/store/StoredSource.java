package dev.executortools.store;

import dev.executortools.compile.CompiledTool;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source as kept by a {@link SourceStore}: what the user gave and the tools compiled from it, so
 * a new process lists and calls them without reading the spec again.
 *
 * @param refreshedAt when {@code tools} were compiled (equal to {@code addedAt} until a refresh)
 */
public record StoredSource(
    SourceConfig config, Instant addedAt, Instant refreshedAt, List<CompiledTool> tools) {

  public StoredSource {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    tools = List.copyOf(tools);
  }

  /** A source added now. */
  public static StoredSource added(SourceConfig config, List<CompiledTool> tools, Instant now) {
    return new StoredSource(config, now, now, tools);
  }

  public String namespace() {
    return config.namespace();
  }

  /** The same source with freshly compiled tools (and possibly changed config). */
  public StoredSource refreshed(SourceConfig newConfig, List<CompiledTool> newTools, Instant now) {
    return new StoredSource(newConfig, addedAt, now, newTools);
  }

  /** The source without its tools, as {@code sources list} shows it. */
  public SourceSummary summary() {
    return new SourceSummary(
        config,
        addedAt,
        refreshedAt,
        tools.size(),
        config.specText() == null ? -1 : config.specText().length());
  }

  /** {@link SourceSummary#toRedactedJson()} of {@link #summary()}. */
  public ObjectNode toRedactedJson() {
    return summary().toRedactedJson();
  }

  /** Short and safe: the namespace, tool count and times (no credentials, no tool list). */
  @Override
  public String toString() {
    return "StoredSource[namespace="
        + namespace()
        + ", tools="
        + tools.size()
        + ", addedAt="
        + addedAt
        + ", refreshedAt="
        + refreshedAt
        + "]";
  }
}

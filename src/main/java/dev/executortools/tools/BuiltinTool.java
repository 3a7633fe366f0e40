package dev.executortools.tools;

import dev.executortools.Tool;

/**
 * A tool of the plugin's own, whose descriptor is made on first use: a registry that only calls
 * stored tools never reads a built-in tool's schema.
 */
abstract class BuiltinTool implements LocalTool {
  private final String id;
  private Tool descriptor;

  BuiltinTool(String id) {
    this.id = id;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final synchronized Tool descriptor() {
    if (descriptor == null) descriptor = describe();
    return descriptor;
  }

  /** The descriptor; its id is {@link #id()}. */
  abstract Tool describe();
}

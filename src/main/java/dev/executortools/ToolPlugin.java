package dev.executortools;

import java.util.Map;

/**
 * How a JVM agent host finds the plugin with {@link java.util.ServiceLoader} instead of naming its
 * classes: {@code ServiceLoader.load(ToolPlugin.class).findFirst()}.
 */
public interface ToolPlugin {
  /** The plugin's name, {@code executor-tools}. */
  String name();

  /**
   * Opens a registry. Settings: {@code home} (directory of all state; absent keeps everything in
   * memory). Hosts needing more (approvals, secrets, an HTTP client) use {@link
   * ToolRegistry#builder()}.
   */
  ToolRegistry open(Map<String, String> settings);
}

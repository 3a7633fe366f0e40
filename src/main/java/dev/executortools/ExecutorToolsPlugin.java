package dev.executortools;

import java.nio.file.Path;
import java.util.Map;

/** The {@link ToolPlugin} registered in {@code META-INF/services}. */
public final class ExecutorToolsPlugin implements ToolPlugin {
  @Override
  public String name() {
    return "executor-tools";
  }

  @Override
  public ToolRegistry open(Map<String, String> settings) {
    String home = settings.get("home");
    return ToolRegistry.builder().home(home == null ? null : Path.of(home)).build();
  }
}

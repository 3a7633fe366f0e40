package dev.executortools.scale;

import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import java.nio.file.Path;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run in a JVM of its own by {@link LargeSourceSearchTest}: holds every tool of a home in memory at
 * once ({@link ToolRegistry#tools()}), which is what search must not need. Prints how many tools it
 * holds and why sources could not be loaded, as {@code {"tools": N, "problems": [..]}}.
 */
public final class LoadEveryTool {
  private LoadEveryTool() {}

  public static void main(String[] args) {
    try (ToolRegistry registry = ToolRegistry.builder().home(Path.of(args[0])).build()) {
      int tools = registry.tools().size();
      ObjectNode out = Json.object().put("tools", tools);
      ArrayNode problems = out.putArray("problems");
      registry.sourceProblems().forEach(p -> problems.add(p.message()));
      System.out.println(Json.write(out));
    }
  }
}

package dev.executortools.cli;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;

/** {@code tools list} and {@code tools describe ID}. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "List and describe tools.",
    subcommands = {ToolsCommand.ListTools.class, ToolsCommand.Describe.class})
final class ToolsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print every tool (data: an array in executor's order).")
  static final class ListTools implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        ArrayNode tools = Json.array();
        registry.tools().forEach(t -> tools.add(t.toJson()));
        int damaged = registry.sourceProblems().size();
        if (damaged > 0) {
          Output.error(damaged + " stored source(s) could not be read and are left out: see 'sources list'");
        }
        return Output.ok(tools);
      }
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Print one tool (unknown_tool, with the closest ids, when there is none).")
  static final class Describe implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "ID", description = "Tool id, e.g. token.createToken.")
    String id;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        Optional<Tool> tool = registry.tool(id);
        return tool.isPresent() ? Output.ok(tool.get().toJson()) : Output.result(registry.unknownTool(id));
      }
    }
  }
}

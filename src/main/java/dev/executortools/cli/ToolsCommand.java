package dev.executortools.cli;

import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tools list} and {@code tools describe ID}. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "List and describe tools.",
    subcommands = {ToolsCommand.ListTools.class, ToolsCommand.Describe.class})
final class ToolsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print every tool as a JSON array in executor's order: id, description, annotations.")
  static final class ListTools implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--schemas", description = "Include each tool's input schema.")
    boolean schemas;

    @Option(names = "--source", paramLabel = "NS", description = "Only the tools of this source.")
    String source;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        Output.jsonArray(gen -> registry.forEachTool(source, schemas, tool -> gen.writeTree(
            schemas ? tool.toJson() : ToolListing.withoutSchemas(tool))));
        int damaged = registry.sourceProblems().size();
        if (damaged > 0) {
          Output.error(damaged + " stored source(s) could not be read and are left out: see 'sources list'");
        }
        return 0;
      }
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true, description = "Print one tool (exit 2 when unknown).")
  static final class Describe implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "ID", description = "Tool id, e.g. token.createToken.")
    String id;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        Optional<Tool> tool = registry.tool(id);
        if (tool.isEmpty()) {
          Output.error("unknown tool: " + id);
          return 2;
        }
        Output.json(tool.get().toJson());
        return 0;
      }
    }
  }
}

package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import dev.executortools.schema.SchemaPart;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tools list}, {@code tools describe ID} and {@code tools search QUERY}. */
@Command(
    name = "tools",
    mixinStandardHelpOptions = true,
    description = "List and describe tools.",
    subcommands = {
      ToolsCommand.ListTools.class,
      ToolsCommand.Describe.class,
      ToolsCommand.Search.class
    })
final class ToolsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print every tool (data: an array in executor's order): id, description, annotations.")
  static final class ListTools implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--schemas", description = "Include each tool's input schema.")
    boolean schemas;

    @Option(names = "--source", paramLabel = "NS", description = "Only the tools of this source.")
    String source;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        int exit =
            Output.okArray(
                gen ->
                    registry.forEachTool(
                        source,
                        schemas,
                        tool ->
                            gen.writeTree(
                                schemas
                                    ? ModelSchemas.forModel(tool).toJson()
                                    : ToolListing.withoutSchemas(tool))));
        int damaged = registry.sourceProblems().size();
        if (damaged > 0) {
          Output.error(
              damaged + " stored source(s) could not be read and are left out: see 'sources list'");
        }
        return exit;
      }
    }
  }

  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = "Print one tool (unknown_tool, with the closest ids, when there is none).")
  static final class Describe implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "ID", description = "Tool id, e.g. token.createToken.")
    String id;

    @Option(
        names = "--definition",
        paramLabel = "NAME",
        description =
            "Print one part of the full input or output schema ($defs name or JSON pointer), e.g. one the model-facing schema left out for size.")
    String definition;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        Optional<Tool> tool = registry.tool(id);
        if (tool.isEmpty()) return Output.result(registry.unknownTool(id));
        if (definition == null) return Output.ok(ModelSchemas.forModel(tool.get()).toJson());
        Optional<SchemaPart> part =
            SchemaPart.find(tool.get().inputSchema(), tool.get().outputSchema(), definition);
        if (part.isEmpty())
          return Output.fail(
              ToolError.of(ErrorCode.INVALID_ARGUMENTS, SchemaPart.missing(id, definition)));
        ObjectNode data =
            Json.object()
                .put("id", id)
                .put("definition", definition)
                .put("pointer", part.get().pointer());
        data.set("schema", part.get().schema());
        return Output.ok(data);
      }
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description =
          "Rank tools for a task described in words: {\"ok\": true, \"data\": [{id, description, score}]}.")
  static final class Search implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(
        arity = "1..*",
        paramLabel = "QUERY",
        description = "The task, e.g. \"open an issue in a repo\".")
    List<String> query;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "10",
        description = "Most results (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--source", paramLabel = "NS", description = "Only tools of this source.")
    String source;

    @Override
    public Integer call() {
      if (limit < 1) return Output.usage("--limit must be at least 1");
      try (ToolRegistry registry = home.open(null)) {
        ArrayNode hits = Json.array();
        registry.search(String.join(" ", query), limit, source).forEach(h -> hits.add(h.toJson()));
        return Output.ok(hits);
      }
    }
  }
}

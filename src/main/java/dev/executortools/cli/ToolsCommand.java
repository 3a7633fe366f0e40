package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tools list}, {@code tools describe ID} and {@code tools search QUERY}. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "List and describe tools.",
    subcommands = {ToolsCommand.ListTools.class, ToolsCommand.Describe.class, ToolsCommand.Search.class})
final class ToolsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Print every tool as a JSON array, sorted by id.")
  static final class ListTools implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        ArrayNode out = Json.array();
        registry.tools().forEach(t -> out.add(t.forModel().toJson()));
        Output.json(out);
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

    @Option(names = "--definition", paramLabel = "NAME",
        description = "Print one definition of the full input schema ($defs name or JSON pointer), e.g. one the model-facing schema left out for size.")
    String definition;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        Optional<Tool> tool = registry.tool(id);
        if (tool.isEmpty()) {
          Output.error("unknown tool: " + id);
          return 2;
        }
        if (definition == null) {
          Output.json(tool.get().forModel().toJson());
          return 0;
        }
        Optional<JsonNode> part = ModelSchemas.part(tool.get().inputSchema(), definition);
        if (part.isEmpty()) {
          Output.json(ToolResult.failure(ErrorCode.INVALID_ARGUMENTS,
              "'" + id + "' has no definition '" + definition + "' in its input schema").toJson());
          return 1;
        }
        ObjectNode data = Json.object().put("id", id).put("definition", definition);
        data.set("schema", part.get());
        Output.json(ToolResult.success(data).toJson());
        return 0;
      }
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "Rank tools for a task described in words: {\"ok\": true, \"data\": [{id, description, score}]}.")
  static final class Search implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The task, e.g. \"open an issue in a repo\".")
    List<String> query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most results (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--source", paramLabel = "NS", description = "Only tools of this source.")
    String source;

    @Override
    public Integer call() {
      if (limit < 1) {
        Output.json(ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, "--limit must be at least 1").toJson());
        return 2;
      }
      try (ToolRegistry registry = home.open(null)) {
        ArrayNode hits = Json.array();
        registry.search(String.join(" ", query), limit, source).forEach(h -> hits.add(h.toJson()));
        Output.json(ToolResult.success(hits).toJson());
        return 0;
      }
    }
  }
}

package dev.executortools.cli;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code sources list | remove NS | refresh NS}. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "List, remove and refresh added sources.",
    subcommands = {SourcesCommand.ListSources.class, SourcesCommand.Remove.class, SourcesCommand.Refresh.class})
final class SourcesCommand {

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print the added sources (credentials redacted) and any stored source that cannot be read.")
  static final class ListSources implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        ObjectNode out = Json.object();
        ArrayNode sources = out.putArray("sources");
        registry.sources().forEach(s -> sources.add(s.toRedactedJson()));
        ArrayNode problems = out.putArray("problems");
        registry.sourceProblems().forEach(p -> problems.addObject()
            .put("namespace", p.namespace()).put("message", p.message()));
        Output.json(out);
        return registry.sourceProblems().isEmpty() ? 0 : 1;
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a source and its tools.")
  static final class Remove implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "NS", description = "The source's namespace.")
    String namespace;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        return print(registry.removeSource(namespace));
      }
    }
  }

  @Command(name = "refresh", mixinStandardHelpOptions = true,
      description = "Fetch a URL source again (or recompile an inline one) and report added/removed/changed tool ids.")
  static final class Refresh implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "NS", description = "The source's namespace.")
    String namespace;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        return print(registry.refreshSource(namespace));
      }
    }
  }

  static int print(ToolResult result) {
    Output.json(result.toJson());
    return result.ok() ? 0 : 1;
  }
}

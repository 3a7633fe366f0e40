package dev.executortools.cli;

import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code sources list | remove ID | refresh ID}. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "List, remove and refresh added sources.",
    subcommands = {
      SourcesCommand.ListSources.class,
      SourcesCommand.Remove.class,
      SourcesCommand.Refresh.class
    })
final class SourcesCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the added sources (credentials redacted) and, under problems, any stored source that cannot be read.")
  static final class ListSources implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        ObjectNode data = Json.object();
        ArrayNode sources = data.putArray("sources");
        registry.sources().forEach(s -> sources.add(s.redacted()));
        ArrayNode problems = data.putArray("problems");
        registry
            .sourceProblems()
            .forEach(
                p -> {
                  ObjectNode problem =
                      problems
                          .addObject()
                          .put("sourceId", p.namespace())
                          .put("message", p.message());
                  if (p.file() != null) problem.put("file", p.file());
                });
        return Output.ok(data);
      }
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a source and its tools.")
  static final class Remove implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(
        paramLabel = "SOURCE_ID",
        description = "The source's id (the namespace it was added with).")
    String sourceId;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        return Output.result(registry.removeSource(sourceId));
      }
    }
  }

  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description =
          "Fetch a URL source again (or recompile an inline one) and report added/removed/changed tool ids.")
  static final class Refresh implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(
        paramLabel = "SOURCE_ID",
        description = "The source's id (the namespace it was added with).")
    String sourceId;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        return Output.result(registry.refreshSource(sourceId));
      }
    }
  }
}

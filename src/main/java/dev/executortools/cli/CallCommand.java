package dev.executortools.cli;

import dev.executortools.ApprovalHandler;
import dev.executortools.ErrorCode;
import dev.executortools.parse.SpecFiles;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code call [--yes] ID [JSON | -]}: exit 0 when ok, 1 when ok:false, 2 on usage errors. */
@Command(name = "call", mixinStandardHelpOptions = true,
    description = "Call a tool and print its result: exit 0 ok, 1 ok:false, 2 usage error.")
final class CallCommand implements Callable<Integer> {
  @Mixin HomeOption home;

  @Option(names = {"--yes", "-y"}, description = "Approve the call if the tool requires approval.")
  boolean yes;

  @Option(names = "--arg-file", paramLabel = "NAME=FILE",
      description = "Set string argument NAME to the text of a local FILE (repeatable), e.g. --arg-file spec=petstore.yaml.")
  Map<String, Path> argFiles = new LinkedHashMap<>();

  @Parameters(index = "0", paramLabel = "ID", description = "Tool id.")
  String id;

  @Parameters(index = "1", arity = "0..1", paramLabel = "JSON",
      description = "Arguments as a JSON object, or - to read them from stdin (default {}).")
  String arguments;

  @Override
  public Integer call() throws IOException {
    JsonNode args;
    try {
      String text = "-".equals(arguments)
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : arguments;
      args = text == null || text.isBlank() ? Json.object() : Json.parse(text);
    } catch (JacksonException e) {
      Output.json(ToolResult.failure(ErrorCode.INVALID_ARGUMENTS,
          "arguments are not valid JSON: " + e.getOriginalMessage()).toJson());
      return 2;
    }
    if (!argFiles.isEmpty()) {
      if (!(args instanceof ObjectNode object)) {
        Output.error("--arg-file needs the arguments to be a JSON object");
        return 2;
      }
      for (Map.Entry<String, Path> file : argFiles.entrySet()) {
        try {
          object.put(file.getKey(), SpecFiles.read(file.getValue()));
        } catch (IOException e) {
          Output.error("cannot read " + file.getValue() + ": " + e.getMessage());
          return 2;
        }
      }
    }
    try (ToolRegistry registry = home.open(approvals())) {
      ToolResult result = registry.call(id, args);
      Output.json(result.toJson());
      return result.ok() ? 0 : 1;
    }
  }

  /** --yes approves; a terminal is asked; otherwise no one can be asked. */
  private ApprovalHandler approvals() {
    if (yes) return ApprovalHandler.APPROVE_ALL;
    Console console = System.console();
    if (console == null) return null;
    return (tool, args) -> {
      String answer = console.readLine("Call %s (%s)? [y/N] ", tool.id(),
          tool.annotations().method() == null ? "local" : tool.annotations().method().toUpperCase()
              + " " + tool.annotations().pathTemplate());
      return answer != null && answer.trim().toLowerCase().startsWith("y");
    };
  }
}

package dev.executortools.cli;

import dev.executortools.ApprovalHandler;
import dev.executortools.ApprovalRequest;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.internal.Json;
import dev.executortools.parse.SpecFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code call [--yes] ID [JSON | -]}: exit 0 when ok, 1 when ok:false, 2 on usage errors. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Call a tool and print its result: exit 0 ok, 1 ok:false, 2 usage error.")
final class CallCommand implements Callable<Integer> {
  @Mixin HomeOption home;

  @Option(
      names = {"--yes", "-y"},
      description = "Approve the call if the tool requires approval.")
  boolean yes;

  @Option(
      names = "--arg-file",
      paramLabel = "NAME=FILE",
      description =
          "Set string argument NAME to the text of a local FILE (repeatable), e.g. --arg-file spec=petstore.yaml.")
  Map<String, Path> argFiles = new LinkedHashMap<>();

  @Mixin AwsProfileOption awsProfile;

  @Parameters(index = "0", paramLabel = "ID", description = "Tool id.")
  String id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "JSON",
      description = "Arguments as a JSON object, or - to read them from stdin (default {}).")
  String arguments;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    JsonNode args;
    try {
      String text =
          "-".equals(arguments)
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : arguments;
      args = text == null || text.isBlank() ? Json.object() : Json.parseArguments(text);
    } catch (JacksonException e) {
      return Output.usage("arguments are not valid JSON: " + e.getOriginalMessage());
    }
    if (!argFiles.isEmpty()) {
      if (!(args instanceof ObjectNode object))
        return Output.usage("--arg-file needs the arguments to be a JSON object");
      for (Map.Entry<String, Path> file : argFiles.entrySet()) {
        try {
          object.put(file.getKey(), SpecFiles.read(file.getValue()));
        } catch (IOException e) {
          return Output.usage("cannot read " + file.getValue() + ": " + e.getMessage());
        }
      }
    }
    Optional<Terminal> terminal = yes ? Optional.empty() : terminals().open();
    try (ToolRegistry registry = home.open(approvals(terminal.orElse(null)), awsProfile.name)) {
      return Output.result(registry.call(id, args));
    } finally {
      terminal.ifPresent(Terminal::close);
    }
  }

  private Terminal.Source terminals() {
    return spec.root().userObject() instanceof Main main ? main.terminals : Terminal.SYSTEM;
  }

  /** --yes approves; a terminal is asked; otherwise no one can be asked (approval_required). */
  private ApprovalHandler approvals(Terminal terminal) {
    if (yes) return ApprovalHandler.APPROVE_ALL;
    if (terminal == null) return null;
    return new ApprovalHandler() {
      @Override
      public boolean approve(ApprovalRequest request) {
        String answer = terminal.ask("Call " + request.summary() + "? [y/N] ");
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
      }

      @Override
      public boolean approve(Tool tool, JsonNode arguments) {
        return approve(ApprovalRequest.of(tool, arguments));
      }
    };
  }
}

package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar executor-tools.jar ...}: a thin shell over {@link dev.executortools.ToolRegistry}. */
@Command(
    name = "executor-tools",
    mixinStandardHelpOptions = true,
    version = "executor-tools 0.1.0",
    description = "OpenAPI documents as JSON-schema tools for LLM agents.",
    subcommands = {ToolsCommand.class, CallCommand.class, SourcesCommand.class, SecretsCommand.class,
        PoliciesCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  @CommandLine.Mixin HomeOption home;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit code (tests call this). Nothing ends in a stack
   * trace: an unexpected failure, out of memory included, prints an {@code internal_error} result
   * and exits 1.
   */
  public static int run(String... args) {
    try {
      return commandLine().execute(args);
    } catch (Throwable e) { // picocli lets Errors through its handler
      return unexpected(e);
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionStrategy(new CommandLine.RunLast());
    cli.setExecutionExceptionHandler((e, command, parsed) -> unexpected(e));
    return cli;
  }

  private static int unexpected(Throwable e) {
    // The kind only: a message could quote a value (a credential, a stored setting).
    Output.json(ToolResult.failure(ErrorCode.INTERNAL_ERROR,
        "the command failed unexpectedly: " + e.getClass().getSimpleName()).toJson());
    return 1;
  }
}

package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    try {
      return commandLine().execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return internalError(e);
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionStrategy(new CommandLine.RunLast());
    cli.setExecutionExceptionHandler((e, command, parsed) -> internalError(e));
    return cli;
  }

  /**
   * A failure no command expected (a bug, or a heap too small for the home) is an {@code
   * internal_error} value with a one-line message, never a stack trace; exit 1.
   */
  private static int internalError(Throwable e) {
    String message = e instanceof OutOfMemoryError
        ? "out of memory: give the JVM a larger heap (e.g. JAVA_OPTS=-Xmx2g with bin/executor-tools)"
        : "unexpected " + e.getClass().getSimpleName() + " (a bug: please report it)";
    Output.json(ToolResult.failure(ErrorCode.INTERNAL_ERROR, message).toJson());
    return 1;
  }
}

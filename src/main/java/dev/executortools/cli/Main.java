package dev.executortools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar executor-tools.jar ...}: a thin shell over {@link dev.executortools.ToolRegistry}. */
@Command(
    name = "executor-tools",
    mixinStandardHelpOptions = true,
    version = "executor-tools 0.1.0",
    description = "OpenAPI documents as JSON-schema tools for LLM agents.",
    subcommands = {ToolsCommand.class, CallCommand.class, SourcesCommand.class, SecretsCommand.class,
        PoliciesCommand.class, McpCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  @CommandLine.Mixin HomeOption home;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionStrategy(new CommandLine.RunLast());
    return cli;
  }
}

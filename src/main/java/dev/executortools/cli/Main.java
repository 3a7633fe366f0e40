package dev.executortools.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar executor-tools.jar ...}: a thin shell over {@link dev.executortools.ToolRegistry}. */
@Command(
    name = "executor-tools",
    mixinStandardHelpOptions = true,
    version = "executor-tools 0.1.0",
    description = "OpenAPI documents as JSON-schema tools for LLM agents.",
    subcommands = {ToolsCommand.class, CallCommand.class, SourcesCommand.class, SecretsCommand.class,
        PoliciesCommand.class, SsoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  @CommandLine.Mixin HomeOption home;

  /** The environment commands read (tests pass their own through {@link #run(Map, String...)}). */
  final Map<String, String> environment;

  Main(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return run(System.getenv(), args);
  }

  /** Runs the command line seeing {@code environment} instead of the process environment. */
  static int run(Map<String, String> environment, String... args) {
    return commandLine(new Main(environment)).execute(args);
  }

  static CommandLine commandLine() {
    return commandLine(new Main(System.getenv()));
  }

  private static CommandLine commandLine(Main main) {
    CommandLine cli = new CommandLine(main);
    cli.setExecutionStrategy(new CommandLine.RunLast());
    return cli;
  }
}

package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.home.StoreException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code java -jar executor-tools.jar ...}: a thin shell over {@link
 * dev.executortools.ToolRegistry}. Every command prints one JSON document in the tool-result
 * envelope ({@link Output}) and exits 0 ok, 1 failed, 2 usage; {@code --help} and {@code --version}
 * alone print text (exit 0).
 */
@Command(
    name = "executor-tools",
    mixinStandardHelpOptions = true,
    version = "executor-tools 0.1.0",
    description = "OpenAPI documents as JSON-schema tools for LLM agents.")
public final class Main {
  /** The commands, in the order help lists them; the one a command line names is all it builds. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ToolsCommand.class,
          CallCommand.class,
          SourcesCommand.class,
          SecretsCommand.class,
          PoliciesCommand.class,
          SsoCommand.class,
          AuthCommand.class,
          CatalogCommand.class,
          McpCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Mixin HomeOption home;

  /**
   * The environment commands read (tests pass their own through {@link #run(Map, Terminal.Source,
   * String...)}).
   */
  final Map<String, String> environment;

  /** Where approval prompts are asked; commands reach it through the root command. */
  final Terminal.Source terminals;

  Main(Map<String, String> environment, Terminal.Source terminals) {
    this.environment = Map.copyOf(environment);
    this.terminals = terminals;
  }

  /** The environment a command sees: its root command's (a test's), else the process's. */
  static Map<String, String> environmentOf(CommandSpec command) {
    return command != null && command.root().userObject() instanceof Main main
        ? main.environment
        : System.getenv();
  }

  public static void main(String[] args) {
    Preloader.start(args);
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit code (tests call this). Nothing ends in a stack
   * trace: an unexpected failure, out of memory included, prints an {@code internal_error} result
   * and exits 1.
   */
  public static int run(String... args) {
    return run(System.getenv(), Terminal.SYSTEM, args);
  }

  /**
   * Runs the command line seeing {@code environment}, with approval prompts going to {@code
   * terminals}.
   */
  static int run(Map<String, String> environment, Terminal.Source terminals, String... args) {
    try {
      return commandLine(environment, terminals, args).execute(args);
    } catch (Throwable e) { // picocli lets Errors through its handler
      return unexpected("the command", e);
    }
  }

  /** The whole command tree (every command, as help at the top shows it). */
  static CommandLine commandLine(Map<String, String> environment, Terminal.Source terminals) {
    return commandLine(environment, terminals, new String[0]);
  }

  /**
   * The command tree {@code args} need: the root with only the command they name (picocli builds a
   * command's model by reflection, the larger part of a short command's start-up), or every command
   * when they name none (help, a typo, nothing).
   */
  static CommandLine commandLine(
      Map<String, String> environment, Terminal.Source terminals, String[] args) {
    CommandLine cli = new CommandLine(new Main(environment, terminals));
    Class<?> named = namedCommand(cli.getCommandSpec(), args);
    for (Class<?> command : COMMANDS) {
      if (named == null || command == named) cli.addSubcommand(new CommandLine(command));
    }
    cli.setExecutionStrategy(new CommandLine.RunLast());
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) ->
            e instanceof StoreException store
                ? Output.fail(ToolError.of(ErrorCode.STORE_FAILED, store.getMessage()))
                : unexpected(commandLine.getCommandName(), e));
    return cli;
  }

  /** The command class the first non-option argument names, else null. */
  private static Class<?> namedCommand(CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        for (Class<?> command : COMMANDS) {
          if (command != CommandLine.HelpCommand.class && arg.equals(nameOf(command)))
            return command;
        }
        return null;
      }
      CommandLine.Model.OptionSpec option = root.findOption(arg);
      if (option == null || option.usageHelp() || option.versionHelp()) return null;
      if (option.arity().max() > 0) i++; // its value
    }
    return null;
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /**
   * A failure no command expected (a bug, or a heap too small for the home) is an {@code
   * internal_error} value with a one-line message, never a stack trace; exit 1. The message names
   * the kind only: it could otherwise quote a value (a credential, a stored setting).
   */
  private static int unexpected(String command, Throwable e) {
    String message =
        e instanceof OutOfMemoryError
            ? "out of memory in "
                + command
                + " (OutOfMemoryError): give the JVM a larger heap"
                + " (e.g. JAVA_OPTS=-Xmx2g with bin/executor-tools)"
            : command + " failed unexpectedly: " + e.getClass().getSimpleName();
    try {
      return Output.fail(ToolError.of(ErrorCode.INTERNAL_ERROR, message));
    } catch (RuntimeException | LinkageError | OutOfMemoryError printing) {
      // Out of memory, another thread may have failed to initialize a class the JSON printer
      // needs (a NoClassDefFoundError from then on): the envelope is written without it.
      return Output.lastResort(ErrorCode.INTERNAL_ERROR, message);
    }
  }

  /**
   * A command line that does not parse: the envelope on stdout, the usage text on stderr, exit 2.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    System.err.println("executor-tools: " + e.getMessage());
    command.usage(System.err);
    return Output.usage(
        e.getMessage()
            + " (usage of '"
            + command.getCommandSpec().qualifiedName()
            + "' on stderr)");
  }
}

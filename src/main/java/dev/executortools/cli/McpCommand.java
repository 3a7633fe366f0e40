package dev.executortools.cli;

import dev.executortools.HttpSettings;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.ToolMode;
import dev.executortools.agent.ToolNames;
import dev.executortools.mcp.ExecutorMcpServer;
import dev.executortools.mcp.ResultBudget;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mcp [--tools all|search|auto] [--max-name-length N] [--approval-timeout SECONDS]
 * [--result-budget TOKENS] [--max-response-mib MIB] [--kept-results N] [--http [HOST:]PORT]}: an
 * MCP server on stdin/stdout until the client closes stdin (stdout carries the protocol only:
 * anything else that would print there goes to stderr), or on Streamable HTTP until the process is
 * stopped ({@link McpOverHttp}).
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description =
        "Serve the tools over MCP on stdio (stdout: protocol only; messages on stderr),"
            + " or over Streamable HTTP with --http.")
final class McpCommand implements Callable<Integer> {
  /** The response cap while results are shaped: larger bodies than the budget come back shaped. */
  static final int SHAPED_RESPONSE_MIB = 16;

  static final int MAX_RESPONSE_MIB = 64;

  @Mixin HomeOption home;

  @Option(
      names = "--tools",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "all: list every tool; search: the built-in tools plus search_tools, describe_tool and call_tool;"
              + " auto (default): all up to "
              + ToolMode.AUTO_LIMIT
              + " tools, else search.")
  String tools;

  @Option(
      names = "--max-name-length",
      paramLabel = "N",
      defaultValue = "" + ToolNames.MAX_LENGTH,
      description =
          "Longest tool name ("
              + ToolNames.MIN_LENGTH
              + " to "
              + ToolNames.MAX_LENGTH
              + ", default "
              + ToolNames.MAX_LENGTH
              + "): for hosts that prefix names and cap the whole, such as Claude Code"
              + " (mcp__SERVER__NAME within 64).")
  int maxNameLength;

  @Option(
      names = "--approval-timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "How long an approval question waits for the client's answer; no answer is a refusal (default: 300).")
  long approvalSeconds;

  @Option(
      names = "--result-budget",
      paramLabel = "TOKENS",
      defaultValue = "" + ResultBudget.DEFAULT_TOKENS,
      description =
          "Largest answer, in tokens of "
              + ResultBudget.CHARS_PER_TOKEN
              + " characters (default: ${DEFAULT-VALUE});"
              + " a larger result is shaped to fit, kept, and read further with read_result. 0: answer results whole.")
  int resultBudget;

  @Option(
      names = "--max-response-mib",
      paramLabel = "MIB",
      description =
          "Largest upstream response body read, in MiB (default: "
              + SHAPED_RESPONSE_MIB
              + " with a result budget, else 1; at most "
              + MAX_RESPONSE_MIB
              + ").")
  Integer maxResponseMib;

  @Option(
      names = "--kept-results",
      paramLabel = "N",
      defaultValue = "" + ResultBudget.DEFAULT_KEPT_RESULTS,
      description =
          "How many shaped results are kept for read_result (default: ${DEFAULT-VALUE}; the least"
              + " recently read go first, and together they take at most 64 MiB).")
  int keptResults;

  @Option(
      names = "--poll-interval",
      paramLabel = "MS",
      defaultValue = "1000",
      hidden = true,
      description = "How often to look for sources other processes changed, in milliseconds.")
  long pollMillis;

  @Option(
      names = "--http",
      paramLabel = "[HOST:]PORT",
      description =
          "Serve MCP Streamable HTTP at http://HOST:PORT/mcp instead of stdio. HOST is 127.0.0.1 unless"
              + " given; any other address needs a bearer token.")
  String http;

  @Option(
      names = "--http-token-file",
      paramLabel = "FILE",
      description =
          "A file holding the bearer token every HTTP request must carry (default:"
              + " $EXECUTOR_TOOLS_MCP_TOKEN). At least 16 characters, e.g. from: openssl rand -hex 32.")
  Path tokenFile;

  @Option(
      names = "--http-allow-origin",
      paramLabel = "ORIGIN",
      description =
          "Also accept browser requests from this origin (e.g. https://agents.example.com);"
              + " requests without Origin and from loopback origins are accepted, others refused (403).")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(
      names = "--http-max-sessions",
      paramLabel = "N",
      defaultValue = "32",
      description = "Most HTTP sessions open at once (default: 32).")
  int maxSessions;

  @Option(
      names = "--http-session-idle",
      paramLabel = "SECONDS",
      defaultValue = "1800",
      description =
          "End an HTTP session unused this long (no request, no open stream; default: 1800).")
  long sessionIdleSeconds;

  @Override
  public Integer call() throws InterruptedException {
    ToolMode mode;
    try {
      mode = ToolMode.parse(tools);
    } catch (IllegalArgumentException e) {
      Output.error("--tools must be all, search or auto, not '" + tools + "'");
      return 2;
    }
    try {
      ToolNames.checkLength(maxNameLength);
    } catch (IllegalArgumentException e) {
      return Output.usage("--max-name-length: " + e.getMessage());
    }
    if (approvalSeconds < 1) {
      Output.error("--approval-timeout must be at least 1 second, not " + approvalSeconds);
      return 2;
    }
    ResultBudget budget;
    try {
      budget =
          ResultBudget.defaults(home.resolve())
              .withTokens(resultBudget)
              .withKeptResults(keptResults);
    } catch (IllegalArgumentException e) {
      Output.error(e.getMessage());
      return 2;
    }
    int mib = maxResponseMib != null ? maxResponseMib : budget.on() ? SHAPED_RESPONSE_MIB : 1;
    if (mib < 1 || mib > MAX_RESPONSE_MIB) {
      Output.error("--max-response-mib must be 1.." + MAX_RESPONSE_MIB + ", not " + mib);
      return 2;
    }
    HttpSettings settings = HttpSettings.defaults().withMaxResponseBytes((long) mib << 20);
    if (http != null) {
      return new McpOverHttp(this)
          .serve(mode, Duration.ofSeconds(approvalSeconds), budget, settings);
    }
    if (tokenFile != null || !allowedOrigins.isEmpty()) {
      return Output.usage("--http-token-file and --http-allow-origin go with --http");
    }
    PrintStream stderr =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    FileOutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(stderr); // nothing but the protocol reaches stdout
    ToolRegistry registry = home.open(null, settings);
    try (ExecutorMcpServer server =
        new ExecutorMcpServer(
            registry,
            mode,
            new FileInputStream(FileDescriptor.in),
            protocol,
            stderr,
            Duration.ofMillis(Math.max(50, pollMillis)),
            Duration.ofSeconds(approvalSeconds),
            budget,
            maxNameLength)) {
      stderr.println(
          "executor-tools mcp: serving on stdio (tools: " + mode.name().toLowerCase() + ")");
      server.awaitInputClosed();
    }
    return 0;
  }
}

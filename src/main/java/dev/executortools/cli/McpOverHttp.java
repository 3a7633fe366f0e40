package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.HttpSettings;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.ToolMode;
import dev.executortools.mcp.ExecutorMcpServer;
import dev.executortools.mcp.ResultBudget;
import dev.executortools.mcp.http.HttpOptions;
import dev.executortools.mcp.http.StreamableHttpTransportProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mcp --http [HOST:]PORT}: the MCP server on Streamable HTTP until the process is stopped.
 * The bearer token comes from {@code --http-token-file} or {@code EXECUTOR_TOOLS_MCP_TOKEN}, never
 * from the command line (where {@code ps} shows it), and is never printed. Refuses to start (exit
 * 2, {@code invalid_usage}) on a non-loopback address without one.
 */
final class McpOverHttp {
  static final String TOKEN_ENV = "EXECUTOR_TOOLS_MCP_TOKEN";

  private final McpCommand command;

  McpOverHttp(McpCommand command) {
    this.command = command;
  }

  /**
   * Serves until the process is stopped, with the stdio server's approval timeout, budget and HTTP
   * settings.
   */
  int serve(ToolMode mode, Duration approvalTimeout, ResultBudget results, HttpSettings settings)
      throws InterruptedException {
    HttpOptions options;
    try {
      options =
          new HttpOptions(
              HttpOptions.address(command.http),
              token(),
              command.allowedOrigins,
              command.maxSessions,
              Duration.ofSeconds(command.sessionIdleSeconds),
              HttpOptions.MAX_MESSAGE_BYTES);
    } catch (IllegalArgumentException e) {
      return Output.usage(e.getMessage());
    }
    PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    StreamableHttpTransportProvider transport;
    try {
      transport = StreamableHttpTransportProvider.bind(options, stderr);
    } catch (IOException e) {
      return Output.fail(
          ToolError.of(
              ErrorCode.NETWORK_ERROR, "cannot listen on " + command.http + ": " + e.getMessage()));
    }
    ToolRegistry registry = command.home.open(null, settings);
    ExecutorMcpServer server =
        ExecutorMcpServer.over(
            transport,
            registry,
            mode,
            stderr,
            Duration.ofMillis(Math.max(50, command.pollMillis)),
            approvalTimeout,
            results,
            command.maxNameLength);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "executor-tools-mcp-stop"));
    transport.start();
    stderr.println(
        "executor-tools mcp: serving on "
            + transport.uri()
            + " (tools: "
            + mode.name().toLowerCase()
            + (options.requiresToken() ? "; bearer token required" : "")
            + ")");
    stopped.await();
    return 0;
  }

  /** The token from the file given, else from the environment; null when neither sets one. */
  private String token() {
    if (command.tokenFile != null) {
      try {
        return Files.readString(command.tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "cannot read --http-token-file "
                + command.tokenFile
                + ": "
                + e.getClass().getSimpleName());
      }
    }
    String env = command.home.environment().get(TOKEN_ENV);
    return env == null || env.isBlank() ? null : env.strip();
  }
}

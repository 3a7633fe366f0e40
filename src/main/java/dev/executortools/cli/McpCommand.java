package dev.executortools.cli;

import dev.executortools.ToolRegistry;
import dev.executortools.mcp.ExecutorMcpServer;
import dev.executortools.mcp.McpNames;
import dev.executortools.mcp.ToolMode;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mcp [--tools all|search|auto] [--max-name-length N]}: an MCP server on stdin/stdout until the client closes
 * stdin. stdout carries the protocol only: anything else that would print there goes to stderr.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
    description = "Serve the tools over MCP on stdio (stdout: protocol only; messages on stderr).")
final class McpCommand implements Callable<Integer> {
  @Mixin HomeOption home;

  @Option(names = "--tools", paramLabel = "MODE", defaultValue = "auto",
      description = "all: list every tool; search: the built-in tools plus search_tools, describe_tool and call_tool;"
          + " auto (default): all up to " + ToolMode.AUTO_LIMIT + " tools, else search.")
  String tools;

  @Option(names = "--max-name-length", paramLabel = "N", defaultValue = "" + McpNames.MAX_LENGTH,
      description = "Longest tool name (" + McpNames.MIN_LENGTH + " to " + McpNames.MAX_LENGTH + ", default "
          + McpNames.MAX_LENGTH + "): for hosts that prefix names and cap the whole, such as Claude Code"
          + " (mcp__SERVER__NAME within 64).")
  int maxNameLength;

  @Option(names = "--poll-interval", paramLabel = "MS", defaultValue = "1000", hidden = true,
      description = "How often to look for sources other processes changed, in milliseconds.")
  long pollMillis;

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
      McpNames.checkLength(maxNameLength);
    } catch (IllegalArgumentException e) {
      return Output.usage("--max-name-length: " + e.getMessage());
    }
    PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    FileOutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(stderr); // nothing but the protocol reaches stdout
    ToolRegistry registry = home.open(null);
    try (ExecutorMcpServer server = new ExecutorMcpServer(registry, mode,
        new FileInputStream(FileDescriptor.in), protocol, stderr, Duration.ofMillis(Math.max(50, pollMillis)), maxNameLength)) {
      stderr.println("executor-tools mcp: serving on stdio (tools: " + mode.name().toLowerCase() + ")");
      server.awaitInputClosed();
    }
    return 0;
  }
}

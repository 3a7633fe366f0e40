package dev.executortools.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The MCP SDK's own client driving {@code java -jar target/executor-tools.jar mcp} as a real
 * subprocess over stdio (or the same from the test classpath, or over Streamable HTTP, {@link
 * McpHttpJar}). Records list changes (the SDK re-lists on every list_changed) and the approval
 * questions it was asked.
 */
final class McpJarClient implements AutoCloseable {
  static final Path JAR = Path.of("target", "executor-tools.jar");
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  final McpSyncClient client;
  final BlockingQueue<List<McpSchema.Tool>> listChanges = new LinkedBlockingQueue<>();
  final List<String> approvalQuestions = new CopyOnWriteArrayList<>();

  /** {@code elicitation}: whether this client can be asked to approve calls (it always accepts). */
  McpJarClient(Path home, Map<String, String> env, boolean elicitation, String... mcpArgs) {
    this(
        home,
        env,
        elicitation
            ? request ->
                new McpSchema.ElicitResult(
                    McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", true))
            : null,
        mcpArgs);
  }

  /**
   * {@code answer}: how this client answers the approval questions it is asked, or null for a
   * client without elicitation.
   */
  McpJarClient(
      Path home,
      Map<String, String> env,
      Function<McpSchema.ElicitRequest, McpSchema.ElicitResult> answer,
      String... mcpArgs) {
    this(stdio(home, env, mcpArgs), answer);
  }

  /**
   * A client over {@code transport} (the jar on stdio, or {@link McpHttpJar}'s endpoint); {@code
   * answer}: how it answers approval questions, or null for a client without elicitation.
   */
  McpJarClient(
      McpClientTransport transport,
      Function<McpSchema.ElicitRequest, McpSchema.ElicitResult> answer) {
    McpClient.SyncSpec spec =
        McpClient.sync(transport)
            .requestTimeout(TIMEOUT)
            .initializationTimeout(TIMEOUT)
            .toolsChangeConsumer(listChanges::add);
    if (answer != null) {
      spec =
          spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
              .elicitation(
                  request -> {
                    approvalQuestions.add(request.message());
                    return answer.apply(request);
                  });
    }
    client = spec.build();
    client.initialize();
  }

  private static McpClientTransport stdio(Path home, Map<String, String> env, String... mcpArgs) {
    if (!Files.isRegularFile(JAR))
      throw new IllegalStateException(JAR + " is missing: run mvn package first");
    return stdio(List.of("-Xmx512m", "-jar", JAR.toString()), home, env, mcpArgs);
  }

  /**
   * The same client for a server started from the test classpath instead of the jar (for tests that
   * run before packaging). No elicitation.
   */
  static McpJarClient fromClasspath(Path home, String... mcpArgs) {
    List<String> launch =
        List.of(
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            dev.executortools.cli.Main.class.getName());
    return new McpJarClient(stdio(launch, home, Map.of(), mcpArgs), null);
  }

  private static McpClientTransport stdio(
      List<String> launch, Path home, Map<String, String> env, String... mcpArgs) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> args = new java.util.ArrayList<>(launch);
    args.addAll(List.of("--home", home.toString(), "mcp"));
    ServerParameters.Builder parameters =
        ServerParameters.builder(java).args(concat(args, mcpArgs)).env(env);
    StdioClientTransport transport =
        new StdioClientTransport(parameters.build(), McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(line -> System.err.println("[server] " + line));
    return transport;
  }

  McpSchema.CallToolResult call(String name, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(name, arguments));
  }

  /** Waits for the next list_changed (as the list the client fetched after it). */
  List<McpSchema.Tool> awaitListChange() throws InterruptedException {
    List<McpSchema.Tool> tools = listChanges.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (tools == null) throw new AssertionError("no tools/list_changed within " + TIMEOUT);
    return tools;
  }

  /** Waits for a list_changed after which the list satisfies {@code condition}. */
  List<McpSchema.Tool> awaitListChange(java.util.function.Predicate<List<McpSchema.Tool>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<McpSchema.Tool> tools =
          listChanges.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (tools != null && condition.test(tools)) return tools;
    }
    throw new AssertionError("no tools/list_changed with the expected list within " + TIMEOUT);
  }

  @Override
  public void close() {
    client.closeGracefully();
  }

  /** The command line in another process on {@code home}; its exit code. */
  static int cli(Path home, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--home",
                home.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return process.exitValue();
  }

  private static List<String> concat(List<String> a, String... b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(List.of(b));
    return all;
  }
}

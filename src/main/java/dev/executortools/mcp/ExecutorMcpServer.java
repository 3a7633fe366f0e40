package dev.executortools.mcp;

import dev.executortools.ToolRegistry;
import dev.executortools.agent.ToolMode;
import dev.executortools.agent.ToolNames;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The registry served over MCP on a pair of streams (stdin/stdout for {@code mcp}): the protocol
 * only on {@code out}, people's messages on {@code log}. The tool list follows the registry (its
 * sources, also those another process changes, and its policy rules), polled every {@code
 * pollInterval} and after every call.
 */
public final class ExecutorMcpServer implements AutoCloseable {
  /** How long an approval question waits for its answer by default. */
  public static final Duration APPROVAL_TIMEOUT = Duration.ofMinutes(5);

  private final ToolRegistry registry;
  private final PrintStream log;
  private final StdioTransport stdio;
  private final BatchingTransportProvider transport;
  private final PagedToolList pages;
  private final McpSyncServer server;
  private final ToolListSync sync;
  private final Cancellations cancellations = new Cancellations();
  private final ScheduledExecutorService poller;

  /** As the full constructor, with {@link #APPROVAL_TIMEOUT}. */
  public ExecutorMcpServer(
      ToolRegistry registry,
      ToolMode mode,
      InputStream in,
      OutputStream out,
      PrintStream log,
      Duration pollInterval) {
    this(
        registry,
        mode,
        in,
        out,
        log,
        pollInterval,
        APPROVAL_TIMEOUT,
        ResultBudget.defaults(null),
        ToolNames.MAX_LENGTH);
  }

  /**
   * Serves {@code registry} on {@code in}/{@code out}; an approval question unanswered after {@code
   * approvalTimeout} is a refusal; {@code results}: how large an answer may be, and what is kept of
   * larger results for read_result; {@code maxNameLength}: the longest tool name listed ({@link
   * ToolNames#of(java.util.Collection, int)}).
   */
  public ExecutorMcpServer(
      ToolRegistry registry,
      ToolMode mode,
      InputStream in,
      OutputStream out,
      PrintStream log,
      Duration pollInterval,
      Duration approvalTimeout,
      ResultBudget results,
      int maxNameLength) {
    this(registry, mode, null, in, out, log, pollInterval, approvalTimeout, results, maxNameLength);
  }

  /**
   * The registry served over {@code transport} (Streamable HTTP: one SDK session per client), which
   * should take requests only once this returns (the first tool list is then in place).
   */
  public static ExecutorMcpServer over(
      McpServerTransportProvider transport,
      ToolRegistry registry,
      ToolMode mode,
      PrintStream log,
      Duration pollInterval,
      Duration approvalTimeout,
      ResultBudget results,
      int maxNameLength) {
    return new ExecutorMcpServer(
        registry,
        mode,
        transport,
        null,
        null,
        log,
        pollInterval,
        approvalTimeout,
        results,
        maxNameLength);
  }

  private ExecutorMcpServer(
      ToolRegistry registry,
      ToolMode mode,
      McpServerTransportProvider given,
      InputStream in,
      OutputStream out,
      PrintStream log,
      Duration pollInterval,
      Duration approvalTimeout,
      ResultBudget results,
      int maxNameLength) {
    this.registry = registry;
    this.log = log;
    ResultShaping shaping = new ResultShaping(results);
    ToolSpecs specs = new ToolSpecs(registry, this::refresh, shaping);
    SyncToolSpecification readResult =
        results.on() ? new ReadResultTool(shaping).specification() : null;
    this.pages = new PagedToolList(registry, specs, readResult == null ? null : readResult.tool());
    this.sync = new ToolListSync(registry, mode, specs, pages, maxNameLength);
    Set<String> ownTools = readResult == null ? Set.of() : Set.of(readResult.tool().name());
    McpJsonMapper mapper = new JacksonMcpJsonMapper(Json.argumentsMapper());
    this.stdio = given == null ? new StdioTransport(mapper, in, out, log) : null;
    this.transport =
        new BatchingTransportProvider(
            given != null ? given : stdio,
            factory ->
                sessionTransport -> {
                  McpServerTransport sending = cancellations.dropCancelled(sessionTransport);
                  McpServerSession paging =
                      new PagingSession(factory.create(sending), sending, pages, this::beforeCall);
                  return new ProtocolSession(
                      paging, sending, cancellations, new UnknownTools(registry, sync, ownTools));
                });
    this.server =
        McpServer.sync(transport)
            .serverInfo("executor-tools", "0.1.0")
            .jsonMapper(mapper)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
            .validateToolInputs(
                false) // calls validate against the full schema, not the model-facing one
            .jsonSchemaValidator(
                (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
            .strictToolNameValidation(true)
            .requestTimeout(
                approvalTimeout) // the only requests the server sends are approval questions
            .build();
    transport.batch(
        () -> { // the first list: clients ask for it
          if (readResult != null) server.addTool(readResult); // always listed, never changed
          sync.apply(server);
        },
        false);
    if (stdio != null) stdio.start(); // requests are read once the first list is in place

    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "executor-tools-mcp-poll");
              thread.setDaemon(true);
              return thread;
            });
    long millis = pollInterval.toMillis();
    poller.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * How many tools {@code registry} holds, blocked ones included, counted from its built-in tools
   * and its sources' summaries: no source is read.
   */
  public static int toolCount(ToolRegistry registry) {
    return ToolListSync.count(registry.builtInTools(), registry.sources());
  }

  /** Blocks until the client closes the input stream. */
  public void awaitInputClosed() throws InterruptedException {
    stdio.awaitInputClosed();
  }

  /** While the list pages, registers the tool a call names with the SDK (no notification). */
  private void beforeCall(String name) {
    try {
      transport.batch(() -> sync.registerForCall(server, name), false);
    } catch (RuntimeException e) {
      log.println("executor-tools mcp: could not prepare the call of " + name + ": " + e);
    }
  }

  /** Brings the tool list up to date; one list_changed notification when it changed. */
  synchronized void refresh() {
    try {
      transport.batch(() -> sync.apply(server), true);
    } catch (RuntimeException e) {
      log.println("executor-tools mcp: could not update the tool list: " + e);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    cancellations.cancelAll();
    if (stdio != null) stdio.close();
    server.close();
    registry.close();
  }
}

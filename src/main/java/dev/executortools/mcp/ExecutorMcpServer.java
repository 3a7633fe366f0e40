package dev.executortools.mcp;

import dev.executortools.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The registry served over MCP on a pair of streams (stdin/stdout for {@code mcp}): the protocol
 * only on {@code out}, people's messages on {@code log}. The tool list follows the registry (its
 * sources, also those another process changes, and its policy rules), polled every
 * {@code pollInterval} and after every call.
 */
public final class ExecutorMcpServer implements AutoCloseable {
  private final ToolRegistry registry;
  private final PrintStream log;
  private final CountDownLatch inputClosed = new CountDownLatch(1);
  /** Requests are read only once the first tool list is in place (registering it takes a while). */
  private final CountDownLatch listed = new CountDownLatch(1);
  private final BatchingTransportProvider transport;
  private final PagedToolList pages;
  private final McpSyncServer server;
  private final ToolListSync sync;
  private final ScheduledExecutorService poller;

  public ExecutorMcpServer(ToolRegistry registry, ToolMode mode, InputStream in, OutputStream out,
      PrintStream log, Duration pollInterval) {
    this(registry, mode, in, out, log, pollInterval, McpNames.MAX_LENGTH);
  }

  /** {@code maxNameLength}: the longest tool name listed ({@link McpNames#of(java.util.Collection, int)}). */
  public ExecutorMcpServer(ToolRegistry registry, ToolMode mode, InputStream in, OutputStream out,
      PrintStream log, Duration pollInterval, int maxNameLength) {
    this.registry = registry;
    this.log = log;
    ToolSpecs specs = new ToolSpecs(registry, this::refresh);
    this.pages = new PagedToolList(registry, specs);
    this.transport = new BatchingTransportProvider(
        new StdioServerTransportProvider(McpJsonDefaults.getMapper(), watch(in), out),
        (session, sessionTransport) -> new PagingSession(session, sessionTransport, pages, this::beforeCall));
    this.server = McpServer.sync(transport)
        .serverInfo("executor-tools", "0.1.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .validateToolInputs(false) // calls validate against the full schema, not the model-facing one
        .jsonSchemaValidator((schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
        .strictToolNameValidation(true)
        .requestTimeout(Duration.ofMinutes(10))
        .build();
    this.sync = new ToolListSync(registry, mode, specs, pages, maxNameLength);
    try {
      transport.batch(() -> sync.apply(server), false); // the first list: clients ask for it
    } finally {
      listed.countDown();
    }

    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
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
    inputClosed.await();
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
    server.close();
    registry.close();
  }

  private InputStream watch(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = guard(super::read);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return guard(() -> super.read(buffer, offset, length));
      }

      private int guard(IoRead read) throws IOException {
        try {
          listed.await();
          int n = read.read();
          if (n < 0) inputClosed.countDown();
          return n;
        } catch (IOException e) {
          inputClosed.countDown();
          throw e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          inputClosed.countDown();
          throw new java.io.InterruptedIOException("closed before the tool list was ready");
        }
      }
    };
  }

  @FunctionalInterface
  private interface IoRead {
    int read() throws IOException;
  }
}

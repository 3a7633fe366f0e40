package dev.executortools.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP over stdio, one JSON-RPC message a line, in place of the SDK's {@code
 * StdioServerTransportProvider}, which ends the session at the first line it cannot read (see
 * {@code docs/upstream/mcp-java-sdk-stdio.md}). Here every line is checked first ({@link
 * JsonRpcMessages}): what is not a message is answered with the JSON-RPC error for it and the
 * session goes on; a line past {@link #MAX_MESSAGE_BYTES} is refused without being held. The end of
 * input ends the session. Messages are written whole, one a line, in the order sent.
 */
final class StdioTransport implements McpServerTransportProvider {
  /** Largest message read: an inline spec the size of Microsoft Graph's fits. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final McpJsonMapper mapper;
  private final InputStream in;
  private final OutputStream out;
  private final PrintStream log;
  private final CountDownLatch inputClosed = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SessionTransport transport = new SessionTransport();
  private volatile McpServerSession session;

  StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, PrintStream log) {
    this.mapper = mapper;
    this.in = in;
    this.out = out;
    this.log = log;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    session = factory.create(transport);
  }

  /** Reads and handles messages on a thread of its own until the input ends. */
  void start() {
    Thread reader = new Thread(this::readAll, "executor-tools-mcp-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  /** Blocks until the input has ended (or could not be read). */
  void awaitInputClosed() throws InterruptedException {
    inputClosed.await();
  }

  private void readAll() {
    LineReader lines = new LineReader(in, MAX_MESSAGE_BYTES);
    try {
      for (LineReader.Line line = lines.next();
          line != null && !closed.get();
          line = lines.next()) {
        if (line.tooLong()) {
          write(JsonRpcMessages.tooLong(line.bytes(), line.length(), MAX_MESSAGE_BYTES));
          continue;
        }
        JsonRpcMessages.Inbound inbound = JsonRpcMessages.read(line.bytes(), line.length());
        if (inbound.error() != null) {
          write(inbound.error());
        } else {
          session
              .handle(inbound.message())
              .subscribe(null, e -> log.println("executor-tools mcp: a message failed: " + e));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closed.get()) log.println("executor-tools mcp: reading stdin failed: " + e);
    } finally {
      inputClosed.countDown();
    }
  }

  private void write(ObjectNode reply) {
    write(dev.executortools.internal.Json.write(reply));
  }

  /** One message, one line; concurrent writers never interleave. */
  private void write(String json) {
    byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        if (!closed.get()) log.println("executor-tools mcp: writing stdout failed: " + e);
      }
    }
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    McpServerSession current = session;
    if (current == null) return Mono.error(new IllegalStateException("no session"));
    return current.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::close);
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** The one session's side: messages out as lines, values through the mapper. */
  private final class SessionTransport implements McpServerTransport {
    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.fromRunnable(
          () -> {
            try {
              write(mapper.writeValueAsString(message));
            } catch (IOException e) {
              log.println("executor-tools mcp: could not write a message: " + e);
            }
          });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      return mapper.convertValue(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return StdioTransport.this.closeGracefully();
    }

    @Override
    public void close() {
      StdioTransport.this.close();
    }
  }
}

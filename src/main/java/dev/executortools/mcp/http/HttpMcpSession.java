package dev.executortools.mcp.http;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One client's MCP session over Streamable HTTP, and the SDK session's transport: what the SDK
 * sends goes to this client only. A response answers the POST that carried its request; a request
 * (an approval question) or a notification ({@code list_changed}) goes on the client's GET stream,
 * else on a POST of this session still waiting for its answer. Approvals therefore reach the
 * session whose call asked for them, and their answers (POSTed with this session's id) reach the
 * SDK session that waits for them, never another one.
 */
final class HttpMcpSession implements McpServerTransport {
  final String id;
  private final McpJsonMapper json;
  private final McpServerSession mcp;

  /** POSTed requests waiting for their response, by JSON-RPC id. */
  private final Map<Object, ResponseStream> answering = new ConcurrentHashMap<>();

  private volatile ResponseStream listening;
  private volatile long lastSeenNanos = System.nanoTime();
  private volatile boolean closed;

  /** {@code sessions} makes the SDK's session over this transport. */
  HttpMcpSession(
      String id, McpJsonMapper json, Function<McpServerTransport, McpServerSession> sessions) {
    this.id = id;
    this.json = json;
    this.mcp = sessions.apply(this);
  }

  /** Hands a POSTed request to the SDK; its response will answer {@code stream}. */
  void request(McpSchema.JSONRPCRequest request, ResponseStream stream) {
    touch();
    if (answering.putIfAbsent(request.id(), stream) != null) {
      stream.fail(
          409,
          Replies.errorResponse(
              request.id(),
              McpSchema.ErrorCodes.INVALID_REQUEST,
              "a request with id " + request.id() + " is still in progress in this session"));
      return;
    }
    mcp.handle(request)
        .subscribe(
            null,
            error -> {
              ResponseStream waiting = answering.remove(request.id());
              if (waiting != null) {
                waiting.fail(
                    500,
                    Replies.errorResponse(
                        request.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, "request failed"));
              }
            });
  }

  /** Hands a POSTed notification or response (an approval answer) to the SDK. */
  void accept(McpSchema.JSONRPCMessage message) {
    touch();
    mcp.handle(message).onErrorResume(e -> Mono.empty()).block();
  }

  /**
   * Server messages that are not responses go on {@code stream} from now on (the latest GET wins).
   */
  void listen(ResponseStream stream) {
    touch();
    ResponseStream before = listening;
    listening = stream;
    if (before != null) before.end();
    if (closed) stream.end();
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return Mono.fromRunnable(() -> deliver(message));
  }

  private void deliver(McpSchema.JSONRPCMessage message) {
    if (message instanceof McpSchema.JSONRPCResponse response) {
      ResponseStream waiting = answering.remove(response.id());
      if (waiting != null) waiting.answer(response);
      return;
    }
    ResponseStream stream = listening;
    if (stream != null && stream.event(message)) return;
    for (ResponseStream post : new ArrayList<>(answering.values())) {
      if (post.event(message)) return;
    }
    if (message instanceof McpSchema.JSONRPCRequest request) {
      // the SDK fails the request at once: an approval nobody can be asked is not given
      throw new IllegalStateException(
          "no open stream to send " + request.method() + " to the client on");
    } // a notification nobody can receive is dropped: a client lists again when it reconnects
  }

  /** Keeps the GET stream alive (and finds a closed one); true while this session is in use. */
  boolean ping() {
    ResponseStream stream = listening;
    boolean live = stream != null && stream.ping() || !answering.isEmpty();
    if (live) touch();
    return live;
  }

  /** Whether no request came and no stream was open for {@code idleNanos}. */
  boolean idle(long idleNanos) {
    return System.nanoTime() - lastSeenNanos > idleNanos;
  }

  private void touch() {
    lastSeenNanos = System.nanoTime();
  }

  /** Ends the session: its SDK session, its GET stream, and every POST still waiting (404). */
  void end() {
    mcp.close();
  }

  @Override
  public void close() {
    closed = true;
    ResponseStream stream = listening;
    if (stream != null) stream.end();
    for (Object key : new ArrayList<>(answering.keySet())) {
      ResponseStream waiting = answering.remove(key);
      if (waiting != null) {
        waiting.fail(
            404,
            Replies.errorResponse(
                key, McpSchema.ErrorCodes.INVALID_REQUEST, "the session has ended"));
      }
    }
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::close);
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return json.convertValue(data, type);
  }
}

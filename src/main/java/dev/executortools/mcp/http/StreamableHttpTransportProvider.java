package dev.executortools.mcp.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.executortools.internal.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * MCP Streamable HTTP (revisions 2025-03-26 to 2025-11-25) on one endpoint, {@code /mcp}: POST a
 * message (a request is answered as JSON, or as server-sent events when a message must go before
 * its answer; notifications and responses get 202), GET the server's stream of requests and
 * notifications, DELETE to end the session named by {@code Mcp-Session-Id}.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} rather than the SDK's {@code
 * HttpServletStreamableServerTransportProvider}: that one needs a servlet container for one
 * endpoint (Jetty 12's server, http, io and util jars and the servlet API alone are about 2.7 MB,
 * before its servlet layer), while this transport added 29 KB to the runnable jar (24,042,646 to
 * 24,071,579 bytes). It is a {@link McpServerTransportProvider} of the SDK's classic kind, one SDK
 * session per client, so the server's paging and batching of the tool list work over HTTP as over
 * stdio, and each client's approvals go to its own session.
 *
 * <p>Every request is checked before anything else: the bearer token when one is set (else 401 with
 * {@code WWW-Authenticate: Bearer} and nothing more), then the {@code Origin} ({@link
 * RequestGuard}). Sessions are bounded in number, ended after {@link HttpOptions#sessionIdle()}
 * unused, and request bodies in size (413) and in total being read at once.
 */
public final class StreamableHttpTransportProvider
    implements McpServerTransportProvider, HttpHandler {
  /** The one endpoint. */
  public static final String ENDPOINT = "/mcp";

  private static final List<String> VERSIONS =
      List.of(
          ProtocolVersions.MCP_2024_11_05,
          ProtocolVersions.MCP_2025_03_26,
          ProtocolVersions.MCP_2025_06_18,
          ProtocolVersions.MCP_2025_11_25);
  private static final long PING_SECONDS = 15;

  private final HttpOptions options;
  private final PrintStream log;

  /**
   * Numbers as written (big decimals), as on stdio: call arguments are checked and sent exactly.
   */
  private final McpJsonMapper json = new JacksonMcpJsonMapper(Json.argumentsMapper());

  private final RequestGuard guard;
  private final RequestBodies bodies;
  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService sweeper;
  private final Map<String, HttpMcpSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private volatile McpServerSession.Factory sessionFactory;

  private StreamableHttpTransportProvider(HttpOptions options, PrintStream log, HttpServer server) {
    this.options = options;
    this.log = log;
    this.guard = new RequestGuard(options.token(), options.allowedOrigins());
    this.bodies = new RequestBodies(options.maxMessageBytes());
    this.server = server;
    this.workers = Executors.newFixedThreadPool(16, daemon("executor-tools-mcp-http"));
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(daemon("executor-tools-mcp-sessions"));
    server.setExecutor(workers);
    server.createContext("/", this);
  }

  /**
   * Binds {@code options.address()} now (so a port in use fails here); requests are taken from
   * {@link #start()} on.
   */
  public static StreamableHttpTransportProvider bind(HttpOptions options, PrintStream log)
      throws IOException {
    return new StreamableHttpTransportProvider(
        options, log, HttpServer.create(options.address(), 64));
  }

  /** Takes requests from now on. */
  public void start() {
    long sweep = Math.max(1, Math.min(PING_SECONDS, options.sessionIdle().toSeconds() / 2));
    sweeper.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.SECONDS);
    server.start();
  }

  /** The endpoint's URL (with the port bound, when 0 was asked for). */
  public URI uri() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + bound.getPort() + ENDPOINT);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!guard.authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"executor-tools\"");
        Replies.status(exchange, 401);
        return;
      }
      if (!guard.originAllowed(exchange.getRequestHeaders().getFirst("Origin"))) {
        Replies.error(
            exchange,
            403,
            null,
            McpSchema.ErrorCodes.INVALID_REQUEST,
            "Origin not allowed: start the"
                + " server with --http-allow-origin ORIGIN to accept requests from pages of that origin");
        return;
      }
      if (!exchange.getRequestURI().getPath().equals(ENDPOINT)) {
        Replies.status(exchange, 404);
        return;
      }
      String version = exchange.getRequestHeaders().getFirst(HttpHeaders.PROTOCOL_VERSION);
      if (version != null && !VERSIONS.contains(version)) {
        Replies.error(
            exchange,
            400,
            null,
            McpSchema.ErrorCodes.INVALID_REQUEST,
            "unsupported MCP-Protocol-Version '"
                + version
                + "'; supported: "
                + String.join(", ", VERSIONS));
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "POST" -> post(exchange);
        case "GET" -> get(exchange);
        case "DELETE" -> delete(exchange);
        default -> {
          exchange.getResponseHeaders().set("Allow", "GET, POST, DELETE");
          Replies.status(exchange, 405);
        }
      }
    } catch (IOException e) {
      exchange.close(); // the client went away
    } catch (RuntimeException e) {
      log.println(
          "executor-tools mcp: could not answer an HTTP request: " + e.getClass().getSimpleName());
      try {
        Replies.error(exchange, 500, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error");
      } catch (IOException | RuntimeException ignored) {
        exchange.close();
      }
    }
  }

  private void post(HttpExchange exchange) throws IOException {
    if (!accepts(exchange, "application/json") && !accepts(exchange, "text/event-stream")) {
      Replies.error(
          exchange,
          406,
          null,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "Accept must include application/json and text/event-stream");
      return;
    }
    McpSchema.JSONRPCMessage message = bodies.read(exchange);
    if (message == null) return; // refused, and answered
    String sessionId = exchange.getRequestHeaders().getFirst(HttpHeaders.MCP_SESSION_ID);
    if (message instanceof McpSchema.JSONRPCRequest request
        && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
      initialize(exchange, request, sessionId);
      return;
    }
    HttpMcpSession session =
        session(exchange, sessionId, message instanceof McpSchema.JSONRPCRequest r ? r.id() : null);
    if (session == null) return;
    if (message instanceof McpSchema.JSONRPCRequest request) {
      session.request(request, ResponseStream.answer(exchange, json));
    } else {
      session.accept(message);
      Replies.status(exchange, 202);
    }
  }

  private void initialize(HttpExchange exchange, McpSchema.JSONRPCRequest request, String sessionId)
      throws IOException {
    if (sessionId != null) {
      Replies.error(
          exchange,
          400,
          request.id(),
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "initialize starts a new session: send it without Mcp-Session-Id");
      return;
    }
    HttpMcpSession session = open();
    if (session == null) {
      Replies.error(
          exchange,
          503,
          request.id(),
          McpSchema.ErrorCodes.INTERNAL_ERROR,
          "the server has "
              + options.maxSessions()
              + " sessions open, its most (--http-max-sessions): end one (DELETE) or try later");
      return;
    }
    exchange.getResponseHeaders().set(HttpHeaders.MCP_SESSION_ID, session.id);
    session.request(request, ResponseStream.answer(exchange, json));
  }

  /** A new session, or null when as many are open as allowed (after ending the idle ones). */
  private synchronized HttpMcpSession open() {
    if (sessions.size() >= options.maxSessions()) expireIdle();
    if (sessions.size() >= options.maxSessions()) return null;
    McpServerSession.Factory factory = sessionFactory;
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    HttpMcpSession session =
        new HttpMcpSession(HexFormat.of().formatHex(bytes), json, factory::create);
    sessions.put(session.id, session);
    return session;
  }

  private void get(HttpExchange exchange) throws IOException {
    if (!accepts(exchange, "text/event-stream")) {
      Replies.error(
          exchange,
          406,
          null,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "Accept must include text/event-stream");
      return;
    }
    HttpMcpSession session =
        session(exchange, exchange.getRequestHeaders().getFirst(HttpHeaders.MCP_SESSION_ID), null);
    if (session != null) session.listen(ResponseStream.events(exchange, json));
  }

  private void delete(HttpExchange exchange) throws IOException {
    HttpMcpSession session =
        session(exchange, exchange.getRequestHeaders().getFirst(HttpHeaders.MCP_SESSION_ID), null);
    if (session == null) return;
    end(session);
    Replies.status(exchange, 204);
  }

  /**
   * The session {@code id} names, or null after answering 400 (no id) or 404 (none such, or ended).
   */
  private HttpMcpSession session(HttpExchange exchange, String id, Object requestId)
      throws IOException {
    if (id == null || id.isBlank()) {
      Replies.error(
          exchange,
          400,
          requestId,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "Mcp-Session-Id is required: initialize first");
      return null;
    }
    HttpMcpSession session = sessions.get(id);
    if (session == null) {
      Replies.error(
          exchange,
          404,
          requestId,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "no such session (it ended or expired): initialize a new one");
    }
    return session;
  }

  private static boolean accepts(HttpExchange exchange, String type) {
    List<String> accept = exchange.getRequestHeaders().get("Accept");
    if (accept == null) return true;
    return accept.stream().anyMatch(a -> a.contains(type) || a.contains("*/*"));
  }

  private void end(HttpMcpSession session) {
    if (sessions.remove(session.id, session)) session.end();
  }

  private void sweep() {
    try {
      sessions.values().forEach(HttpMcpSession::ping);
      expireIdle();
    } catch (RuntimeException e) {
      log.println(
          "executor-tools mcp: could not check the sessions: " + e.getClass().getSimpleName());
    }
  }

  private void expireIdle() {
    long idle = options.sessionIdle().toNanos();
    sessions.values().stream().filter(s -> !s.ping() && s.idle(idle)).forEach(this::end);
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  /**
   * Sends to every session without waiting for any: a slow client holds up no other, nor the
   * caller.
   */
  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return Mono.fromRunnable(
        () -> sessions.values().forEach(session -> notify(session, method, params)));
  }

  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    return Mono.fromRunnable(
        () -> {
          HttpMcpSession session = sessions.get(sessionId);
          if (session != null) notify(session, method, params);
        });
  }

  private void notify(HttpMcpSession session, String method, Object params) {
    session
        .sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, method, params))
        .subscribeOn(Schedulers.boundedElastic())
        .subscribe(null, e -> {});
  }

  @Override
  public List<String> protocolVersions() {
    return VERSIONS;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::close);
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    sessions.values().forEach(this::end);
    server.stop(0);
    workers.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}

package dev.executortools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The session's rules where the specification says MUST, ahead of the SDK's session: {@code ping}
 * is answered at any time (also before {@code initialize}); every other request before {@code
 * initialize}, and a second {@code initialize}, is an invalid request ({@code -32600}); params a
 * method requires are checked ({@link ParamChecks}, {@code -32602}); a call of a tool that is not
 * listed names it ({@code unknownTool}); and {@code notifications/cancelled} cancels the request it
 * names ({@link Cancellations}).
 */
final class ProtocolSession extends DelegatingSession {
  private static final String CANCELLED = "notifications/cancelled";

  private final Cancellations cancellations;
  private final UnknownTools unknownTools;
  private final AtomicBoolean initialized = new AtomicBoolean();

  ProtocolSession(
      McpServerSession next,
      McpServerTransport transport,
      Cancellations cancellations,
      UnknownTools unknownTools) {
    super(next, transport);
    this.cancellations = cancellations;
    this.unknownTools = unknownTools;
  }

  @Override
  public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
    if (message instanceof JSONRPCRequest request) return request(request);
    if (message instanceof JSONRPCNotification notification
        && CANCELLED.equals(notification.method())) {
      if (notification.params() instanceof Map<?, ?> params && params.get("requestId") != null) {
        cancellations.cancel(params.get("requestId"));
      }
      return Mono.empty();
    }
    return next.handle(message);
  }

  private Mono<Void> request(JSONRPCRequest request) {
    String method = request.method();
    if (McpSchema.METHOD_PING.equals(method)) {
      return transport.sendMessage(JSONRPCResponse.result(request.id(), Map.of()));
    }
    JSONRPCError invalid = ParamChecks.check(method, request.params());
    if (invalid != null) return reply(request, invalid);
    if (McpSchema.METHOD_INITIALIZE.equals(method)) {
      if (initialized.compareAndSet(false, true)) return next.handle(request);
      return reply(
          request,
          new JSONRPCError(
              ErrorCodes.INVALID_REQUEST,
              "invalid request: the session is already initialized (initialize is sent once)",
              null));
    }
    if (!initialized.get()) {
      return reply(
          request,
          new JSONRPCError(
              ErrorCodes.INVALID_REQUEST,
              "invalid request: the session is not initialized; send initialize first (only ping is answered before it)",
              null));
    }
    String tool =
        McpSchema.METHOD_TOOLS_CALL.equals(method) ? PagingSession.param(request, "name") : null;
    if (tool != null && !unknownTools.listed(tool)) {
      // the suggestions search the registry: off the thread that reads the input
      return Mono.fromCallable(() -> unknownTools.error(tool))
          .subscribeOn(Schedulers.boundedElastic())
          .flatMap(error -> reply(request, error));
    }
    return cancellations.track(request.id(), next.handle(request));
  }

  private Mono<Void> reply(JSONRPCRequest request, JSONRPCError error) {
    return transport.sendMessage(JSONRPCResponse.error(request.id(), error));
  }
}

package dev.executortools.mcp;

import dev.executortools.invoke.CallCancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The client's requests in progress, for {@code notifications/cancelled}: each runs under a {@link
 * CallCancellation} its handler finds in the exchange ({@link #of}); cancelling a request cancels
 * its HTTP calls, and its response, if one still comes, is not sent ({@link #dropCancelled}).
 */
final class Cancellations {
  private static final String KEY = "executor-tools.cancellation";

  private final Map<Object, CallCancellation> running = new ConcurrentHashMap<>();
  private final Set<Object> cancelled = ConcurrentHashMap.newKeySet();

  /** {@code handling} (of the request {@code id}) under a cancellation of its own until it ends. */
  Mono<Void> track(Object id, Mono<Void> handling) {
    Object key = key(id);
    CallCancellation cancellation = new CallCancellation();
    running.put(key, cancellation);
    return handling
        .contextWrite(
            Context.of(
                McpTransportContext.KEY, McpTransportContext.create(Map.of(KEY, cancellation))))
        .doFinally(
            signal -> {
              running.remove(key, cancellation);
              cancelled.remove(key);
            });
  }

  /** Cancels the request {@code id}, if it is in progress (else nothing: it has been answered). */
  void cancel(Object id) {
    Object key = key(id);
    CallCancellation cancellation = running.get(key);
    if (cancellation == null) return;
    cancelled.add(key);
    cancellation.cancel();
  }

  /** Cancels every request in progress (the session ends). */
  void cancelAll() {
    running
        .keySet()
        .forEach(
            key -> {
              cancelled.add(key);
              CallCancellation cancellation = running.get(key);
              if (cancellation != null) cancellation.cancel();
            });
  }

  /** What the request of {@code exchange} runs under (a fresh one when it was not tracked). */
  static CallCancellation of(McpSyncServerExchange exchange) {
    Object value = exchange == null ? null : exchange.transportContext().get(KEY);
    return value instanceof CallCancellation cancellation ? cancellation : new CallCancellation();
  }

  /** {@code transport} without the responses to cancelled requests. */
  McpServerTransport dropCancelled(McpServerTransport transport) {
    return new McpServerTransport() {
      @Override
      public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCResponse response
            && cancelled.contains(key(response.id()))) {
          return Mono.empty();
        }
        return transport.sendMessage(message);
      }

      @Override
      public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return transport.unmarshalFrom(data, type);
      }

      @Override
      public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
      }

      @Override
      public void close() {
        transport.close();
      }
    };
  }

  /** Ids 7 and "7" are different requests; 7 as an int and as a long are one. */
  private static Object key(Object id) {
    if (id instanceof Number number) return "n:" + number;
    return "s:" + id;
  }
}

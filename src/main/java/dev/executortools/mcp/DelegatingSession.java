package dev.executortools.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A session that hands everything to another (in the end the SDK's own): subclasses take some
 * incoming messages for themselves in {@link #handle} and pass the rest on.
 */
abstract class DelegatingSession extends McpServerSession {
  final McpServerSession next;
  final McpServerTransport transport;

  DelegatingSession(McpServerSession next, McpServerTransport transport) {
    super(next.getId(), Duration.ofMinutes(10), transport, null, Map.of(), Map.of());
    this.next = next;
    this.transport = transport;
  }

  @Override
  public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
    return next.handle(message);
  }

  @Override
  public String getId() {
    return next.getId();
  }

  @Override
  public void init(McpSchema.ClientCapabilities capabilities, McpSchema.Implementation info) {
    next.init(capabilities, info);
  }

  @Override
  public void setMinLoggingLevel(McpSchema.LoggingLevel level) {
    next.setMinLoggingLevel(level);
  }

  @Override
  public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel level) {
    return next.isNotificationForLevelAllowed(level);
  }

  @Override
  public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
    return next.sendRequest(method, params, type);
  }

  @Override
  public Mono<Void> sendNotification(String method, Object params) {
    return next.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return next.closeGracefully();
  }

  @Override
  public void close() {
    next.close();
  }
}

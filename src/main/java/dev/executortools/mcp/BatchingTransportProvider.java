package dev.executortools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * A transport that holds back {@code notifications/tools/list_changed} while a batch of tool
 * changes is made (the SDK sends one per added or removed tool) and sends one when the batch ends.
 * Everything else passes through to the wrapped transport; the sessions the SDK makes are wrapped
 * ({@link ProtocolSession}, {@link PagingSession}).
 */
final class BatchingTransportProvider implements McpServerTransportProvider {
  private final McpServerTransportProvider delegate;
  private final UnaryOperator<McpServerSession.Factory> sessions;
  private final AtomicBoolean batching = new AtomicBoolean();
  private final AtomicBoolean changed = new AtomicBoolean();

  /** {@code sessions} wraps the SDK's session factory (its sessions, their transport). */
  BatchingTransportProvider(
      McpServerTransportProvider delegate, UnaryOperator<McpServerSession.Factory> sessions) {
    this.delegate = delegate;
    this.sessions = sessions;
  }

  /**
   * Runs {@code changes}; a list change it makes is announced once, after it, if {@code announce}.
   */
  void batch(Runnable changes, boolean announce) {
    batching.set(true);
    try {
      changes.run();
    } finally {
      batching.set(false);
    }
    if (changed.getAndSet(false) && announce) {
      delegate
          .notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null)
          .onErrorResume(e -> Mono.empty()) // no client connected yet: it lists on connecting
          .block();
    }
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory sessionFactory) {
    delegate.setSessionFactory(sessions.apply(sessionFactory));
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    if (batching.get() && McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED.equals(method)) {
      changed.set(true);
      return Mono.empty();
    }
    return delegate.notifyClients(method, params);
  }

  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    return delegate.notifyClient(sessionId, method, params);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public Mono<Void> closeGracefully() {
    return delegate.closeGracefully();
  }

  @Override
  public List<String> protocolVersions() {
    return delegate.protocolVersions();
  }
}

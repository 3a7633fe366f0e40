package dev.executortools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The SDK's session with {@code tools/list} answered by a {@link PagedToolList} while it pages (the
 * SDK lists every registered tool in one message and lets no handler be replaced), and each {@code
 * tools/call} first handed to {@code beforeCall} with the tool's name, so that the tool is
 * registered with the SDK when a client calls it. Everything else is the SDK's own session.
 */
final class PagingSession extends DelegatingSession {
  private final PagedToolList pages;
  private final Consumer<String> beforeCall;

  PagingSession(
      McpServerSession sdk,
      McpServerTransport transport,
      PagedToolList pages,
      Consumer<String> beforeCall) {
    super(sdk, transport);
    this.pages = pages;
    this.beforeCall = beforeCall;
  }

  @Override
  public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
    if (message instanceof JSONRPCRequest request && pages.active()) {
      if (McpSchema.METHOD_TOOLS_LIST.equals(request.method())) {
        return Mono.fromCallable(
                () -> JSONRPCResponse.result(request.id(), pages.page(param(request, "cursor"))))
            .onErrorResume(
                IllegalArgumentException.class,
                e ->
                    Mono.just(
                        JSONRPCResponse.error(
                            request.id(),
                            new JSONRPCResponse.JSONRPCError(
                                McpSchema.ErrorCodes.INVALID_PARAMS, e.getMessage()))))
            .flatMap(transport::sendMessage);
      }
      if (McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
        String name = param(request, "name");
        if (name != null) beforeCall.accept(name);
      }
    }
    return next.handle(message);
  }

  static String param(JSONRPCRequest request, String name) {
    return request.params() instanceof Map<?, ?> params && params.get(name) instanceof String value
        ? value
        : null;
  }
}

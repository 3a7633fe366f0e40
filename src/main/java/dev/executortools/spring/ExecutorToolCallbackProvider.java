package dev.executortools.spring;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.AgentTools;
import dev.executortools.agent.ToolMode;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Every tool of a {@link ToolRegistry} as Spring AI tools, for {@code
 * ChatClient.prompt().toolCallbacks(...)}: each a {@link ToolCallback} whose definition has a name
 * fitting {@code ^[a-zA-Z0-9_-]{1,64}$} (as the MCP server names it), the model description and the
 * model-facing input schema, and whose call answers the result envelope ({@code {"ok": ...}}) as
 * JSON text.
 *
 * <p>The callbacks are read anew each time Spring AI asks for them, so sources added while an
 * application runs appear on its next request. {@link ToolMode#SEARCH} offers the built-in tools
 * with {@code search_tools}, {@code describe_tool} and {@code call_tool} instead of every tool
 * ({@link ToolMode#AUTO}, the default, does so past 128 tools).
 *
 * <p>Approval: a tool that requires approval asks {@link AgentTools.Builder#approvals} (the
 * auto-configuration passes an {@link ApprovalHandler} bean), else the registry's handler, and with
 * neither answers {@code approval_required} without sending anything. A call of a tool blocked or
 * removed since it was offered is refused as the registry refuses it ({@code blocked}, {@code
 * unknown_tool}); a name this provider never offered has no callback here to run.
 */
public final class ExecutorToolCallbackProvider implements ToolCallbackProvider {
  private final AgentTools tools;

  private ExecutorToolCallbackProvider(AgentTools tools) {
    this.tools = tools;
  }

  /** Every tool, or the discovery tools past 128; approvals as the registry's handler decides. */
  public static ExecutorToolCallbackProvider of(ToolRegistry registry) {
    return of(AgentTools.builder(registry).build());
  }

  /**
   * The tools as {@code tools} offers them: {@link ToolMode#ALL}, {@link ToolMode#SEARCH} or {@link
   * ToolMode#AUTO}, and who approves ({@link AgentTools.Builder#approvals}).
   */
  public static ExecutorToolCallbackProvider of(AgentTools tools) {
    return new ExecutorToolCallbackProvider(tools);
  }

  @Override
  public ToolCallback[] getToolCallbacks() {
    return tools.offers().stream()
        .map(offer -> new Callback(tools, offer))
        .toArray(ToolCallback[]::new);
  }

  /** One offered tool. */
  private record Callback(AgentTools tools, AgentTools.Offer offer) implements ToolCallback {
    @Override
    public ToolDefinition getToolDefinition() {
      return ToolDefinition.builder()
          .name(offer.name())
          .description(offer.description())
          .inputSchema(offer.inputSchema())
          .build();
    }

    @Override
    public String call(String arguments) {
      return tools.call(offer, arguments).toJson().toString();
    }

    @Override
    public String call(String arguments, @Nullable ToolContext context) {
      return call(arguments);
    }
  }
}

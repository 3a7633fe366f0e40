package dev.executortools.langchain4j;

import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.agent.AgentTools;
import dev.executortools.agent.ToolMode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import org.jspecify.annotations.Nullable;

/**
 * Every tool of a {@link ToolRegistry} as LangChain4j tools, for {@code
 * AiServices.builder(...).toolProvider(...)}: each a {@link ToolSpecification} (a name fitting
 * {@code ^[a-zA-Z0-9_-]{1,64}$}, as the MCP server names it; the model description; the
 * model-facing input schema) with an executor that calls the registry and answers the result
 * envelope ({@code {"ok": ...}}) as JSON text, an error result when {@code ok} is false.
 *
 * <p>Dynamic: LangChain4j asks again before every model request, so sources added while an agent
 * runs appear on its next request. For large registries, {@link ToolMode#SEARCH} offers the
 * built-in tools with {@code search_tools}, {@code describe_tool} and {@code call_tool} instead
 * ({@link ToolMode#AUTO}, the default, does so past 128 tools).
 *
 * <p>Approval: LangChain4j has no approval step of its own; a tool that requires approval asks
 * {@link AgentTools.Builder#approvals}, else the registry's handler, and with neither answers
 * {@code approval_required} without sending anything. A call of a tool blocked or removed since it
 * was offered is refused the same way the registry refuses it ({@code blocked}, {@code
 * unknown_tool}).
 */
public final class ExecutorToolProvider implements ToolProvider {
  private final AgentTools tools;

  private ExecutorToolProvider(AgentTools tools) {
    this.tools = tools;
  }

  /** Every tool, or the discovery tools past 128; approvals as the registry's handler decides. */
  public static ExecutorToolProvider of(ToolRegistry registry) {
    return of(AgentTools.builder(registry).build());
  }

  /**
   * The tools as {@code tools} offers them: {@link ToolMode#ALL}, {@link ToolMode#SEARCH} or {@link
   * ToolMode#AUTO}, and who approves ({@link AgentTools.Builder#approvals}).
   */
  public static ExecutorToolProvider of(AgentTools tools) {
    return new ExecutorToolProvider(tools);
  }

  @Override
  public ToolProviderResult provideTools(ToolProviderRequest request) {
    ToolProviderResult.Builder result = ToolProviderResult.builder();
    for (AgentTools.Offer offer : tools.offers()) {
      ToolSpecification specification =
          ToolSpecification.builder()
              .name(offer.name())
              .description(offer.description())
              .parameters(ParameterSchemas.of(offer.inputSchema()))
              .build();
      result.add(specification, new Executor(tools, offer));
    }
    return result.build();
  }

  /** True: the tools are read anew for every model request. */
  @Override
  public boolean isDynamic() {
    return true;
  }

  /** Runs one offered tool. */
  private record Executor(AgentTools tools, AgentTools.Offer offer) implements ToolExecutor {
    @Override
    public String execute(ToolExecutionRequest request, @Nullable Object memoryId) {
      return run(request).toJson().toString();
    }

    @Override
    public ToolExecutionResult executeWithContext(
        ToolExecutionRequest request, @Nullable InvocationContext context) {
      ToolResult result = run(request);
      return ToolExecutionResult.builder()
          .isError(!result.ok())
          .resultText(result.toJson().toString())
          .build();
    }

    private ToolResult run(ToolExecutionRequest request) {
      return tools.call(offer, request.arguments());
    }
  }
}

package dev.executortools.agent;

import dev.executortools.ApprovalHandler;
import dev.executortools.ErrorCode;
import dev.executortools.SourceInfo;
import dev.executortools.Tool;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.schema.ModelSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The registry as an agent framework sees it (LangChain4j, Spring AI): the tools to offer on the
 * next model request, each with a name a model API accepts ({@link ToolNames}), its model
 * description and its model-facing input schema, and how a call of an offered tool runs. Read anew
 * for every request, so sources added while an agent runs appear on its next request.
 *
 * <p>A call runs only the tool it was offered for, and only while the registry still lists it: one
 * blocked or removed since answers {@code blocked} or {@code unknown_tool}. Tools that require
 * approval ask {@link Builder#approvals}, else the registry's own handler; with neither, they
 * answer {@code approval_required} and nothing is sent. Thread-safe.
 */
public final class AgentTools {
  private final ToolRegistry registry;
  private final ToolMode mode;
  private final @Nullable ApprovalHandler approvals;
  private final Discovery discovery;

  private AgentTools(Builder builder) {
    this.registry = builder.registry;
    this.mode = builder.mode;
    this.approvals = builder.approvals;
    this.discovery = new Discovery(registry);
  }

  public static Builder builder(ToolRegistry registry) {
    return new Builder(registry);
  }

  /** A tool offered to a model: what it is called, what it says, and its input schema as JSON. */
  public record Offer(String name, @Nullable String id, String description, String inputSchema) {
    /** True for {@code search_tools}, {@code describe_tool} and {@code call_tool}. */
    public boolean isDiscovery() {
      return id == null;
    }
  }

  /**
   * The tools for the next request: every tool, or (in {@link ToolMode#SEARCH}, and in {@link
   * ToolMode#AUTO} past {@link ToolMode#AUTO_LIMIT} tools) the built-in ones with the three
   * discovery tools.
   */
  public List<Offer> offers() {
    List<Tool> builtIn = registry.builtInTools();
    List<SourceInfo> added = registry.sources();
    int count = Discovery.count(builtIn, added);
    boolean all = mode.resolve(count) == ToolMode.ALL;
    List<Tool> tools = all ? registry.tools() : builtIn;
    ToolNames names = ToolNames.of(tools.stream().map(Tool::id).toList());
    List<Offer> offers = new ArrayList<>();
    for (Tool tool : tools) {
      offers.add(
          new Offer(
              names.name(tool.id()),
              tool.id(),
              tool.modelDescription(),
              ModelSchemas.forModel(tool).inputSchema().toString()));
    }
    if (!all) {
      for (Discovery.Spec spec : Discovery.specs(Discovery.catalog(builtIn, added, count))) {
        offers.add(new Offer(spec.name(), null, spec.description(), spec.inputSchema().toString()));
      }
    }
    return offers;
  }

  /**
   * Runs an offered tool with the arguments a model wrote (JSON text; blank means {@code {}}).
   * Never throws for a tool failure: text that is not a JSON object is {@code invalid_arguments}.
   */
  public ToolResult call(Offer offer, @Nullable String arguments) {
    JsonNode args;
    try {
      args = arguments == null || arguments.isBlank() ? Json.object() : Json.parse(arguments);
    } catch (JacksonException e) {
      return ToolResult.failure(
          ErrorCode.INVALID_ARGUMENTS, "the arguments of '" + offer.name() + "' are not JSON");
    }
    if (!args.isObject()) {
      return ToolResult.failure(
          ErrorCode.INVALID_ARGUMENTS,
          "the arguments of '" + offer.name() + "' must be a JSON object");
    }
    if (offer.isDiscovery()) {
      return Discovery.check(offer.name(), args)
          .orElseGet(() -> discovery.answer(offer.name(), args, this::run));
    }
    String id = Objects.requireNonNull(offer.id());
    if (registry.tool(id).isEmpty()) return registry.unknownTool(id);
    return run(id, args);
  }

  private ToolResult run(String id, JsonNode args) {
    return approvals == null ? registry.call(id, args) : registry.call(id, args, approvals);
  }

  /** Configures what an agent is offered; the registry stays the caller's to close. */
  public static final class Builder {
    private final ToolRegistry registry;
    private ToolMode mode = ToolMode.AUTO;
    private @Nullable ApprovalHandler approvals;

    private Builder(ToolRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Every tool ({@link ToolMode#ALL}), the built-in tools with search, describe and call ({@link
     * ToolMode#SEARCH}), or whichever fits the registry at each request ({@link ToolMode#AUTO}, the
     * default).
     */
    public Builder mode(ToolMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Asked before tools that require approval, in place of the registry's own handler; without
     * either such calls answer {@code approval_required}.
     */
    public Builder approvals(@Nullable ApprovalHandler approvals) {
      this.approvals = approvals;
      return this;
    }

    public AgentTools build() {
      return new AgentTools(this);
    }
  }
}

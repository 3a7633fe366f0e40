package dev.executortools.mcp;

import dev.executortools.ToolRegistry;
import dev.executortools.agent.Discovery;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to a {@code tools/call} of a name that no listed tool has (unknown, or blocked): an
 * invalid-params error that names what was asked for and suggests the closest tools, by their
 * listed names (or, for a tool only {@code call_tool} reaches, by id).
 */
final class UnknownTools {
  private static final int SUGGESTIONS = 5;

  private final ToolRegistry registry;
  private final ToolListSync sync;
  private final Set<String> fixed;

  /**
   * {@code fixed}: the names of the server's own tools, listed beside the registry's (read_result).
   */
  UnknownTools(ToolRegistry registry, ToolListSync sync, Set<String> fixed) {
    this.registry = registry;
    this.sync = sync;
    this.fixed = Set.copyOf(fixed);
  }

  /** Whether a listed tool has {@code name} (quick: no search). */
  boolean listed(String name) {
    return fixed.contains(name) || sync.lists(name);
  }

  /** The error for a call of {@code name}, which no listed tool has (its suggestions search). */
  JSONRPCError error(String name) {
    List<String> suggestions = new ArrayList<>();
    List<String> throughCallTool = new ArrayList<>();
    for (String id : registry.closestIds(name.replace('_', '.'), SUGGESTIONS)) {
      sync.listedName(id).ifPresentOrElse(suggestions::add, () -> throughCallTool.add(id));
    }
    if (!throughCallTool.isEmpty() && sync.lists(DiscoveryTools.CALL)) {
      suggestions.addAll(
          throughCallTool.stream()
              .map(id -> DiscoveryTools.CALL + " with id '" + id + "'")
              .toList());
    }
    return new JSONRPCError(
        ErrorCodes.INVALID_PARAMS,
        "unknown tool '"
            + shown(name)
            + "'"
            + DiscoveryTools.hint(
                suggestions,
                sync.lists(DiscoveryTools.SEARCH)
                    ? "use search_tools to find one"
                    : "tools/list shows the tools"),
        Map.of("name", shown(name), "suggestions", suggestions));
  }

  /** {@code text} cut to a length fit for a message. */
  static String shown(String text) {
    return Discovery.shown(text);
  }
}

package dev.executortools.mcp;

import dev.executortools.Tool;
import dev.executortools.ToolPage;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.ToolMode;
import dev.executortools.agent.ToolNames;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tools/list} of {@link ToolMode#ALL} for registries past {@link ToolMode#ALL_LIMIT} tools,
 * a page at a time: each page is read from the store on request ({@link ToolRegistry#tools(int,
 * int)}), so no answer and no list held by the server grows with the registry. The cursor is the
 * position of the page's first tool.
 */
final class PagedToolList {
  /** Tools a page: a few megabytes of JSON at Microsoft Graph's schema sizes. */
  static final int PAGE_SIZE = 500;

  private final ToolRegistry registry;
  private final ToolSpecs specs;

  /** A tool of the server itself, listed first on the first page (null: none). */
  private final McpSchema.Tool own;

  /** The MCP names of every visible tool while paging, else null. */
  private volatile ToolNames names;

  PagedToolList(ToolRegistry registry, ToolSpecs specs, McpSchema.Tool own) {
    this.registry = registry;
    this.specs = specs;
    this.own = own;
  }

  /**
   * Pages from now on with these names (of every tool the registry shows), or stops paging (null).
   */
  void use(ToolNames names) {
    this.names = names;
  }

  boolean active() {
    return names != null;
  }

  /** The id an MCP name stands for while paging. */
  Optional<String> id(String name) {
    ToolNames current = names;
    return current == null ? Optional.empty() : current.id(name);
  }

  /** The MCP name of the tool {@code id} while paging, else null. */
  String name(String id) {
    ToolNames current = names;
    return current == null ? null : current.name(id);
  }

  /**
   * The page at {@code cursor} (null: the first).
   *
   * @throws IllegalArgumentException for a cursor this list did not give
   */
  McpSchema.ListToolsResult page(String cursor) {
    ToolNames current = names;
    int from = position(cursor);
    ToolPage page = registry.tools(from, PAGE_SIZE);
    List<McpSchema.Tool> tools = new ArrayList<>(page.tools().size() + 1);
    if (from == 0 && own != null) tools.add(own);
    for (Tool tool : page.tools()) {
      String name = current == null ? null : current.name(tool.id());
      if (name != null) tools.add(specs.forTool(tool, name).tool());
    }
    return new McpSchema.ListToolsResult(
        tools, page.next() < 0 ? null : Integer.toString(page.next()));
  }

  private static int position(String cursor) {
    if (cursor == null) return 0;
    try {
      int position = Integer.parseInt(cursor);
      if (position >= 0) return position;
    } catch (NumberFormatException e) {
      // not one of ours
    }
    throw new IllegalArgumentException("unknown cursor: list again without one");
  }
}

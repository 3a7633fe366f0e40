package dev.executortools.agent;

import java.util.Locale;

/**
 * What an agent host lists (MCP {@code tools/list}, a LangChain4j or Spring AI request): every
 * tool, the discovery tools, or whichever fits the registry.
 */
public enum ToolMode {
  /** Every tool (blocked ones left out). */
  ALL,
  /** The built-in tools plus search_tools, describe_tool and call_tool. */
  SEARCH,
  /**
   * {@link #ALL} while the registry has at most {@link #AUTO_LIMIT} tools, else {@link #SEARCH}.
   */
  AUTO;

  /** Model APIs accept about this many tools in one request. */
  public static final int AUTO_LIMIT = 128;

  /**
   * The most tools {@link #ALL} registers with the MCP SDK, which answers {@code tools/list} with
   * every tool it holds in one message (no paging) and keeps each with its model-facing schema:
   * past this many, the MCP server's paged tool list answers {@code tools/list} a page at a time
   * from the store, and a tool is registered with the SDK when a client calls it.
   */
  public static final int ALL_LIMIT = 5_000;

  /** The mode for a registry of {@code toolCount} tools: {@link #AUTO} decided. */
  public ToolMode resolve(int toolCount) {
    if (this != AUTO) return this;
    return toolCount <= AUTO_LIMIT ? ALL : SEARCH;
  }

  public static ToolMode parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}

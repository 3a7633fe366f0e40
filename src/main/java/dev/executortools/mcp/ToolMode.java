package dev.executortools.mcp;

import java.util.Locale;

/** What {@code tools/list} shows: every tool, the discovery tools, or whichever fits the registry. */
public enum ToolMode {
  /** Every tool (blocked ones left out). */
  ALL,
  /** The built-in tools plus search_tools, describe_tool and call_tool. */
  SEARCH,
  /** {@link #ALL} while the registry has at most {@link #AUTO_LIMIT} tools, else {@link #SEARCH}. */
  AUTO;

  /** Model APIs accept about this many tools in one request. */
  public static final int AUTO_LIMIT = 128;

  /**
   * The most tools {@link #ALL} lists. The MCP SDK answers {@code tools/list} with every tool it
   * holds in one message (it has no paging), so each listed tool is kept in memory with its
   * model-facing schema: past this many, a 512 MB heap no longer holds them (Microsoft Graph alone
   * has 11,422). Beyond it, all mode serves the discovery tools and says so.
   */
  public static final int ALL_LIMIT = 5_000;

  /** Why {@link #ALL} cannot list {@code count} tools, in one line. */
  public static String tooManyForAll(int count) {
    return "--tools all lists at most " + ALL_LIMIT + " tools (the MCP server answers tools/list in one"
        + " message, without paging) and the sources hold " + count + "; use --tools search or auto";
  }

  ToolMode resolve(int toolCount) {
    if (this != AUTO) return this;
    return toolCount <= AUTO_LIMIT ? ALL : SEARCH;
  }

  public static ToolMode parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}

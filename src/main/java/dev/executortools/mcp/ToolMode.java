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

  ToolMode resolve(int toolCount) {
    if (this != AUTO) return this;
    return toolCount <= AUTO_LIMIT ? ALL : SEARCH;
  }

  public static ToolMode parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}

package dev.executortools;

import java.util.List;

/**
 * One page of the registry's tools ({@link ToolRegistry#tools(int, int)}): the tools callers may
 * see, with their full input schemas, and the position of the next page, or -1 after the last.
 * Positions count every tool, blocked ones too, so a page can hold fewer than asked for.
 */
public record ToolPage(List<Tool> tools, int next) {
  public ToolPage {
    tools = List.copyOf(tools);
  }
}

package dev.executortools.result;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A JSON value cut to a size by {@link ResultShaper}, and what was left out.
 *
 * @param value the value within the size (the original instance when it fit)
 * @param omitted what was left out, each {@code {"path", "items"|"members"|"chars": {"kept",
 *     "total"}}}, the path in JSONPath ({@code $.data[3].name}); at most {@link
 *     ResultShaper#MAX_LISTED} entries
 * @param moreOmitted how many further omissions were left out of {@code omitted}
 * @param pages the longest array that was cut, to be read a page at a time, or null
 */
public record Shaped(JsonNode value, ArrayNode omitted, int moreOmitted, Pages pages) {

  /** Whether anything was left out. */
  public boolean cut() {
    return !omitted.isEmpty();
  }

  /**
   * An array read a page at a time: page 1 is what the shaped value shows.
   *
   * @param path the array's place in JSONPath, for people and models
   * @param pointer the same place as a JSON Pointer, to find it again
   * @param pageSize items a page: those the shaped value kept (at least 1)
   * @param total the array's length
   */
  public record Pages(String path, JsonPointer pointer, int pageSize, int total) {
    public int count() {
      return (int) ((total + (long) pageSize - 1) / pageSize);
    }
  }
}

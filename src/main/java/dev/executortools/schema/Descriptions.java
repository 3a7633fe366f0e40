package dev.executortools.schema;

import dev.executortools.internal.Limits;
import dev.executortools.internal.TooMuchTextException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The descriptions and titles one compile hands out. Each long text is cut ({@link
 * Limits#description}) once and the same copy goes to every tool that shows it, so a parameter that
 * 1,500 operations reference holds its text once in memory, not 1,500 times. What the tools show is
 * counted per tool (each stored tool carries its own copy): past {@link
 * Limits#MAX_SOURCE_DESCRIPTION_CHARS} the compile stops with {@link TooMuchTextException}, before
 * anything is stored. Safe to use from several threads.
 */
public final class Descriptions {
  private final Map<String, String> cuts = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> cutNodes = new ConcurrentHashMap<>();
  private final AtomicLong shown = new AtomicLong();

  /** {@code text} cut, shared with every other use of an equal text; null stays null. */
  public String cut(String text) {
    if (text == null || text.length() <= Limits.MAX_DESCRIPTION_CHARS) return text;
    return cuts.computeIfAbsent(text, Limits::description);
  }

  /** {@code text} cut as {@link #cut}, counted as shown by one more tool. */
  public String shown(String text) {
    String cut = cut(text);
    if (cut != null) count(cut.length());
    return cut;
  }

  /** A title or description keyword's value, cut and counted; null when it is not a string. */
  JsonNode shown(JsonNode value) {
    if (value == null || !value.isString()) return null;
    String text = value.stringValue();
    JsonNode node =
        text.length() <= Limits.MAX_DESCRIPTION_CHARS
            ? value
            : cutNodes.computeIfAbsent(text, t -> JsonNodeFactory.instance.stringNode(cut(t)));
    count(node.stringValue().length());
    return node;
  }

  private void count(int chars) {
    if (shown.addAndGet(chars) > Limits.MAX_SOURCE_DESCRIPTION_CHARS) {
      throw new TooMuchTextException();
    }
  }
}

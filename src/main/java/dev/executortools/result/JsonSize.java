package dev.executortools.result;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How many characters a tree takes as compact JSON (as {@code Json.write} writes it), counted only
 * as far as needed: past {@code limit} the count stops, so measuring a large tree against a small
 * budget costs about the budget, not the tree.
 */
final class JsonSize {
  private JsonSize() {}

  /**
   * The length of {@code node} as compact JSON when it is at most {@code limit}; else some value
   * above it.
   */
  static long upTo(JsonNode node, long limit) {
    return new Counter(limit).count(node);
  }

  /** The length of {@code text} (a member name) as a JSON string, quotes and escapes included. */
  static long ofString(String text) {
    long length = 2;
    for (int i = 0; i < text.length(); i++) length += charLength(text.charAt(i));
    return length;
  }

  /** The length of one character inside a JSON string. */
  static int charLength(char c) {
    if (c == '"' || c == '\\') return 2;
    if (c < 0x20) return c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f' ? 2 : 6;
    return 1;
  }

  private static final class Counter {
    private final long limit;
    private long total;

    Counter(long limit) {
      this.limit = limit;
    }

    long count(JsonNode node) {
      add(node);
      return total;
    }

    /** Adds {@code node}'s length; returns false once the total is past the limit. */
    private boolean add(JsonNode node) {
      if (node.isString()) {
        String text = node.stringValue();
        total += 2;
        for (int i = 0; i < text.length() && total <= limit; i++)
          total += charLength(text.charAt(i));
      } else if (node.isArray()) {
        total += 2 + Math.max(0, node.size() - 1);
        for (JsonNode item : node) {
          if (total > limit || !add(item)) return false;
        }
      } else if (node.isObject()) {
        total += 2 + Math.max(0, node.size() - 1);
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          total += ofString(member.getKey()) + 1;
          if (total > limit || !add(member.getValue())) return false;
        }
      } else {
        total += node.toString().length();
      }
      return total <= limit;
    }
  }
}

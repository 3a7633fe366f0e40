package dev.executortools;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tool ids closest to one that does not exist, for {@code unknown_tool}'s {@code
 * details.suggestions}: the one place that ranks them, by edit distance (case-insensitive), then by
 * the longer shared prefix, then by id. A tool-search ranking can replace this body without touching
 * its callers.
 */
final class ToolSuggestions {
  /** How many ids an {@code unknown_tool} error suggests. */
  static final int LIMIT = 5;
  /** Longer queries are cut: the distance costs query length × id length per tool. */
  private static final int MAX_QUERY = 200;

  private record Scored(String id, int distance, int sharedPrefix) {}

  private ToolSuggestions() {}

  /** Up to {@code limit} ids of {@code tools}, closest to {@code id} first. */
  static List<String> closest(String id, List<Tool> tools, int limit) {
    String query = lower(id.length() > MAX_QUERY ? id.substring(0, MAX_QUERY) : id);
    return tools.stream()
        .map(tool -> {
          String candidate = lower(tool.id());
          return new Scored(tool.id(), distance(query, candidate), sharedPrefix(query, candidate));
        })
        .sorted(Comparator.comparingInt(Scored::distance)
            .thenComparing(Comparator.comparingInt(Scored::sharedPrefix).reversed())
            .thenComparing(Scored::id))
        .limit(limit)
        .map(Scored::id)
        .toList();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) i++;
    return i;
  }
}

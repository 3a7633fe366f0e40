package dev.executortools.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a tool's id, split where they tell most about what the tool does: its leaf (the
 * operation name after the last dot: {@code createReview}, {@code meEventsEventTentativelyAccept})
 * and its group (what comes between the source's namespace and the leaf: {@code pulls}, {@code
 * meActions}). The namespace is left out: every tool of a source carries it.
 */
record IdTerms(Set<String> leaf, Set<String> group) {
  /** How much each leaf word a query does not mention lowers a score. */
  private static final double LEAF_MISS = 0.5;

  /** The same for a group word: groups are broad ({@code meActions}), so a miss says little. */
  private static final double GROUP_MISS = 0.1;

  static IdTerms of(SearchDocument doc) {
    String id = doc.searchableId();
    if (!doc.source().isEmpty() && id.startsWith(doc.source() + ".")) {
      id = id.substring(doc.source().length() + 1);
    }
    int dot = id.lastIndexOf('.');
    Set<String> leaf = Set.copyOf(Terms.of(id.substring(dot + 1)));
    Set<String> group = new HashSet<>(dot < 0 ? List.of() : Terms.of(id.substring(0, dot)));
    group.removeAll(leaf);
    return new IdTerms(leaf, Set.copyOf(group));
  }

  /**
   * How well an id fits a query, as a factor on its score: 1 when the query mentions every id word,
   * less for each of its leaf ({@code leafMisses}) and group words it does not, so the specific
   * tool beats its nested or qualified siblings ({@code accept} before {@code tentativelyAccept}
   * for "accept a meeting").
   */
  static double fit(int leafMisses, int groupMisses) {
    return 1 / (1 + LEAF_MISS * leafMisses + GROUP_MISS * groupMisses);
  }
}

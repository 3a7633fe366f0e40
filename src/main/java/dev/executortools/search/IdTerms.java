package dev.executortools.search;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a tool's id, split where they tell most about what the tool does: its leaf (the
 * operation name after the last dot: {@code createReview}, {@code meEventsEventTentativelyAccept})
 * and its group (what comes between the source's namespace and the leaf: {@code pulls}, {@code
 * meActions}). The namespace is left out: every tool of a source carries it. A leaf's {@code get}
 * reads as {@code list} when the tool is a GET of a collection named by a plural ({@code getUsers}
 * of {@code GET /users/{userId}/meetings} lists meetings) or that answers many things ({@link
 * Answer}).
 */
record IdTerms(Set<String> leaf, Set<String> group) {
  /** How much each leaf word a query does not mention lowers a score. */
  private static final double LEAF_MISS = 0.5;

  /** The same for a group word: groups are broad ({@code meActions}), so a miss says little. */
  private static final double GROUP_MISS = 0.1;

  /**
   * The same for a leaf word that says how the tool changes things ({@link #VERBS}): a task often
   * says it in other words ("cancel a meeting" for {@code meetingDelete}) or leaves it to the noun,
   * and the tool's method already counts in its score.
   */
  private static final double VERB_MISS = 0.3;

  /** The terms of the verbs counted by {@link #VERB_MISS}. */
  static final Set<String> VERBS = Set.copyOf(Terms.of("create update delete"));

  private static final List<String> LIST = Terms.of("list");
  private static final String GET = Terms.of("get").get(0);

  static IdTerms of(SearchDocument doc) {
    String id = doc.searchableId();
    if (!doc.source().isEmpty() && id.startsWith(doc.source() + ".")) {
      id = id.substring(doc.source().length() + 1);
    }
    int dot = id.lastIndexOf('.');
    Set<String> leaf = new HashSet<>(Terms.of(id.substring(dot + 1)));
    if (Field.verb(doc).equals(LIST)
        && (namesMany(doc.path()) || doc.answer() == Answer.MANY)
        && leaf.remove(GET)) {
      leaf.addAll(LIST);
    }
    Set<String> group = new HashSet<>(dot < 0 ? List.of() : Terms.of(id.substring(0, dot)));
    group.removeAll(leaf);
    return new IdTerms(Set.copyOf(leaf), Set.copyOf(group));
  }

  /**
   * Whether the last word of {@code path} names many things: a plural ({@code /users}) or {@code
   * list}; not a single thing without a parameter ({@code /me}, {@code /balance}).
   */
  static boolean namesMany(String path) {
    if (path == null) return false;
    String[] words = path.toLowerCase(Locale.ROOT).split("[^a-z]+");
    if (words.length == 0) return false;
    String last = words[words.length - 1];
    return last.equals("list") || (last.length() > 3 && last.endsWith("s") && !last.endsWith("ss"));
  }

  /**
   * How well an id fits a query, as a factor on its score: 1 when the query mentions every id word,
   * less for each of its leaf ({@code leafMisses}, {@code verbMisses}) and group words it does not,
   * so the specific tool beats its nested or qualified siblings ({@code accept} before {@code
   * tentativelyAccept} for "accept a meeting").
   */
  static double fit(int leafMisses, int groupMisses, int verbMisses) {
    return 1 / (1 + LEAF_MISS * leafMisses + GROUP_MISS * groupMisses + VERB_MISS * verbMisses);
  }
}

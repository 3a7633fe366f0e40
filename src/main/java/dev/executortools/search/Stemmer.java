package dev.executortools.search;

/**
 * A light suffix stripper for English API vocabulary: {@code repositories}, {@code repository} →
 * {@code repositori}; {@code deleted}, {@code deleting}, {@code delete} → {@code delet}; {@code
 * starred} → {@code star}; {@code assignees} → {@code assign}. Enough to match a task's words with
 * an operation's; not Porter.
 *
 * <p>Kept hand-written after measurement: Lucene's Snowball English (Porter2), Porter and Lovins
 * stemmers and KStem ({@code lucene-analysis-common} 9.12.3) in its place ranked no better overall
 * and lost on GitHub or Graph (Porter2 leaves {@code assignee} apart from {@code assign} and stems
 * {@code secure} and {@code security} alike); figures in BENCHMARKS.md, "Library stemmers against
 * the hand-written one".
 */
final class Stemmer {
  private Stemmer() {}

  static String stem(String word) {
    if (word.length() <= 3 || !isLetters(word)) return word;
    String w = singular(word);
    // policies → polici, as policy becomes below (and flies → fli, shorter than that rule reads)
    if (word.endsWith("ies") && word.length() > 4) w = w.substring(0, w.length() - 1) + "i";
    if (w.endsWith("ee") && w.length() >= 7) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("ing") && w.length() >= 6) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.endsWith("ed") && w.length() >= 5) {
      w = undouble(w.substring(0, w.length() - 2));
    }
    if (w.length() > 3 && w.endsWith("y")) w = w.substring(0, w.length() - 1) + "i";
    if (w.length() > 3 && w.endsWith("e")) w = w.substring(0, w.length() - 1);
    return w;
  }

  /**
   * {@code word} without a plural ending ({@code machines} → {@code machine}, {@code policies} →
   * {@code policy}), nothing else stripped.
   */
  static String singular(String word) {
    if (word.length() <= 3 || !isLetters(word)) return word;
    if (word.endsWith("ies") && word.length() > 4)
      return word.substring(0, word.length() - 3) + "y";
    if (word.endsWith("sses")) return word.substring(0, word.length() - 2);
    if (word.endsWith("s")
        && !word.endsWith("ss")
        && !word.endsWith("us")
        && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n >= 3
        && w.charAt(n - 1) == w.charAt(n - 2)
        && "lsz".indexOf(w.charAt(n - 1)) < 0
        && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static boolean isLetters(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') return false;
    }
    return true;
  }
}

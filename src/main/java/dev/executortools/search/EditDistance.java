package dev.executortools.search;

/** Levenshtein distance that gives up once it exceeds a budget (so 11,000 ids stay cheap). */
final class EditDistance {
  private EditDistance() {}

  /** The distance between a and b, or {@code budget + 1} when it is larger than {@code budget}. */
  static int bounded(String a, String b, int budget) {
    if (Math.abs(a.length() - b.length()) > budget) return budget + 1;
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > budget) return budget + 1;
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], budget + 1);
  }
}

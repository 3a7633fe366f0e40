package dev.executortools.naming;

import java.util.Comparator;

/**
 * The order executor lists tools in: JavaScript's {@code a.localeCompare(b)}, which for tool paths
 * is the Unicode root collation (ICU): punctuation before digits before letters, letters compared
 * without case first ({@code t.geta} before {@code t.getZ}), and only then lower case before upper
 * case, from the left. Digits are not read as numbers ({@code a10} before {@code a9}). Characters
 * outside printable ASCII come last, by code point; tool paths never hold them.
 */
public final class ToolPathOrder implements Comparator<String> {
  public static final ToolPathOrder INSTANCE = new ToolPathOrder();

  /** ASCII punctuation and symbols in root-collation order. */
  private static final String PUNCTUATION = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

  private ToolPathOrder() {}

  @Override
  public int compare(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      int primary = Integer.compare(primary(a.charAt(i)), primary(b.charAt(i)));
      if (primary != 0) return primary;
    }
    if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y)
        return Character.isLowerCase(x)
            ? -1
            : Character.isLowerCase(y) ? 1 : Character.compare(x, y);
    }
    return 0;
  }

  private static int primary(char c) {
    int punctuation = PUNCTUATION.indexOf(c);
    if (punctuation >= 0) return punctuation;
    if (c >= '0' && c <= '9') return 100 + (c - '0');
    if (c >= 'a' && c <= 'z') return 200 + (c - 'a');
    if (c >= 'A' && c <= 'Z') return 200 + (c - 'A');
    return 1_000 + c;
  }
}

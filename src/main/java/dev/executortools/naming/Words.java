package dev.executortools.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splitting identifiers into words and joining them in camel or Pascal case, as executor does. */
public final class Words {

  private Words() {}

  /**
   * The words of {@code value}, in their original case: breaks go between a lower-case letter or
   * digit and a capital ({@code aB}), between a run of capitals and a capitalised word ({@code
   * ABCDef} → {@code ABC Def}), and at every run of characters outside {@code [a-zA-Z0-9]}.
   */
  public static List<String> words(String value) {
    // One pass, the same breaks as executor's three replacements: before a capital that follows a
    // lower-case letter or digit; before the last capital of a run of two or more that a lower-case
    // letter or digit follows; at every character outside [a-zA-Z0-9].
    List<String> words = new ArrayList<>();
    int n = value.length();
    int start = -1;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      boolean upper = isUpper(c);
      if (!upper && !isLowerOrDigit(c)) {
        if (start >= 0) words.add(value.substring(start, i));
        start = -1;
        continue;
      }
      if (start >= 0 && upper && i > start) {
        char previous = value.charAt(i - 1);
        boolean afterLower = isLowerOrDigit(previous);
        boolean endsCapitalRun =
            isUpper(previous) && i + 1 < n && isLowerOrDigit(value.charAt(i + 1));
        if (afterLower || endsCapitalRun) {
          words.add(value.substring(start, i));
          start = i;
        }
      }
      if (start < 0) start = i;
    }
    if (start >= 0) words.add(value.substring(start));
    return words;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLowerOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Words lower-cased, each after the first capitalised, joined; {@code tool} when there are none.
   */
  public static String camel(String value) {
    List<String> words = words(value);
    if (words.isEmpty()) {
      return "tool";
    }
    StringBuilder out = new StringBuilder(words.get(0).toLowerCase(Locale.ROOT));
    for (String word : words.subList(1, words.size())) {
      out.append(capitalise(word.toLowerCase(Locale.ROOT)));
    }
    return out.toString();
  }

  /** {@link #camel} with its first letter capitalised. */
  public static String pascal(String value) {
    return capitalise(camel(value));
  }

  private static String capitalise(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}

package dev.executortools.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splitting identifiers into words and joining them in camel or Pascal case, as executor does. */
public final class Words {
  private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-zA-Z0-9]+");

  private Words() {}

  /**
   * The words of {@code value}, in their original case: breaks go between a lower-case letter or
   * digit and a capital ({@code aB}), between a run of capitals and a capitalised word ({@code
   * ABCDef} → {@code ABC Def}), and at every run of characters outside {@code [a-zA-Z0-9]}.
   */
  public static List<String> words(String value) {
    String spaced = LOWER_THEN_UPPER.matcher(value).replaceAll("$1 $2");
    spaced = splitCapitalsBeforeWord(spaced);
    spaced = NON_ALPHANUMERIC.matcher(spaced).replaceAll(" ");
    List<String> words = new ArrayList<>();
    for (String part : spaced.split(" ")) {
      if (!part.isEmpty()) {
        words.add(part);
      }
    }
    return words;
  }

  /**
   * executor's {@code replace(/([A-Z]+)([A-Z][a-z0-9]+)/g, "$1 $2")} in one pass: in a run of two
   * or more capitals followed by a lower-case letter or digit, a space before the run's last
   * capital. (The regular expression backtracks quadratically over a long run of capitals; a
   * hostile operationId of 100 KB of capitals took minutes.)
   */
  private static String splitCapitalsBeforeWord(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    int i = 0;
    int n = value.length();
    while (i < n) {
      int end = i;
      while (end < n && isUpper(value.charAt(end))) end++;
      if (end - i >= 2 && end < n && isLowerOrDigit(value.charAt(end))) {
        out.append(value, i, end - 1).append(' ').append(value.charAt(end - 1));
      } else {
        out.append(value, i, end);
      }
      if (end == i) out.append(value.charAt(end++));
      i = end;
    }
    return out.toString();
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

package dev.executortools.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Generated cases for property tests, without a property-testing library: the given edge cases
 * first, then inputs drawn from one {@link Random} with a fixed seed, so every run checks the same
 * cases and a failure repeats. {@code -Dexecutortools.seed=N} (on the mvn command line) draws from
 * another seed instead, to look further. The first case that fails, by an assertion or an
 * exception, fails the test naming the seed, the case and the input (quoted as a Java literal, so
 * it can be pasted into a regression example); later cases are not tried.
 */
public final class RandomCases {
  private static final String[] TROUBLE = {
    "😀", "\ufeff", "\u202e", "\u0085", "\u2028", "{", "}", "%", "%00", "/", "?", "#", "&", "\\",
    "\""
  };

  private RandomCases() {}

  /**
   * Checks {@code property} on every edge case and then on inputs drawn by {@code generator}: at
   * least {@code count} cases in all.
   */
  public static <T> void forAll(
      long seed,
      int count,
      List<T> edgeCases,
      Function<Random, T> generator,
      Consumer<T> property) {
    long used = Long.getLong("executortools.seed", seed);
    Random random = new Random(used);
    int total = Math.max(count, edgeCases.size());
    for (int i = 0; i < total; i++) {
      boolean edge = i < edgeCases.size();
      T input = edge ? edgeCases.get(i) : generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException failure) {
        throw new AssertionError(
            String.format(
                "case %d of %d (%s, -Dexecutortools.seed=%d) fails for %s: %s",
                i + 1, total, edge ? "edge case" : "random", used, show(input), failure),
            failure);
      }
    }
  }

  /**
   * Any string of at most {@code maxLength} chars, short ones more often: half its chars from the
   * whole BMP but noncharacters and private use (lone surrogates included), the rest printable
   * ASCII, control characters, or a few troublemakers (a surrogate pair, a BOM, a bidi override,
   * template and URL punctuation).
   */
  public static String string(Random random, int maxLength) {
    int length = random.nextInt(random.nextBoolean() ? Math.min(maxLength, 8) + 1 : maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        char c;
        do c = (char) random.nextInt(0x10000);
        while (Character.getType(c) == Character.PRIVATE_USE
            || (c >= 0xfdd0 && c <= 0xfdef)
            || c >= 0xfffe);
        out.append(c);
      } else if (kind < 8) {
        out.append((char) (' ' + random.nextInt(95)));
      } else if (kind < 9) {
        int control = random.nextInt(33);
        out.append((char) (control == 32 ? 0x7f : control));
      } else {
        out.append(TROUBLE[random.nextInt(TROUBLE.length)]);
      }
    }
    return out.length() > length ? out.substring(0, length) : out.toString();
  }

  /** A string as a Java literal: quotes, backslashes, control and non-ASCII characters escaped. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c == '\n') out.append("\\n");
      else if (c == '\r') out.append("\\r");
      else if (c == '\t') out.append("\\t");
      else if (c < ' ' || c > '~') out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  private static String show(Object input) {
    return input instanceof String text ? quote(text) : String.valueOf(input);
  }
}

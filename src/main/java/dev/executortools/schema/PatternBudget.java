package dev.executortools.schema;

import dev.executortools.internal.Limits;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The time all of one validation's pattern matching may take together, for the thread doing it.
 * Text matched under the budget ({@link #text}) checks the clock as an engine reads it and throws
 * {@link PatternTimeoutException} once the time is spent, whichever engine reads it.
 */
final class PatternBudget {
  /** Pattern matching of one validation, all patterns and values together. */
  static final long MILLIS = Limits.MAX_PATTERN_MATCHING_MILLIS;

  /** Characters read between two looks at the clock. */
  private static final int CHECK_EVERY = 1024;

  private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

  private PatternBudget() {}

  /** Runs {@code work} with a fresh budget (nested calls share the outer one). */
  static <T> T run(Supplier<T> work) {
    if (DEADLINE.get() != null) return work.get();
    DEADLINE.set(new long[] {System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS)});
    try {
      return work.get();
    } finally {
      DEADLINE.remove();
    }
  }

  /** {@code value} as text that ends {@code pattern}'s match when the budget is spent. */
  static CharSequence text(String value, String pattern) {
    long[] deadline = DEADLINE.get();
    long end =
        deadline != null ? deadline[0] : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);
    if (System.nanoTime() - end > 0) throw new PatternTimeoutException(pattern, value);
    return new Timed(value, 0, value.length(), end, pattern);
  }

  /** A view of a string whose reads look at the clock now and then. */
  private static final class Timed implements CharSequence {
    private final String value;
    private final int start;
    private final int end;
    private final long deadline;
    private final String pattern;
    private int reads;

    Timed(String value, int start, int end, long deadline, String pattern) {
      this.value = value;
      this.start = start;
      this.end = end;
      this.deadline = deadline;
      this.pattern = pattern;
    }

    @Override
    public char charAt(int index) {
      if (++reads == CHECK_EVERY) {
        reads = 0;
        if (System.nanoTime() - deadline > 0) throw new PatternTimeoutException(pattern, value);
      }
      return value.charAt(start + index);
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new Timed(value, start + from, start + to, deadline, pattern);
    }

    @Override
    public String toString() {
      return value.substring(start, end);
    }
  }
}

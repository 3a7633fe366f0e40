package dev.executortools.schema;

/** A value could not be checked against a spec's pattern within {@link PatternBudget#MILLIS}. */
final class PatternTimeoutException extends RuntimeException {
  private final String pattern;
  private final String value;

  PatternTimeoutException(String pattern, String value) {
    super("matching the pattern " + pattern + " took too long", null, false, false);
    this.pattern = pattern;
    this.value = value;
  }

  String pattern() {
    return pattern;
  }

  /** The text being matched. */
  String value() {
    return value;
  }
}

package dev.executortools.catalog;

import java.util.Locale;

/** The {@code status} of a cache file. */
public enum ExtractStatus {
  /** Tools were extracted. */
  OK,
  /** The spec could not be read, parsed or compiled, or it ran out of time or memory. */
  ERROR,
  /** The spec was read but has nothing to extract (no operations). */
  SKIPPED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExtractStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}

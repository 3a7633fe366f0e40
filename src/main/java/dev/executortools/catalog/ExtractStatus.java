package dev.executortools.catalog;

import java.util.Locale;

/** The {@code status} of a cache file. */
public enum ExtractStatus {
  /** Tools were extracted. */
  OK,
  /** The spec could not be read or parsed, or it ran out of time or memory. */
  ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExtractStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}

package dev.executortools;

import org.jspecify.annotations.Nullable;

/**
 * A stored entry that could not be read. It is left in place untouched.
 *
 * @param namespace the namespace the entry belongs to, or its file name when that is unclear
 * @param message what is wrong and where, never a stored value
 * @param file the file at fault, or null when the store keeps no files
 */
public record StoreProblem(String namespace, String message, @Nullable String file) {

  public StoreProblem(String namespace, String message) {
    this(namespace, message, null);
  }
}

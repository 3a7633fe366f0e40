package dev.executortools.home;

import java.nio.file.Path;

/**
 * State under the home directory could not be read or written. The message names the file and the
 * cause; it never carries a stored value.
 */
public final class StoreException extends RuntimeException {
  private final transient Path file;

  public StoreException(String message) {
    this(message, (Path) null);
  }

  public StoreException(String message, Path file) {
    super(message);
    this.file = file;
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
    this.file = null;
  }

  /** The file at fault, or null when none is known. */
  public Path file() {
    return file;
  }
}

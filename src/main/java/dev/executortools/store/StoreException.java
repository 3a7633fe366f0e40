package dev.executortools.store;

/**
 * State under the home directory could not be read or written. The message names the file and the
 * cause; it never carries a stored value.
 */
public final class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

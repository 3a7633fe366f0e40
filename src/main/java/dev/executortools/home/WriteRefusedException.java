package dev.executortools.home;

/**
 * Thrown by a {@link PrivateFiles.ContentWriter} that refuses to finish what it writes (a stored
 * source past its size limit): {@link PrivateFiles#writeAtomically} leaves the file as it was and
 * passes the exception on as it is, not as a {@link StoreException}.
 */
public abstract class WriteRefusedException extends RuntimeException {
  protected WriteRefusedException(String message) {
    super(message, null, false, false);
  }
}

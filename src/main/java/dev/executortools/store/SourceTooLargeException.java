package dev.executortools.store;

import dev.executortools.home.WriteRefusedException;
import dev.executortools.internal.Limits;

/**
 * A source would take more than {@link Limits#MAX_STORED_SOURCE_BYTES} on disk: it is not written
 * (what was stored before stays as it was), since no process could load it back.
 */
public final class SourceTooLargeException extends WriteRefusedException {
  SourceTooLargeException() {
    super(
        "the compiled source would take more than "
            + Limits.bytes(Limits.MAX_STORED_SOURCE_BYTES)
            + " on disk (the limit for one stored source), so it was not saved");
  }
}

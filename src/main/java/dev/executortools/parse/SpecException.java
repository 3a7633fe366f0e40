package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;

/**
 * Why a document could not be read; carried to the edge of the parse stage as a {@link ToolError}.
 */
public final class SpecException extends Exception {
  private final transient ToolError error;

  public SpecException(ErrorCode code, String message) {
    this(ToolError.of(code, message));
  }

  /** A failure with status, details or retryable, as a fetch has. */
  public SpecException(ToolError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public ErrorCode code() {
    return error.code();
  }

  public ToolError toError() {
    return error;
  }
}

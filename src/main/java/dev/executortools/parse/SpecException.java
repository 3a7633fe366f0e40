package dev.executortools.parse;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;

/** Why a document could not be read; carried to the edge of the parse stage as a {@link ToolError}. */
public final class SpecException extends Exception {
  private final ErrorCode code;

  public SpecException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public ToolError toError() {
    return ToolError.of(code, getMessage());
  }
}

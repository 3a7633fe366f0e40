package dev.executortools.sso;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;

/**
 * Ends a login inside this package; {@link DeviceLogin} turns it into an {@code ok: false} result.
 */
final class LoginFailure extends RuntimeException {
  private final transient ToolError error;

  LoginFailure(ToolError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  LoginFailure(ErrorCode code, String message) {
    this(ToolError.of(code, message));
  }

  ToolError error() {
    return error;
  }
}

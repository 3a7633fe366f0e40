package dev.executortools.result;

import dev.executortools.ToolError;

/**
 * How a source's non-2xx replies become a {@link ToolError}. Most sources use {@link #GENERIC}; a
 * source whose errors carry more structure (the AWS JSON protocols, say) brings its own.
 * Implementations return an {@code upstream_http_error} carrying the status; they must not throw.
 */
@FunctionalInterface
public interface ErrorModel {

  ToolError toError(ErrorResponse response);

  /**
   * {@code details = {"body": <decoded body>, "retryAfter"?: <header>}}, {@code retryable} true for
   * 429, 502, 503 and 504, and a message naming the status, the request and, when the body has one,
   * the upstream's own short message.
   */
  ErrorModel GENERIC = new GenericErrorModel();

  /** Whether a reply with this status may succeed when sent again: 429, 502, 503 and 504. */
  static boolean retryableStatus(int status) {
    return GenericErrorModel.RETRYABLE_STATUSES.contains(status);
  }
}

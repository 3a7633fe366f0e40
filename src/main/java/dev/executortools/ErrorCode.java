package dev.executortools;

import java.util.Locale;

/** Stable, snake_case error codes of {@code {"ok": false, "error": {"code": ...}}}. */
public enum ErrorCode {
  UNKNOWN_TOOL,
  INVALID_ARGUMENTS,
  UPSTREAM_HTTP_ERROR,
  NETWORK_ERROR,
  TIMEOUT,
  RESPONSE_TOO_LARGE,
  OPENAPI_PARSE_FAILED,
  OPENAPI_FETCH_FAILED,
  UNSAFE_REFERENCE,
  SOURCE_EXISTS,
  UNKNOWN_SOURCE,
  APPROVAL_REQUIRED,
  APPROVAL_DECLINED,
  BLOCKED,
  /** A model-chosen URL led to an address the network policy refuses; nothing was sent. */
  BLOCKED_ADDRESS,
  MISSING_SECRET,
  /**
   * A call needs a sign-in that is missing, expired without a refresh token, or was revoked: the
   * message names the {@code auth login} command; nothing was sent to the API.
   */
  AUTH_REQUIRED,
  STORE_FAILED,
  /** A command line that does not parse (unknown option, missing parameter...): exit code 2. */
  INVALID_USAGE,
  /** {@code policies remove} of a pattern no rule has. */
  UNKNOWN_RULE,
  /**
   * {@code catalog extract} ran, but some specs ended in {@code status: "error"} (the summary is in
   * details).
   */
  SPECS_FAILED,
  INTERNAL_ERROR;

  /** The code as it appears on the wire, e.g. {@code invalid_arguments}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ErrorCode fromWireName(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}

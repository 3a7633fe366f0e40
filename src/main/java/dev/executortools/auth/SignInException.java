package dev.executortools.auth;

/**
 * Signing in, or keeping a sign-in fresh, did not give a usable access token. The message says what
 * happened and where (an endpoint's origin and path), never a secret, code or token.
 */
public final class SignInException extends RuntimeException {
  /** What the caller can do about it. */
  public enum Kind {
    /** Sign in again: no tokens, no refresh token, a refresh refused, access denied. */
    AUTH_REQUIRED,
    /** The authorization server did not answer in time, or the user did not finish in time. */
    TIMEOUT,
    /** The authorization server could not be reached. */
    NETWORK,
    /** It answered, but not as a server should (or as the plugin refuses to follow). */
    FAILED
  }

  private final Kind kind;

  public SignInException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

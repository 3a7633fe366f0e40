package dev.executortools.oauth;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in, refresh or revocation that did not succeed. The message says what happened and at
 * which endpoint (origin and path), never a secret, code or token.
 */
public final class OAuthException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, for the caller to map to its own error codes. */
  public enum Kind {
    /** The grant was refused: a refresh token revoked or expired, a code already used. */
    INVALID_GRANT,
    /** The person (or the server's policy) declined the authorization. */
    ACCESS_DENIED,
    /**
     * The server answered with another OAuth error ({@code invalid_client}, {@code invalid_scope},
     * {@code unauthorized_client}, {@code server_error}, ...); see {@link #oauthError()}.
     */
    SERVER_ERROR,
    /** A malformed or unexpected answer. */
    PROTOCOL,
    /**
     * Refused as hostile or unsafe: a redirect, an oversized body, metadata pointing to another
     * origin or naming another issuer, a {@code state} mismatch, a non-https endpoint.
     */
    REFUSED,
    /** Nobody answered in time: a network timeout, a sign-in not completed, a code expired. */
    TIMEOUT,
    /** The server could not be reached. */
    NETWORK
  }

  private final Kind kind;
  private final @Nullable String oauthError;

  public OAuthException(Kind kind, String message) {
    this(kind, null, message);
  }

  public OAuthException(Kind kind, @Nullable String oauthError, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.oauthError = oauthError;
  }

  public Kind kind() {
    return kind;
  }

  /** The OAuth error code the server answered ({@code invalid_grant}, ...), if any. */
  public @Nullable String oauthError() {
    return oauthError;
  }
}

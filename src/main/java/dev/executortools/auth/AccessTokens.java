package dev.executortools.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The access token a call of an OAuth 2.0 scheme sends: the stored one while it is fresh, else a
 * new one (refreshed, or for client credentials fetched), obtained once however many threads and
 * processes ask at the same moment: under the {@link TokenStore}'s lock, the tokens are read again
 * and only renewed when still stale.
 */
public final class AccessTokens {
  /** A token expiring within this margin is renewed before it is sent. */
  public static final Duration MARGIN = Duration.ofSeconds(60);

  /** How new tokens are obtained: the OAuth 2.0 requests themselves. */
  public interface Grants {
    /**
     * @throws SignInException {@code AUTH_REQUIRED} when the server refuses the refresh token
     */
    Tokens refresh(String namespace, String scheme, SchemeAuth.OAuth auth, Tokens current);

    /** Tokens for the client itself (the client credentials grant). */
    Tokens clientCredentials(String namespace, String scheme, SchemeAuth.OAuth auth);
  }

  private final TokenStore store;
  private final Grants grants;
  private final Clock clock;

  public AccessTokens(TokenStore store, Grants grants, Clock clock) {
    this.store = store;
    this.grants = grants;
    this.clock = clock;
  }

  public TokenStore store() {
    return store;
  }

  /**
   * A fresh access token for the scheme.
   *
   * @throws SignInException {@code AUTH_REQUIRED} when there is none and none can be had without
   *     the user
   */
  public String accessToken(String namespace, String scheme, SchemeAuth.OAuth auth) {
    Optional<Tokens> stored = store.read(namespace, scheme);
    if (stored.isPresent() && !stale(stored.get())) return stored.get().accessToken();
    return store.locked(
        namespace,
        scheme,
        () -> {
          Optional<Tokens> current = store.read(namespace, scheme);
          if (current.isPresent() && !stale(current.get())) return current.get().accessToken();
          return renew(namespace, scheme, auth, current.orElse(null));
        });
  }

  /**
   * The token to retry with after the API refused {@code rejected} (a 401): a new one, unless
   * another caller renewed it meanwhile, in which case that one.
   *
   * @throws SignInException {@code AUTH_REQUIRED} when it cannot be renewed without the user
   */
  public String afterRejection(
      String namespace, String scheme, SchemeAuth.OAuth auth, String rejected) {
    return store.locked(
        namespace,
        scheme,
        () -> {
          Optional<Tokens> current = store.read(namespace, scheme);
          if (current.isPresent() && !current.get().accessToken().equals(rejected))
            return current.get().accessToken();
          return renew(namespace, scheme, auth, current.orElse(null));
        });
  }

  private boolean stale(Tokens tokens) {
    return tokens.expiresWithin(MARGIN, clock.instant());
  }

  private String renew(String namespace, String scheme, SchemeAuth.OAuth auth, Tokens current) {
    Tokens fresh;
    if (current != null && current.refreshToken() != null) {
      try {
        fresh = grants.refresh(namespace, scheme, auth, current);
      } catch (SignInException e) {
        if (e.kind() == SignInException.Kind.AUTH_REQUIRED) store.delete(namespace, scheme);
        throw e;
      }
    } else if (auth.flow().equals("clientCredentials")) {
      fresh = grants.clientCredentials(namespace, scheme, auth);
    } else {
      throw new SignInException(
          SignInException.Kind.AUTH_REQUIRED,
          current == null
              ? "not signed in"
              : "the access token expired and the server gave no refresh token");
    }
    store.write(namespace, scheme, fresh);
    return fresh.accessToken();
  }
}

package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Signs in to an authorization server, refreshes and revokes. Every request goes through the OkHttp
 * client given (with redirects turned off: a 3xx answer is refused); each method either returns or
 * throws an {@link OAuthException}. Safe for concurrent use; it holds no tokens.
 */
public final class OAuthClient {
  private final OAuthHttp http;
  private final Clock clock;

  public OAuthClient(OkHttpClient client, Clock clock) {
    this.http = new OAuthHttp(Objects.requireNonNull(client, "client"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The client credentials grant (RFC 6749 §4.4): no person involved; only for a client with a
   * secret.
   */
  public TokenSet clientCredentials(OAuthClientConfig config) throws OAuthException {
    if (config.clientSecret() == null || config.clientSecret().isEmpty()) {
      throw new OAuthException(
          OAuthException.Kind.PROTOCOL,
          "the client credentials grant needs a client secret; client "
              + config.clientId()
              + " has none");
    }
    return tokenEndpoint(config).tokens(new ClientCredentialsGrant(), config.scopes(), null);
  }

  /**
   * A refresh (RFC 6749 §6); the answer's refresh token, else {@code refreshToken} kept. A refresh
   * token the server no longer honours gives {@link OAuthException.Kind#INVALID_GRANT}.
   */
  public TokenSet refresh(OAuthClientConfig config, String refreshToken) throws OAuthException {
    Objects.requireNonNull(refreshToken, "refreshToken");
    return tokenEndpoint(config)
        .tokens(
            new RefreshTokenGrant(new RefreshToken(refreshToken)),
            List.of(),
            refreshToken,
            refreshToken);
  }

  /**
   * The authorization code grant with PKCE through a loopback redirect: {@code prompt} receives the
   * URL to open; the browser has {@code timeout} to come back.
   */
  public TokenSet authorizationCode(OAuthClientConfig config, LoginPrompt prompt, Duration timeout)
      throws OAuthException {
    return new AuthorizationCodeFlow(tokenEndpoint(config), config).run(prompt, timeout);
  }

  /** The device authorization grant (RFC 8628): {@code prompt} receives the code to enter. */
  public TokenSet deviceAuthorization(OAuthClientConfig config, LoginPrompt prompt, Sleeper sleeper)
      throws OAuthException {
    return new DeviceFlow(http, clock, tokenEndpoint(config), config).run(prompt, sleeper);
  }

  /** Revokes {@code tokens} (RFC 7009); nothing when the server has no revocation endpoint. */
  public void revoke(OAuthClientConfig config, TokenSet tokens) throws OAuthException {
    new Revocation(http, config).revoke(tokens);
  }

  private TokenEndpoint tokenEndpoint(OAuthClientConfig config) throws OAuthException {
    return new TokenEndpoint(http, clock, config);
  }
}

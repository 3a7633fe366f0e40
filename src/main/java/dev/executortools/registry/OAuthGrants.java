package dev.executortools.registry;

import dev.executortools.auth.AccessTokens;
import dev.executortools.auth.OAuthUrls;
import dev.executortools.auth.SchemeAuth;
import dev.executortools.auth.Tokens;
import dev.executortools.oauth.OAuthClientConfig;
import dev.executortools.oauth.OAuthException;
import dev.executortools.store.CredentialResolver;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** The OAuth 2.0 requests that renew tokens, sent with the registry's HTTP client. */
final class OAuthGrants implements AccessTokens.Grants {
  private final Supplier<OkHttpClient> client;
  private final CredentialResolver credentials;
  private final Clock clock;

  OAuthGrants(Supplier<OkHttpClient> client, CredentialResolver credentials, Clock clock) {
    this.client = client;
    this.credentials = credentials;
    this.clock = clock;
  }

  OAuthSession session(SchemeAuth.OAuth auth) {
    return new OAuthSession(auth, client.get(), credentials, clock);
  }

  @Override
  public Tokens refresh(String namespace, String scheme, SchemeAuth.OAuth auth, Tokens current) {
    OAuthSession session = session(auth);
    OAuthClientConfig config = session.config(current.endpoints(), false, false);
    try {
      return session.tokens(session.client.refresh(config, current.refreshToken()), config);
    } catch (OAuthException e) {
      throw OAuthSession.failure(e);
    }
  }

  @Override
  public Tokens clientCredentials(String namespace, String scheme, SchemeAuth.OAuth auth) {
    OAuthSession session = session(auth);
    OAuthClientConfig config =
        session.config(new OAuthUrls(null, null, null, null, null), false, false);
    try {
      return session.tokens(session.client.clientCredentials(config), config);
    } catch (OAuthException e) {
      throw OAuthSession.failure(e);
    }
  }
}

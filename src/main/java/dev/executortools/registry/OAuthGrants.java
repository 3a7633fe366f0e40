package dev.executortools.registry;

import dev.executortools.auth.AccessTokens;
import dev.executortools.auth.SchemeAuth;
import dev.executortools.auth.SignInException;
import dev.executortools.auth.Tokens;
import dev.executortools.store.CredentialResolver;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** The OAuth 2.0 requests that renew tokens (wired to the OAuth client in the next step). */
final class OAuthGrants implements AccessTokens.Grants {
  OAuthGrants(Supplier<OkHttpClient> client, CredentialResolver credentials) {}

  @Override
  public Tokens refresh(String namespace, String scheme, SchemeAuth.OAuth auth, Tokens current) {
    throw new SignInException(SignInException.Kind.FAILED, "OAuth 2.0 is not wired yet");
  }

  @Override
  public Tokens clientCredentials(String namespace, String scheme, SchemeAuth.OAuth auth) {
    throw new SignInException(SignInException.Kind.FAILED, "OAuth 2.0 is not wired yet");
  }
}

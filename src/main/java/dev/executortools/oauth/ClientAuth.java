package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import org.jspecify.annotations.Nullable;

/**
 * How the client proves itself to one endpoint: HTTP Basic with the secret ({@code
 * client_secret_basic}) only where the secret may go (the token endpoint's origin), else nothing
 * but the {@code client_id} in the form.
 */
final class ClientAuth {
  private ClientAuth() {}

  /** The authentication for {@code endpoint}, or null to send the {@code client_id} alone. */
  static @Nullable ClientAuthentication forEndpoint(
      OAuthClientConfig config, Endpoint endpoint, @Nullable Endpoint tokenEndpoint) {
    String secret = config.clientSecret();
    if (secret == null || secret.isEmpty()) return null;
    if (tokenEndpoint == null || !endpoint.sameOrigin(tokenEndpoint)) return null;
    return new ClientSecretBasic(clientId(config), new Secret(secret));
  }

  static ClientID clientId(OAuthClientConfig config) {
    return new ClientID(config.clientId());
  }
}

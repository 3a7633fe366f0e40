package dev.executortools.oauth;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One OAuth 2.0 client of one authorization server. With a {@code clientSecret} (the resolved
 * value, not a reference) the client authenticates with HTTP Basic ({@code client_secret_basic}),
 * and only to the token endpoint's origin; without one it is a public client that sends its {@code
 * client_id} in the form.
 */
public record OAuthClientConfig(
    String clientId, @Nullable String clientSecret, List<String> scopes, OAuthEndpoints endpoints) {

  public OAuthClientConfig {
    Objects.requireNonNull(clientId, "clientId");
    if (clientId.isBlank()) throw new IllegalArgumentException("clientId is blank");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    Objects.requireNonNull(endpoints, "endpoints");
  }

  /** The same, with other endpoints (for example those {@link Discovery} found). */
  public OAuthClientConfig withEndpoints(OAuthEndpoints endpoints) {
    return new OAuthClientConfig(clientId, clientSecret, scopes, endpoints);
  }

  @Override
  public String toString() {
    return "OAuthClientConfig[clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "none" : "<redacted>")
        + ", scopes="
        + scopes
        + ", endpoints="
        + endpoints
        + "]";
  }
}

package dev.executortools.sso;

import dev.executortools.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A public OIDC client registered with {@code client.registerClient}, cached as the AWS CLI caches
 * it: {@code {"clientId", "clientSecret", "expiresAt", "scopes"?}}. {@link #toString()} leaves out
 * the secret.
 */
public record ClientRegistration(
    String clientId, String clientSecret, Instant expiresAt, List<String> scopes) {
  /** The AWS CLI registers anew this long before the client secret expires. */
  public static final Duration REUSE_MARGIN = Duration.ofMinutes(15);

  public ClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = scopes == null || scopes.isEmpty() ? null : List.copyOf(scopes);
  }

  /** Usable at {@code now}: more than {@link #REUSE_MARGIN} before the secret expires. */
  public boolean reusableAt(Instant now) {
    return expiresAt.isAfter(now.plus(REUSE_MARGIN));
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("clientId", clientId);
    json.put("clientSecret", clientSecret);
    json.put("expiresAt", Timestamps.format(expiresAt));
    if (scopes != null) {
      ArrayNode array = json.putArray("scopes");
      scopes.forEach(array::add);
    }
    return json;
  }

  /** Null when {@code json} is no registration. */
  public static ClientRegistration fromJson(JsonNode json) {
    String clientId = Json.text(json, "clientId");
    String clientSecret = Json.text(json, "clientSecret");
    String expiresAt = Json.text(json, "expiresAt");
    if (clientId == null || clientSecret == null || expiresAt == null) return null;
    List<String> scopes = null;
    JsonNode array = json.get("scopes");
    if (array != null && array.isArray()) {
      scopes = array.valueStream().filter(JsonNode::isString).map(JsonNode::stringValue).toList();
    }
    return new ClientRegistration(clientId, clientSecret, Timestamps.parse(expiresAt), scopes);
  }

  @Override
  public String toString() {
    return "ClientRegistration{clientId=" + clientId + ", expiresAt=" + expiresAt + "}";
  }
}

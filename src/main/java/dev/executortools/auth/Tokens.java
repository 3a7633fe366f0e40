package dev.executortools.auth;

import dev.executortools.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What signing in to one scheme of one source gave: kept as a secret in the home, never printed.
 * {@link #toString()} shows neither token.
 *
 * @param refreshToken null when the server gave none (signing in again is then the only way)
 * @param expiresAt null when the server did not say
 * @param scopes the scopes granted (or asked for, when the server did not say)
 * @param endpoints the endpoints signing in used (those an OpenID Connect discovery document
 *     named), so a refresh goes where the sign-in went
 */
public record Tokens(
    String accessToken,
    String refreshToken,
    Instant expiresAt,
    List<String> scopes,
    OAuthUrls endpoints) {

  public Tokens {
    Objects.requireNonNull(accessToken, "accessToken");
    scopes = List.copyOf(scopes);
    endpoints = endpoints == null ? new OAuthUrls(null, null, null, null, null) : endpoints;
  }

  /** Whether the access token expires before {@code now + margin} (never, when unknown). */
  public boolean expiresWithin(Duration margin, Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now.plus(margin));
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("accessToken", accessToken);
    if (refreshToken != null) json.put("refreshToken", refreshToken);
    if (expiresAt != null) json.put("expiresAt", expiresAt.toString());
    scopes.forEach(json.putArray("scopes")::add);
    ObjectNode urls = Json.object();
    endpoints.writeTo(urls);
    if (!urls.isEmpty()) json.set("endpoints", urls);
    return json;
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException when it is not one (never showing a value)
   */
  public static Tokens fromJson(JsonNode json) {
    String access = Json.text(json, "accessToken");
    if (access == null) throw new IllegalArgumentException("stored tokens have no access token");
    String expires = Json.text(json, "expiresAt");
    Instant expiresAt;
    try {
      expiresAt = expires == null ? null : Instant.parse(expires);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("stored tokens have a malformed expiresAt");
    }
    List<String> scopes = new ArrayList<>();
    json.path("scopes").forEach(s -> scopes.add(s.asString("")));
    return new Tokens(
        access,
        Json.text(json, "refreshToken"),
        expiresAt,
        scopes,
        OAuthUrls.from(json.path("endpoints")));
  }

  @Override
  public String toString() {
    return "Tokens[expiresAt="
        + expiresAt
        + ", refreshToken="
        + (refreshToken != null)
        + ", scopes="
        + scopes
        + "]";
  }
}

package dev.executortools.oauth;

import dev.executortools.internal.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tokens of one sign-in. {@code expiresAt} is null when the server did not say; {@code scopes}
 * are those granted (the requested ones when the answer names none, RFC 6749 §5.1). {@link
 * #toString()} shows neither token.
 */
public record TokenSet(
    String accessToken,
    @Nullable String refreshToken,
    String tokenType,
    @Nullable Instant expiresAt,
    List<String> scopes) {

  public TokenSet {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(tokenType, "tokenType");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /**
   * Whether the access token expires within {@code margin} of now; false when its expiry is
   * unknown.
   */
  public boolean expiresWithin(Duration margin, Clock clock) {
    return expiresAt != null && !expiresAt.isAfter(clock.instant().plus(margin));
  }

  /** The same tokens with another refresh token. */
  public TokenSet withRefreshToken(@Nullable String refreshToken) {
    return new TokenSet(accessToken, refreshToken, tokenType, expiresAt, scopes);
  }

  /**
   * The form stored as a secret: {@code accessToken, refreshToken?, tokenType, expiresAt?, scopes}.
   */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("accessToken", accessToken);
    if (refreshToken != null) json.put("refreshToken", refreshToken);
    json.put("tokenType", tokenType);
    if (expiresAt != null) json.put("expiresAt", expiresAt.toString());
    ArrayNode list = json.putArray("scopes");
    scopes.forEach(list::add);
    return json;
  }

  /**
   * Reads {@link #toJson()}'s form.
   *
   * @throws IllegalArgumentException when it is not that form (the message names the field, never a
   *     value)
   */
  public static TokenSet fromJson(JsonNode json) {
    if (json == null || !json.isObject()) throw new IllegalArgumentException("not a JSON object");
    String access = Json.text(json, "accessToken");
    if (access == null) throw new IllegalArgumentException("accessToken is missing");
    String type = Json.text(json, "tokenType");
    Instant expires = null;
    String expiresText = Json.text(json, "expiresAt");
    if (expiresText != null) {
      try {
        expires = Instant.parse(expiresText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expiresAt is not an ISO-8601 instant");
      }
    }
    List<String> scopes = new ArrayList<>();
    JsonNode list = json.get("scopes");
    if (list != null && list.isArray()) {
      list.forEach(
          scope -> {
            if (scope.isString()) scopes.add(scope.stringValue());
          });
    }
    return new TokenSet(
        access, Json.text(json, "refreshToken"), type == null ? "Bearer" : type, expires, scopes);
  }

  @Override
  public String toString() {
    return "TokenSet[accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", tokenType="
        + tokenType
        + ", expiresAt="
        + expiresAt
        + ", scopes="
        + scopes
        + "]";
  }
}

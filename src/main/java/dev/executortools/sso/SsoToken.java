package dev.executortools.sso;

import dev.executortools.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An SSO access token as the AWS CLI caches it ({@code ~/.aws/sso/cache/<sha1>.json}), with the
 * client registration it was issued to so it can be refreshed. {@link #toString()} leaves out the
 * token, the refresh token and the client secret.
 *
 * @param refreshToken null when the service issued none
 * @param clientId null in files written by tools that do not keep the registration
 * @param clientSecret as {@code clientId}
 * @param registrationExpiresAt as {@code clientId}
 */
public record SsoToken(
    String startUrl,
    String region,
    String accessToken,
    Instant expiresAt,
    String clientId,
    String clientSecret,
    Instant registrationExpiresAt,
    String refreshToken) {

  public SsoToken {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** True when the token expires within {@code window} of {@code now} (or has expired). */
  public boolean expiresWithin(Duration window, Instant now) {
    return !expiresAt.isAfter(now.plus(window));
  }

  /** Whether it can be refreshed at {@code now}: a refresh token and a live registration. */
  public boolean refreshable(Instant now) {
    return refreshToken != null
        && clientId != null
        && clientSecret != null
        && registrationExpiresAt != null
        && registrationExpiresAt.isAfter(now);
  }

  /** The file's JSON: the AWS CLI's field names, instants as {@code 2026-01-01T00:00:00Z}. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    putIfPresent(json, "startUrl", startUrl);
    putIfPresent(json, "region", region);
    json.put("accessToken", accessToken);
    json.put("expiresAt", Timestamps.format(expiresAt));
    putIfPresent(json, "clientId", clientId);
    putIfPresent(json, "clientSecret", clientSecret);
    if (registrationExpiresAt != null) {
      json.put("registrationExpiresAt", Timestamps.format(registrationExpiresAt));
    }
    putIfPresent(json, "refreshToken", refreshToken);
    return json;
  }

  /**
   * Reads a cache file's JSON; null when it is no token (no {@code accessToken} or {@code
   * expiresAt}, as in a registration file).
   *
   * @throws IllegalArgumentException when a timestamp cannot be read
   */
  public static SsoToken fromJson(JsonNode json) {
    String accessToken = Json.text(json, "accessToken");
    String expiresAt = Json.text(json, "expiresAt");
    if (accessToken == null || expiresAt == null) return null;
    String registrationExpiresAt = Json.text(json, "registrationExpiresAt");
    return new SsoToken(
        Json.text(json, "startUrl"),
        Json.text(json, "region"),
        accessToken,
        Timestamps.parse(expiresAt),
        Json.text(json, "clientId"),
        Json.text(json, "clientSecret"),
        registrationExpiresAt == null ? null : Timestamps.parse(registrationExpiresAt),
        Json.text(json, "refreshToken"));
  }

  /** What may be shown: where and until when, never a secret. */
  public ObjectNode summary() {
    ObjectNode json = Json.object();
    putIfPresent(json, "startUrl", startUrl);
    putIfPresent(json, "region", region);
    json.put("expiresAt", Timestamps.format(expiresAt));
    json.put("refreshable", refreshToken != null);
    return json;
  }

  @Override
  public String toString() {
    return "SsoToken" + Json.write(summary());
  }

  private static void putIfPresent(ObjectNode json, String field, String value) {
    if (value != null) json.put(field, value);
  }
}

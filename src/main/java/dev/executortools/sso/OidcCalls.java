package dev.executortools.sso;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device flow's calls, each one a call of a bundled SSO-OIDC tool (so the endpoint rules, error
 * model and transport are the tools'), with the region as {@code server.variables.region}.
 */
final class OidcCalls {
  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  static final String REFRESH_TOKEN_GRANT = "refresh_token";

  /** Bounds on what the service may ask for, so a hostile reply cannot stall a login for days. */
  static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  static final Duration MAX_DEVICE_CODE_LIFE = Duration.ofHours(1);

  /** 9999-12-31T23:59:59Z: later instants are not ISO-8601 as the cache's readers parse it. */
  private static final long MAX_SECONDS = 253_402_300_799L;

  /** A started device authorization: the code to show and the device code to poll with. */
  record Authorization(DeviceCode shown, String deviceCode) {}

  private final ToolRegistry registry;

  OidcCalls(ToolRegistry registry) {
    this.registry = registry;
  }

  ClientRegistration register(String clientName, SsoSession session) {
    ObjectNode body = Json.object().put("clientName", clientName).put("clientType", "public");
    if (session.scopes() != null) {
      ArrayNode scopes = body.putArray("scopes");
      session.scopes().forEach(scopes::add);
    }
    JsonNode data = require(call("client.registerClient", body, session.region()));
    long expiresAt = number(data, "clientSecretExpiresAt", "client.registerClient");
    return new ClientRegistration(
        text(data, "clientId", "client.registerClient"),
        text(data, "clientSecret", "client.registerClient"),
        Instant.ofEpochSecond(expiresAt),
        session.scopes());
  }

  ToolResult startDeviceAuthorization(ClientRegistration registration, SsoSession session) {
    ObjectNode body =
        Json.object()
            .put("clientId", registration.clientId())
            .put("clientSecret", registration.clientSecret())
            .put("startUrl", session.startUrl());
    return call("deviceAuthorization.startDeviceAuthorization", body, session.region());
  }

  static Authorization authorization(JsonNode data, Instant now, Duration defaultInterval) {
    String tool = "deviceAuthorization.startDeviceAuthorization";
    long expiresIn = number(data, "expiresIn", tool);
    Duration life = Duration.ofSeconds(Math.max(0, expiresIn));
    if (life.compareTo(MAX_DEVICE_CODE_LIFE) > 0) life = MAX_DEVICE_CODE_LIFE;
    Duration interval = defaultInterval;
    if (data.path("interval").isIntegralNumber() && data.path("interval").longValue() > 0) {
      interval =
          Duration.ofSeconds(Math.min(data.path("interval").longValue(), MAX_INTERVAL.toSeconds()));
    }
    DeviceCode shown =
        new DeviceCode(
            text(data, "userCode", tool),
            text(data, "verificationUri", tool),
            Json.text(data, "verificationUriComplete"),
            now.plus(life),
            interval);
    return new Authorization(shown, text(data, "deviceCode", tool));
  }

  ToolResult createToken(
      ClientRegistration registration,
      String grantType,
      String field,
      String value,
      String region) {
    ObjectNode body =
        Json.object()
            .put("clientId", registration.clientId())
            .put("clientSecret", registration.clientSecret())
            .put("grantType", grantType)
            .put(field, value);
    return call("token.createToken", body, region);
  }

  /** The token a successful createToken answered, bound to the session and the registration. */
  static SsoToken token(
      JsonNode data,
      SsoSession session,
      ClientRegistration registration,
      Instant now,
      String previousRefreshToken) {
    long expiresIn = number(data, "expiresIn", "token.createToken");
    if (now.plusSeconds(expiresIn).getEpochSecond() > MAX_SECONDS)
      throw unexpected("token.createToken", "expiresIn");
    String refreshToken = Json.text(data, "refreshToken");
    return new SsoToken(
        session.startUrl(),
        session.region(),
        text(data, "accessToken", "token.createToken"),
        now.plusSeconds(expiresIn),
        registration.clientId(),
        registration.clientSecret(),
        registration.expiresAt(),
        refreshToken != null ? refreshToken : previousRefreshToken);
  }

  /** The AWS exception shape of a failed call ({@code AuthorizationPendingException}), or null. */
  static String errorType(ToolResult result) {
    if (result.ok() || result.error().details() == null) return null;
    return Json.text(result.error().details(), "type");
  }

  static JsonNode require(ToolResult result) {
    if (!result.ok()) throw new LoginFailure(result.error());
    return result.data();
  }

  private ToolResult call(String tool, ObjectNode body, String region) {
    ObjectNode args = Json.object();
    args.set("body", body);
    args.putObject("server").putObject("variables").put("region", region);
    return registry.call(tool, args);
  }

  private static String text(JsonNode data, String field, String tool) {
    String value = Json.text(data, field);
    if (value == null || value.isEmpty()) throw unexpected(tool, field);
    return value;
  }

  /** A whole number of seconds (a duration or a Unix time) between 0 and the year 9999. */
  private static long number(JsonNode data, String field, String tool) {
    JsonNode value = data.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) throw unexpected(tool, field);
    long seconds = value.longValue();
    if (seconds < 0 || seconds > MAX_SECONDS) throw unexpected(tool, field);
    return seconds;
  }

  private static LoginFailure unexpected(String tool, String field) {
    return new LoginFailure(
        new ToolError(
            ErrorCode.UPSTREAM_HTTP_ERROR,
            tool + " answered without a usable " + field,
            null,
            null,
            false));
  }
}

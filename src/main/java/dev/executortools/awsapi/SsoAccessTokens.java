package dev.executortools.awsapi;

import dev.executortools.home.PrivateFiles;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SSO access token of a profile as the AWS SDK for Java v2's {@code SsoOidcTokenProvider} uses
 * it: read from {@code ~/.aws/sso/cache/<sha1 of the session name, else of the start URL>.json}
 * (where {@code sso login} and {@code aws sso login} put it); within five minutes of its expiry
 * (the provider's prefetch time) refreshed with SSO-OIDC {@code CreateToken} ({@code grantType
 * refresh_token}, with the refresh token and client registration the file holds) and written back
 * in place, the file's other fields kept but the refresh token, which stays only when the answer
 * has a new one (as the SDK and botocore write it; {@code AwsCredentialRenewalTest}); a token that
 * cannot be refreshed is used while it has a minute left (the provider's stale time).
 */
final class SsoAccessTokens {
  static final Duration PREFETCH = Duration.ofMinutes(5);
  static final Duration STALE = Duration.ofMinutes(1);
  private static final long MAX_BYTES = 64 * 1024;
  private static final MediaType JSON = MediaType.get("application/json");

  private SsoAccessTokens() {}

  /**
   * @param key the session name, else the start URL (the cache file's name is its SHA-1)
   * @param ssoRegion where the token is refreshed when the file names no region
   */
  static String accessToken(
      String key,
      String ssoRegion,
      String profileName,
      Map<String, String> env,
      OkHttpClient http,
      Instant now)
      throws AwsCredentialsException {
    Path file = cacheFile(env, key);
    String signIn = "sign in with `sso login --profile " + profileName + "`";
    if (!Files.isRegularFile(file)) {
      throw new AwsCredentialsException(
          "profile " + profileName + " has no SSO sign-in: " + signIn);
    }
    ObjectNode cached;
    try {
      if (Files.size(file) > MAX_BYTES) throw new IOException("too large");
      cached = (ObjectNode) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new AwsCredentialsException(
          "the SSO token cache " + file + " is unreadable: " + signIn);
    }
    String token = cached.path("accessToken").asString(null);
    Instant expires = instant(cached.path("expiresAt").asString(null));
    if (token != null && expires != null && expires.isAfter(now.plus(PREFETCH))) return token;
    if (refreshable(cached, now)) {
      String region = cached.path("region").asString(ssoRegion);
      ObjectNode refreshed = refresh(cached, region, env, http, now);
      if (refreshed != null) {
        write(file, refreshed);
        return refreshed.path("accessToken").asString();
      }
    }
    if (token != null && expires != null && expires.isAfter(now.plus(STALE))) return token;
    throw new AwsCredentialsException(
        "the SSO sign-in of profile " + profileName + " has expired: " + signIn);
  }

  static Path cacheFile(Map<String, String> env, String key) {
    return AwsProfiles.home(env)
        .resolve(".aws/sso/cache")
        .resolve(SsoRoleCredentials.sha1(key) + ".json");
  }

  private static boolean refreshable(JsonNode cached, Instant now) {
    for (String field : new String[] {"refreshToken", "clientId", "clientSecret"}) {
      if (cached.path(field).asString("").isEmpty()) return false;
    }
    Instant registration = instant(cached.path("registrationExpiresAt").asString(null));
    return registration == null || registration.isAfter(now);
  }

  /** The cache file's JSON with the new token, or null when the service refused or failed. */
  private static ObjectNode refresh(
      ObjectNode cached, String region, Map<String, String> env, OkHttpClient http, Instant now) {
    HttpUrl url =
        HttpUrl.parse(AwsEndpoints.endpoint(env, "SSO_OIDC", "oidc." + region, region) + "/token");
    if (url == null) return null;
    ObjectNode body =
        Json.object()
            .put("clientId", cached.path("clientId").asString())
            .put("clientSecret", cached.path("clientSecret").asString())
            .put("grantType", "refresh_token")
            .put("refreshToken", cached.path("refreshToken").asString());
    Request request =
        new Request.Builder().url(url).post(RequestBody.create(Json.write(body), JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      okio.BufferedSource source = response.body().source();
      if (!response.isSuccessful() || source.request(MAX_BYTES + 1)) return null;
      JsonNode answer = Json.parse(source.readUtf8());
      String token = answer.path("accessToken").asString(null);
      JsonNode expiresIn = answer.path("expiresIn");
      if (token == null || token.isEmpty() || !expiresIn.isIntegralNumber()) return null;
      ObjectNode updated = cached.deepCopy();
      updated.put("accessToken", token);
      updated.put("expiresAt", format(now.plusSeconds(expiresIn.asLong())));
      String refreshToken = answer.path("refreshToken").asString(null);
      if (refreshToken != null && !refreshToken.isEmpty()) {
        updated.put("refreshToken", refreshToken);
      } else {
        updated.remove("refreshToken"); // as the SDK and botocore write it: only what was answered
      }
      return updated;
    } catch (IOException | RuntimeException e) {
      return null; // the cached token may still serve; otherwise the caller asks for sso login
    }
  }

  private static void write(Path file, ObjectNode json) throws AwsCredentialsException {
    try {
      PrivateFiles.writeAtomically(
          file, out -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, json));
    } catch (StoreException e) {
      throw new AwsCredentialsException(
          "cannot write the refreshed SSO token to " + file + ": " + e.getMessage());
    }
  }

  /** As the AWS CLI writes it: {@code 2026-01-01T00:00:00Z}. */
  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The forms AWS CLIs wrote: {@code Z}, {@code +00:00} or {@code UTC}; null when none. */
  static Instant instant(String text) {
    if (text == null) return null;
    String value = text.strip();
    if (value.endsWith("UTC")) value = value.substring(0, value.length() - 3) + "Z";
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

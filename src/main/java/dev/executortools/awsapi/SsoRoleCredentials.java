package dev.executortools.awsapi;

import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import software.amazon.awssdk.profiles.Profile;
import tools.jackson.databind.JsonNode;

/**
 * Role credentials of an SSO profile, as the SDKs get them: the access token {@code sso login} (or
 * {@code aws sso login}) cached ({@link SsoAccessTokens}, refreshed when it expires), sent to the
 * portal's {@code GetRoleCredentials} ({@code GET /federation/credentials}) for {@code
 * sso_account_id} and {@code sso_role_name}.
 */
final class SsoRoleCredentials {
  private static final long MAX_ANSWER_BYTES = 64 * 1024;

  private SsoRoleCredentials() {}

  static AwsCredentials fetch(
      String profileName,
      Profile profile,
      AwsProfiles files,
      Map<String, String> env,
      OkHttpClient http,
      Instant now)
      throws AwsCredentialsException {
    String where = "profile " + profileName;
    Optional<String> sessionName = profile.property("sso_session");
    String startUrl;
    String region;
    if (sessionName.isPresent()) {
      Profile session =
          files
              .ssoSession(sessionName.get())
              .orElseThrow(
                  () ->
                      new AwsCredentialsException(
                          where
                              + " names sso_session "
                              + sessionName.get()
                              + ", not in "
                              + files.where()));
      startUrl = required(session, "sso_start_url", "[sso-session " + sessionName.get() + "]");
      region = required(session, "sso_region", "[sso-session " + sessionName.get() + "]");
    } else {
      startUrl = required(profile, "sso_start_url", where);
      region = required(profile, "sso_region", where);
    }
    String account = required(profile, "sso_account_id", where);
    String role = required(profile, "sso_role_name", where);
    String token =
        SsoAccessTokens.accessToken(
            sessionName.orElse(startUrl), region, profileName, env, http, now);
    String endpoint = AwsEndpoints.endpoint(env, "SSO", "portal.sso." + region, region);
    HttpUrl url = HttpUrl.parse(endpoint + "/federation/credentials");
    if (url == null) throw new AwsCredentialsException("the SSO portal endpoint is not a URL");
    Request request =
        new Request.Builder()
            .url(
                url.newBuilder()
                    .addQueryParameter("account_id", account)
                    .addQueryParameter("role_name", role)
                    .build())
            .header("x-amz-sso_bearer_token", token)
            .get()
            .build();
    JsonNode answer = call(http, request, profileName);
    JsonNode credentials = answer.path("roleCredentials");
    String key = credentials.path("accessKeyId").asString(null);
    String secret = credentials.path("secretAccessKey").asString(null);
    if (key == null || secret == null) {
      throw new AwsCredentialsException("the SSO portal answered no role credentials for " + where);
    }
    JsonNode expiration = credentials.path("expiration");
    return new AwsCredentials(
        key,
        secret,
        credentials.path("sessionToken").asString(null),
        expiration.isNumber() ? Instant.ofEpochMilli(expiration.asLong()) : null,
        where + " (sso, account " + account + ", role " + role + ")");
  }

  private static JsonNode call(OkHttpClient http, Request request, String profileName)
      throws AwsCredentialsException {
    try (Response response = http.newCall(request).execute()) {
      okio.BufferedSource body = response.body().source();
      if (body.request(MAX_ANSWER_BYTES + 1)) {
        throw new AwsCredentialsException("the SSO portal's answer is larger than 64 KiB");
      }
      String text = body.readUtf8();
      if (!response.isSuccessful()) {
        String type = AwsErrorType.of(response.header("x-amzn-ErrorType"), text);
        throw new AwsCredentialsException(
            "the SSO portal refused the role credentials of profile "
                + profileName
                + " (HTTP "
                + response.code()
                + (type == null ? "" : ", " + type)
                + ")"
                + (response.code() == 401 || response.code() == 403
                    ? ": sign in again with `sso login --profile " + profileName + "`"
                    : ""));
      }
      return Json.parse(text);
    } catch (IOException e) {
      throw new AwsCredentialsException("cannot reach the SSO portal: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new AwsCredentialsException("the SSO portal's answer is not JSON");
    }
  }

  private static String required(Profile section, String property, String where)
      throws AwsCredentialsException {
    Optional<String> value = section.property(property);
    if (value.isEmpty() || value.get().isBlank()) {
      throw new AwsCredentialsException(where + " has no " + property);
    }
    return value.get();
  }

  static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

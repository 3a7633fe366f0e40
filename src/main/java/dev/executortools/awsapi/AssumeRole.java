package dev.executortools.awsapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.w3c.dom.Document;
import software.amazon.awssdk.profiles.Profile;

/**
 * Credentials of a role from STS (query protocol) at the regional endpoint of the profile's {@code
 * region} (else {@code AWS_REGION}, else {@code us-east-1}): {@code AssumeRole}, signed with the
 * source credentials ({@code source_profile} or {@code credential_source}), and {@code
 * AssumeRoleWithWebIdentity}, unsigned, with the token of a file ({@code web_identity_token_file},
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE}). {@code role_session_name}, {@code external_id} and {@code
 * duration_seconds} go along when the profile sets them.
 */
final class AssumeRole {
  private static final long MAX_ANSWER_BYTES = 64 * 1024;

  private AssumeRole() {}

  static AwsCredentials fetch(
      String profileName,
      Profile profile,
      AwsCredentials source,
      Map<String, String> env,
      OkHttpClient http,
      Instant now)
      throws AwsCredentialsException {
    String roleArn = profile.property("role_arn").orElseThrow();
    FormBody.Builder form = form("AssumeRole", roleArn, profile.property("role_session_name"), now);
    profile.property("external_id").ifPresent(id -> form.add("ExternalId", id));
    profile.property("duration_seconds").ifPresent(s -> form.add("DurationSeconds", s));
    return call(
        form.build(),
        region(profile.property("region"), env),
        source,
        env,
        http,
        now,
        "AssumeRole of " + roleArn + " for profile " + profileName,
        "profile " + profileName + " (role " + roleArn + " from " + source.source() + ")");
  }

  /**
   * {@code AssumeRoleWithWebIdentity} of {@code roleArn} with the token in {@code tokenFile}.
   *
   * @param where what the credentials are called ({@code environment
   *     (AWS_WEB_IDENTITY_TOKEN_FILE)})
   */
  static AwsCredentials withWebIdentity(
      String roleArn,
      String tokenFile,
      Optional<String> sessionName,
      Optional<String> profileRegion,
      Map<String, String> env,
      OkHttpClient http,
      Instant now,
      String where)
      throws AwsCredentialsException {
    String token;
    try {
      Path file = Path.of(tokenFile);
      if (Files.size(file) > MAX_ANSWER_BYTES) throw new IOException("too large");
      token = Files.readString(file, StandardCharsets.UTF_8); // as is, as the SDK sends it
    } catch (IOException | RuntimeException e) {
      throw new AwsCredentialsException(
          "the web identity token file " + tokenFile + " of " + where + " cannot be read");
    }
    FormBody body =
        form("AssumeRoleWithWebIdentity", roleArn, sessionName, now)
            .add("WebIdentityToken", token)
            .build();
    return call(
        body,
        region(profileRegion, env),
        null,
        env,
        http,
        now,
        "AssumeRoleWithWebIdentity of " + roleArn,
        where + " (role " + roleArn + ", web identity)");
  }

  private static FormBody.Builder form(
      String action, String roleArn, Optional<String> sessionName, Instant now) {
    return new FormBody.Builder()
        .add("Action", action)
        .add("Version", "2011-06-15")
        .add("RoleArn", roleArn)
        .add(
            "RoleSessionName",
            sessionName.filter(s -> !s.isBlank()).orElse("executor-tools-" + now.toEpochMilli()));
  }

  private static String region(Optional<String> profileRegion, Map<String, String> env) {
    return profileRegion.orElseGet(
        () -> env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")));
  }

  /**
   * @param signWith null for an unsigned call
   * @param what the call, for messages ({@code AssumeRole of arn:... for profile dev})
   */
  private static AwsCredentials call(
      FormBody form,
      String region,
      AwsCredentials signWith,
      Map<String, String> env,
      OkHttpClient http,
      Instant now,
      String what,
      String source)
      throws AwsCredentialsException {
    HttpUrl url = HttpUrl.parse(AwsEndpoints.endpoint(env, "STS", "sts." + region, region) + "/");
    if (url == null) throw new AwsCredentialsException("the STS endpoint is not a URL");
    Document answer;
    try {
      Request request = new Request.Builder().url(url).post(form).build();
      if (signWith != null) {
        request = SignedRequests.sign(request, new SigV4Signer.Scope(region, "sts"), signWith, now);
      }
      try (Response response = http.newCall(request).execute()) {
        okio.BufferedSource body = response.body().source();
        if (body.request(MAX_ANSWER_BYTES + 1)) {
          throw new AwsCredentialsException("STS's answer is larger than 64 KiB");
        }
        byte[] bytes = body.readByteArray();
        if (!response.isSuccessful()) {
          String type = AwsErrorType.of(null, new String(bytes, StandardCharsets.UTF_8));
          throw new AwsCredentialsException(
              "STS refused "
                  + what
                  + " (HTTP "
                  + response.code()
                  + (type == null ? "" : ", " + type)
                  + ")");
        }
        answer = AwsXml.parse(bytes);
      }
    } catch (IOException e) {
      throw new AwsCredentialsException("cannot reach STS: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new AwsCredentialsException("STS's answer to " + what + " is not XML");
    }
    String key = AwsXml.text(answer, "AccessKeyId");
    String secret = AwsXml.text(answer, "SecretAccessKey");
    if (key == null || secret == null) {
      throw new AwsCredentialsException("STS answered " + what + " with no credentials");
    }
    String expiration = AwsXml.text(answer, "Expiration");
    return new AwsCredentials(
        key,
        secret,
        AwsXml.text(answer, "SessionToken"),
        expiration == null ? null : OffsetDateTime.parse(expiration).toInstant(),
        source);
  }
}

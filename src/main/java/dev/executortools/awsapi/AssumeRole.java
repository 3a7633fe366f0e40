package dev.executortools.awsapi;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.w3c.dom.Document;
import software.amazon.awssdk.profiles.Profile;

/**
 * {@code role_arn} with {@code source_profile}: STS {@code AssumeRole} (query protocol, signed with
 * the source profile's credentials) at the regional endpoint of the profile's {@code region} (else
 * {@code AWS_REGION}, else {@code us-east-1}), with {@code role_session_name}, {@code external_id}
 * and {@code duration_seconds} when the profile sets them.
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
    String region =
        profile
            .property("region")
            .orElseGet(
                () ->
                    env.getOrDefault(
                        "AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")));
    String roleArn = profile.property("role_arn").orElseThrow();
    FormBody.Builder form =
        new FormBody.Builder()
            .add("Action", "AssumeRole")
            .add("Version", "2011-06-15")
            .add("RoleArn", roleArn)
            .add(
                "RoleSessionName",
                profile
                    .property("role_session_name")
                    .orElse("executor-tools-" + now.toEpochMilli()));
    profile.property("external_id").ifPresent(id -> form.add("ExternalId", id));
    profile.property("duration_seconds").ifPresent(s -> form.add("DurationSeconds", s));
    HttpUrl url = HttpUrl.parse(AwsEndpoints.endpoint(env, "STS", "sts." + region, region) + "/");
    if (url == null) throw new AwsCredentialsException("the STS endpoint is not a URL");
    Document answer;
    try {
      Request request =
          SignedRequests.sign(
              new Request.Builder().url(url).post(form.build()).build(),
              new SigV4Signer.Scope(region, "sts"),
              source,
              now);
      try (Response response = http.newCall(request).execute()) {
        okio.BufferedSource body = response.body().source();
        if (body.request(MAX_ANSWER_BYTES + 1)) {
          throw new AwsCredentialsException("STS's answer is larger than 64 KiB");
        }
        byte[] bytes = body.readByteArray();
        if (!response.isSuccessful()) {
          String type =
              AwsErrorType.of(null, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          throw new AwsCredentialsException(
              "STS refused AssumeRole of "
                  + roleArn
                  + " for profile "
                  + profileName
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
      throw new AwsCredentialsException("STS's answer to AssumeRole is not XML");
    }
    String key = AwsXml.text(answer, "AccessKeyId");
    String secret = AwsXml.text(answer, "SecretAccessKey");
    if (key == null || secret == null) {
      throw new AwsCredentialsException("STS answered AssumeRole with no credentials");
    }
    String expiration = AwsXml.text(answer, "Expiration");
    return new AwsCredentials(
        key,
        secret,
        AwsXml.text(answer, "SessionToken"),
        expiration == null ? null : OffsetDateTime.parse(expiration).toInstant(),
        "profile " + profileName + " (role " + roleArn + " from " + source.source() + ")");
  }
}

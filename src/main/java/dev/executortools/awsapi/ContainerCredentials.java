package dev.executortools.awsapi;

import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/**
 * Container credentials, as the SDKs' {@code ContainerCredentialsProvider} gets them: {@code GET}
 * of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, else {@code http://169.254.170.2} + {@code
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}, with {@code Authorization} from {@code
 * AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} else {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}; answered
 * {@code {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}}. Plain http only to a loopback
 * host (the SDK also allows the ECS and EKS link-local addresses, which the network policy refuses
 * anyway). The request goes through the network policy's client: loopback only when the user allows
 * the private network, link-local (the ECS and EKS agents' addresses) never.
 */
final class ContainerCredentials {
  static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
  static final String RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
  private static final long MAX_ANSWER_BYTES = 64 * 1024;

  private ContainerCredentials() {}

  /** Whether the environment names a container credentials endpoint. */
  static boolean configured(Map<String, String> env) {
    return present(env, FULL_URI) || present(env, RELATIVE_URI);
  }

  static AwsCredentials fetch(Map<String, String> env, OkHttpClient guarded, String where)
      throws AwsCredentialsException {
    String variable = present(env, RELATIVE_URI) ? RELATIVE_URI : FULL_URI;
    HttpUrl url =
        variable.equals(RELATIVE_URI)
            ? HttpUrl.parse("http://169.254.170.2" + env.get(RELATIVE_URI).strip())
            : HttpUrl.parse(env.getOrDefault(FULL_URI, "").strip());
    if (url == null) throw new AwsCredentialsException(variable + " is not a URL");
    if (url.scheme().equals("http") && !loopback(url.host()) && variable.equals(FULL_URI)) {
      throw new AwsCredentialsException(
          FULL_URI + " over http must name a loopback host, as the AWS SDKs require");
    }
    Request.Builder request = new Request.Builder().url(url).get();
    String token = token(env);
    if (token != null) request.header("Authorization", token);
    try (Response response = guarded.newCall(request.build()).execute()) {
      okio.BufferedSource body = response.body().source();
      if (body.request(MAX_ANSWER_BYTES + 1)) {
        throw new AwsCredentialsException("the container credentials are larger than 64 KiB");
      }
      String text = body.readUtf8();
      if (!response.isSuccessful()) {
        throw new AwsCredentialsException(
            "the container credentials endpoint (" + variable + ") answered " + response.code());
      }
      return parse(Json.parse(text), where);
    } catch (IOException e) {
      throw new AwsCredentialsException(
          "the container credentials endpoint ("
              + variable
              + ") cannot be reached: "
              + e.getMessage());
    } catch (RuntimeException e) {
      throw new AwsCredentialsException("the container credentials are not JSON");
    }
  }

  private static AwsCredentials parse(JsonNode json, String where) throws AwsCredentialsException {
    String key = json.path("AccessKeyId").asString(null);
    String secret = json.path("SecretAccessKey").asString(null);
    if (key == null || secret == null) {
      throw new AwsCredentialsException("the container credentials hold no AccessKeyId");
    }
    String expiration = json.path("Expiration").asString(null);
    try {
      return new AwsCredentials(
          key,
          secret,
          json.path("Token").asString(null),
          expiration == null ? null : OffsetDateTime.parse(expiration).toInstant(),
          where);
    } catch (DateTimeParseException e) {
      throw new AwsCredentialsException("the container credentials' Expiration is no time");
    }
  }

  private static String token(Map<String, String> env) throws AwsCredentialsException {
    if (present(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
      String file = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE").strip();
      try {
        if (Files.size(Path.of(file)) > MAX_ANSWER_BYTES) throw new IOException("too large");
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        throw new AwsCredentialsException(
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + file + " cannot be read");
      }
    }
    return present(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN")
        ? env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN").strip()
        : null;
  }

  private static boolean loopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  private static boolean present(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value != null && !value.isBlank();
  }
}

package dev.executortools.awsapi;

import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * {@code credential_process}: the command runs through the shell ({@code sh -c}, {@code cmd /C} on
 * Windows) as the SDKs run it, and its standard output, at most 64 KiB, is {@code {"Version": 1,
 * "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}}. Its standard error goes to
 * ours; it has a minute.
 */
final class ProcessCredentials {
  private static final int MAX_OUTPUT = 64 * 1024;

  private ProcessCredentials() {}

  static AwsCredentials run(String command, String profileName) throws AwsCredentialsException {
    String where = "the credential_process of profile " + profileName;
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    List<String> argv = windows ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
    byte[] output;
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      process.getOutputStream().close();
      try (InputStream out = process.getInputStream()) {
        output = out.readNBytes(MAX_OUTPUT + 1);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AwsCredentialsException(where + " did not end within a minute");
      }
      if (process.exitValue() != 0) {
        throw new AwsCredentialsException(where + " exited with " + process.exitValue());
      }
    } catch (IOException e) {
      throw new AwsCredentialsException(where + " cannot run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCredentialsException(where + " was interrupted");
    }
    if (output.length > MAX_OUTPUT)
      throw new AwsCredentialsException(where + " printed over 64 KiB");
    JsonNode json;
    try {
      json = Json.parse(new String(output, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new AwsCredentialsException(where + " printed no JSON");
    }
    if (json.path("Version").asInt(0) != 1) {
      throw new AwsCredentialsException(where + " printed no \"Version\": 1");
    }
    String key = json.path("AccessKeyId").asString(null);
    String secret = json.path("SecretAccessKey").asString(null);
    if (key == null || secret == null) {
      throw new AwsCredentialsException(where + " printed no AccessKeyId and SecretAccessKey");
    }
    Instant expiration = null;
    String expires = json.path("Expiration").asString(null);
    if (expires != null) {
      try {
        expiration = OffsetDateTime.parse(expires).toInstant();
      } catch (DateTimeParseException e) {
        throw new AwsCredentialsException(
            where + " printed an Expiration that is no ISO 8601 time");
      }
    }
    return new AwsCredentials(
        key,
        secret,
        json.path("SessionToken").asString(null),
        expiration,
        "profile " + profileName + " (credential_process)");
  }
}

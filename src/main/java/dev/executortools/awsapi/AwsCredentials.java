package dev.executortools.awsapi;

import java.time.Instant;
import java.util.Objects;

/**
 * AWS credentials: an access key, its secret and, for temporary credentials, a session token and
 * when they expire. Secrets: {@link #toString()} names where they came from, never a value.
 *
 * @param sessionToken null for long-term keys
 * @param expiration null when they do not expire
 * @param source where they came from ({@code environment}, {@code profile dev (sso)}, ...)
 */
public record AwsCredentials(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    Instant expiration,
    String source) {

  public AwsCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(source, "source");
  }

  /** Whether they expire within {@code margin} of {@code now} (never for long-term keys). */
  public boolean expiresBefore(Instant instant) {
    return expiration != null && !expiration.isAfter(instant);
  }

  @Override
  public String toString() {
    return "AwsCredentials[from " + source + (sessionToken == null ? "" : ", temporary") + "]";
  }
}

package dev.executortools;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the HTTP calls of one registry. Immutable; derive changed copies with the {@code with}
 * methods.
 *
 * @param connectTimeout time to open a connection (TCP and TLS)
 * @param readTimeout longest silence while reading a response (also used for writing the request)
 * @param callTimeout the whole call, retries and their waits included; zero means none
 * @param maxResponseBytes the largest response body read; a larger one is never buffered
 * @param maxRetries extra attempts of an idempotent request answered 429, 502, 503 or 504
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is not waited for
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    long maxResponseBytes,
    int maxRetries,
    Duration maxRetryAfter) {

  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  public HttpSettings {
    requireNonNegative(connectTimeout, "connectTimeout");
    requireNonNegative(readTimeout, "readTimeout");
    requireNonNegative(callTimeout, "callTimeout");
    requireNonNegative(maxRetryAfter, "maxRetryAfter");
    if (maxResponseBytes <= 0 || maxResponseBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be in 1..2^31-9: " + maxResponseBytes);
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be in 0..10: " + maxRetries);
    }
  }

  /** Connect 10 s, read 30 s, call 60 s, 1 MiB bodies, 2 retries, Retry-After up to 10 s. */
  public static HttpSettings defaults() {
    return new HttpSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        DEFAULT_MAX_RESPONSE_BYTES,
        2,
        Duration.ofSeconds(10));
  }

  public HttpSettings withConnectTimeout(Duration value) {
    return new HttpSettings(
        value, readTimeout, callTimeout, maxResponseBytes, maxRetries, maxRetryAfter);
  }

  public HttpSettings withReadTimeout(Duration value) {
    return new HttpSettings(
        connectTimeout, value, callTimeout, maxResponseBytes, maxRetries, maxRetryAfter);
  }

  public HttpSettings withCallTimeout(Duration value) {
    return new HttpSettings(
        connectTimeout, readTimeout, value, maxResponseBytes, maxRetries, maxRetryAfter);
  }

  public HttpSettings withMaxResponseBytes(long value) {
    return new HttpSettings(
        connectTimeout, readTimeout, callTimeout, value, maxRetries, maxRetryAfter);
  }

  public HttpSettings withMaxRetries(int value) {
    return new HttpSettings(
        connectTimeout, readTimeout, callTimeout, maxResponseBytes, value, maxRetryAfter);
  }

  public HttpSettings withMaxRetryAfter(Duration value) {
    return new HttpSettings(
        connectTimeout, readTimeout, callTimeout, maxResponseBytes, maxRetries, value);
  }

  private static void requireNonNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) throw new IllegalArgumentException(name + " must not be negative");
  }
}

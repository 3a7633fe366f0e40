package dev.executortools.invoke;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) answered 429, 502, 503 or
 * 504, at most {@code maxRetries} times. The wait is the reply's {@code Retry-After} when it has
 * one, else 200 ms doubled per attempt. A {@code Retry-After} longer than {@code maxRetryAfter} is
 * not shortened: the reply is returned as is, since asking again sooner than the server allows
 * would only earn another refusal. POST and PATCH are never retried here.
 */
final class RetryInterceptor implements Interceptor {
  static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
  static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);
  private static final Duration BASE_BACKOFF = Duration.ofMillis(200);

  private final int maxRetries;
  private final Duration maxRetryAfter;
  private final Clock clock;

  RetryInterceptor(int maxRetries, Duration maxRetryAfter, Clock clock) {
    this.maxRetries = maxRetries;
    this.maxRetryAfter = maxRetryAfter;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (!IDEMPOTENT_METHODS.contains(request.method())) return response;
    for (int attempt = 0; attempt < maxRetries; attempt++) {
      if (!RETRY_STATUSES.contains(response.code())) break;
      Duration wait = waitBefore(response, attempt);
      if (wait == null) break;
      response.close();
      sleep(wait);
      if (chain.call().isCanceled()) throw new IOException("Canceled");
      response = chain.proceed(request);
    }
    return response;
  }

  private Duration waitBefore(Response response, int attempt) {
    Duration asked = RetryAfter.parse(response.header("Retry-After"), clock.instant());
    if (asked == null) return BASE_BACKOFF.multipliedBy(1L << attempt);
    return asked.compareTo(maxRetryAfter) <= 0 ? asked : null;
  }

  private static void sleep(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}

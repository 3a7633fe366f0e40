package dev.executortools.invoke;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.net.BlockedAddressException;
import dev.executortools.net.NetworkPolicy;
import dev.executortools.net.RedirectGuardInterceptor.RefusedRedirectException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * A call that got no (complete) HTTP reply → {@code timeout} or {@code network_error}.
 *
 * <p>{@code network_error} is retryable: refused connections, unknown hosts and failed TLS
 * handshakes happen before the request is sent. A {@code timeout} is retryable only for idempotent
 * methods, since a POST that timed out may have taken effect.
 */
public final class NetworkFailures {

  private NetworkFailures() {}

  /**
   * The error of a request that got no (complete) reply.
   *
   * @param url the URL as the message should show it (credentials already masked)
   */
  public static ToolError toError(IOException e, String method, String url) {
    String request = method + " " + url;
    String origin = origin(url);
    BlockedAddressException blocked = NetworkPolicy.blocked(e);
    if (blocked != null) {
      return new ToolError(
          ErrorCode.BLOCKED_ADDRESS,
          request + " was not sent: " + blocked.getMessage(),
          null,
          null,
          false);
    }
    if (e instanceof RefusedRedirectException) {
      return new ToolError(
          ErrorCode.NETWORK_ERROR, request + " failed: " + e.getMessage(), null, null, false);
    }
    if (e instanceof InterruptedIOException interrupted) {
      return new ToolError(
          ErrorCode.TIMEOUT,
          request + " timed out (" + timeoutKind(interrupted) + ")",
          null,
          null,
          RetryInterceptor.IDEMPOTENT_METHODS.contains(method));
    }
    String message;
    if (e instanceof UnknownHostException) {
      message = "Could not resolve the host of " + request;
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      message = "Could not connect to " + origin + " for " + request + ": " + reason(e);
    } else if (e instanceof SSLException) {
      message = "TLS with " + origin + " failed for " + request + ": " + reason(e);
    } else {
      message = request + " failed: " + reason(e);
    }
    return new ToolError(ErrorCode.NETWORK_ERROR, message, null, null, true);
  }

  private static String timeoutKind(InterruptedIOException e) {
    if (!(e instanceof SocketTimeoutException)) return "call timeout";
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return text.contains("connect") ? "connect timeout" : "read timeout";
  }

  private static String origin(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed == null ? "the server" : parsed.host() + ":" + parsed.port();
  }

  /** The exception's class and message, and its cause's when the message alone says little. */
  private static String reason(Throwable e) {
    String text = e.getClass().getSimpleName();
    if (e.getMessage() != null) text += ": " + e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause != e && cause.getMessage() != null) {
      text += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
    return text;
  }
}

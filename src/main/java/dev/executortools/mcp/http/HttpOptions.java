package dev.executortools.mcp.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * How {@code mcp --http} serves: the address it binds, the bearer token every request must carry
 * (null: none, allowed on loopback only), the browser origins it accepts besides loopback ones, and
 * the bounds that keep clients from exhausting memory.
 *
 * @param maxSessions sessions open at once; an {@code initialize} past it is refused (503)
 * @param sessionIdle a session without requests and without an open stream this long is ended
 * @param maxMessageBytes the largest request body (one JSON-RPC message); larger ones get 413
 */
public record HttpOptions(
    InetSocketAddress address,
    String token,
    List<String> allowedOrigins,
    int maxSessions,
    Duration sessionIdle,
    int maxMessageBytes) {
  /** Loopback, unless a host is given. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** A 64 MiB spec passed inline to addSource, JSON-escaped, plus the envelope. */
  public static final int MAX_MESSAGE_BYTES = 96 << 20;

  /** Shorter tokens are refused: they can be guessed. */
  public static final int MIN_TOKEN_LENGTH = 16;

  public HttpOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
    if (token != null
        && (token.length() < MIN_TOKEN_LENGTH
            || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      throw new IllegalArgumentException(
          "the bearer token must be at least "
              + MIN_TOKEN_LENGTH
              + " visible ASCII characters without spaces (e.g. the output of: openssl rand -hex 32)");
    }
    if (address.getAddress() != null
        && !address.getAddress().isLoopbackAddress()
        && token == null) {
      throw new IllegalArgumentException(
          "--http "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " is not a loopback address: set a bearer token first (--http-token-file FILE or"
              + " EXECUTOR_TOOLS_MCP_TOKEN), and serve it behind TLS");
    }
    if (maxSessions < 1)
      throw new IllegalArgumentException("--http-max-sessions must be at least 1");
    if (sessionIdle.isNegative() || sessionIdle.isZero()) {
      throw new IllegalArgumentException("--http-session-idle must be at least 1 second");
    }
  }

  /** Whether requests must carry {@code Authorization: Bearer <token>}. */
  public boolean requiresToken() {
    return token != null;
  }

  /**
   * {@code [HOST:]PORT} as given to {@code --http}: {@code 8080}, {@code 0.0.0.0:8080}, {@code
   * localhost:8080}, {@code [::1]:8080}. Port 0 picks a free port.
   *
   * @throws IllegalArgumentException with a message for people
   */
  public static InetSocketAddress address(String text) {
    String host = DEFAULT_HOST;
    String port = text.strip();
    int colon = port.lastIndexOf(':');
    if (colon >= 0) {
      host = port.substring(0, colon);
      port = port.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
      if (host.isEmpty())
        throw new IllegalArgumentException("--http '" + text + "': give a host before ':' or none");
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 0 || number > 65_535) {
      throw new IllegalArgumentException(
          "--http '" + text + "': expected [HOST:]PORT with a port from 0 to 65535");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), number);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--http '" + text + "': unknown host '" + host + "'");
    }
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "HttpOptions["
        + address
        + ", token "
        + (token == null ? "none" : "set")
        + ", origins "
        + allowedOrigins
        + ", maxSessions "
        + maxSessions
        + ", sessionIdle "
        + sessionIdle
        + ", maxMessageBytes "
        + maxMessageBytes
        + "]";
  }
}

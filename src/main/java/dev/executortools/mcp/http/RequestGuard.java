package dev.executortools.mcp.http;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may talk to the server: a request must carry the bearer token when one is set (compared in
 * constant time, as digests, so neither its content nor its length leaks through timing), and a
 * browser's {@code Origin}, when sent, must be a loopback one or one the user allowed: a page on
 * another site cannot drive a local server through DNS rebinding.
 */
final class RequestGuard {
  private static final String BEARER = "bearer ";

  /** The token's SHA-256, or null when requests need none. */
  private final byte[] token;

  private final Set<String> origins;

  RequestGuard(String token, List<String> allowedOrigins) {
    this.token = token == null ? null : sha256(token);
    this.origins =
        allowedOrigins.stream()
            .map(RequestGuard::normalize)
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether {@code authorization} (the header, or null) carries the token; always true without one.
   */
  boolean authorized(String authorization) {
    if (token == null) return true;
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return MessageDigest.isEqual(token, sha256(authorization.substring(BEARER.length()).strip()));
  }

  /**
   * Whether a request with this {@code Origin} header (null: none, as from non-browser clients) may
   * go on.
   */
  boolean originAllowed(String origin) {
    if (origin == null) return true;
    String normalized = normalize(origin);
    if (origins.contains(normalized)) return true;
    try {
      URI uri = new URI(normalized);
      String scheme = uri.getScheme();
      return ("http".equals(scheme) || "https".equals(scheme)) && loopback(uri.getHost());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** {@code localhost} or a loopback IP literal (no name is looked up). */
  private static boolean loopback(String host) {
    if (host == null) return false;
    if (host.equals("localhost")) return true;
    String literal =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) return false;
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static String normalize(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.executortools.oauth;

import dev.executortools.internal.HttpParsers;
import dev.executortools.oauth.OAuthException.Kind;
import java.net.URI;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint of an authorization server, checked before anything goes to it: an absolute https
 * URL (plain http only on loopback) without user info. Messages name it by {@link #where()}.
 */
record Endpoint(String role, HttpUrl url) {
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  static Endpoint of(String role, @Nullable String url) throws OAuthException {
    if (url == null || url.isBlank()) {
      throw new OAuthException(Kind.PROTOCOL, "no " + role + " is configured");
    }
    HttpUrl parsed = HttpParsers.url(url);
    if (parsed == null) {
      throw new OAuthException(Kind.PROTOCOL, "the " + role + " is not an absolute http(s) URL");
    }
    Endpoint endpoint = new Endpoint(role, parsed);
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new OAuthException(
          Kind.REFUSED,
          "the " + role + " at " + endpoint.origin() + " carries user info; not used");
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new OAuthException(
          Kind.REFUSED, "the " + endpoint.where() + " is not https (plain http only on loopback)");
    }
    return endpoint;
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
  }

  /** {@code scheme://host[:port]}. */
  String origin() {
    return HttpParsers.origin(url);
  }

  boolean sameOrigin(Endpoint other) {
    return origin().equals(other.origin());
  }

  /**
   * The role, origin and path, without the query: {@code token endpoint https://a.example/token}.
   */
  String where() {
    return role + " " + origin() + url.encodedPath();
  }

  URI uri() {
    return url.uri();
  }
}

package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.executortools.internal.HttpParsers;
import dev.executortools.oauth.OAuthException.Kind;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * An authorization server's endpoints from its metadata: OpenID Connect Discovery ({@code
 * .../.well-known/openid-configuration}, OpenAPI's {@code openIdConnectUrl}) or RFC 8414 ({@code
 * /.well-known/oauth-authorization-server}). The metadata must name the issuer it was fetched for
 * (RFC 8414 §3.3, OIDC Discovery §4.3), and every endpoint it gives must be on the issuer's origin
 * or on one the caller allows; otherwise it is refused, so a server cannot send the client or its
 * secret anywhere else.
 */
public final class Discovery {
  static final String OIDC = "/.well-known/openid-configuration";
  static final String RFC_8414 = "/.well-known/oauth-authorization-server";

  private final OAuthHttp http;

  public Discovery(OkHttpClient client) {
    this.http = new OAuthHttp(Objects.requireNonNull(client, "client"));
  }

  /** {@link #discover(String, Set)} with endpoints on the issuer's origin only. */
  public OAuthEndpoints discover(String url) throws OAuthException {
    return discover(url, Set.of());
  }

  /**
   * The endpoints of the server that {@code url} names: a metadata URL of either form, or an issuer
   * (RFC 8414's URL tried first, then OpenID Connect's). {@code allowedOrigins} ({@code
   * https://host[:port]}) may hold endpoints besides the issuer's origin.
   */
  public OAuthEndpoints discover(String url, Set<String> allowedOrigins) throws OAuthException {
    Endpoint given = Endpoint.of("authorization server", url);
    String issuer = issuerOf(given.url());
    List<String> tried = new ArrayList<>();
    for (String candidate : candidates(given.url(), issuer)) {
      Endpoint metadata = Endpoint.of("metadata endpoint", candidate);
      HTTPResponse answer = http.get(metadata);
      if (answer.indicatesSuccess()) {
        return endpoints(metadata, parse(metadata, answer), issuer, origins(allowedOrigins));
      }
      tried.add(
          metadata.origin()
              + metadata.url().encodedPath()
              + " (HTTP "
              + answer.getStatusCode()
              + ")");
    }
    throw new OAuthException(
        Kind.PROTOCOL, "no server metadata for " + issuer + " at " + String.join(", ", tried));
  }

  /** The issuer a URL names: itself, or the part of a metadata URL around its well-known path. */
  static String issuerOf(HttpUrl url) {
    String origin = HttpParsers.origin(url);
    String path = url.encodedPath();
    if (path.endsWith(OIDC)) return origin + path.substring(0, path.length() - OIDC.length());
    if (path.endsWith(RFC_8414))
      return origin + path.substring(0, path.length() - RFC_8414.length());
    if (path.startsWith(RFC_8414 + "/")) return origin + path.substring(RFC_8414.length());
    return origin + (path.equals("/") ? "" : path);
  }

  /** The metadata URLs to try, in order. */
  static List<String> candidates(HttpUrl url, String issuer) {
    String path = url.encodedPath();
    if (path.endsWith(OIDC) || path.contains(RFC_8414)) return List.of(url.toString());
    String origin = HttpParsers.origin(url);
    String issuerPath = issuer.substring(origin.length());
    Set<String> urls = new LinkedHashSet<>();
    urls.add(origin + RFC_8414 + issuerPath);
    urls.add(issuer + RFC_8414);
    urls.add(issuer + OIDC);
    return new ArrayList<>(urls);
  }

  private static AuthorizationServerMetadata parse(Endpoint metadata, HTTPResponse answer)
      throws OAuthException {
    TokenAnswers.checkJsonObject(metadata, answer);
    try {
      return AuthorizationServerMetadata.parse(answer.getBody());
    } catch (ParseException e) {
      throw TokenAnswers.unreadable(metadata, answer, "server metadata", e);
    }
  }

  private static OAuthEndpoints endpoints(
      Endpoint metadata, AuthorizationServerMetadata meta, String issuer, Set<String> allowed)
      throws OAuthException {
    String named = meta.getIssuer() == null ? "" : meta.getIssuer().getValue();
    if (!trimSlash(named).equals(trimSlash(issuer))) {
      throw new OAuthException(
          Kind.REFUSED,
          "the "
              + metadata.where()
              + " names the issuer "
              + Redaction.scrub(named, List.of())
              + ", not "
              + issuer
              + "; not used");
    }
    Endpoint issuerEndpoint = Endpoint.of("issuer", named);
    Set<String> origins = new LinkedHashSet<>(allowed);
    origins.add(issuerEndpoint.origin());
    return new OAuthEndpoints(
        named,
        checked("authorization endpoint", meta.getAuthorizationEndpointURI(), origins, issuer),
        checked("token endpoint", meta.getTokenEndpointURI(), origins, issuer),
        checked(
            "device authorization endpoint",
            meta.getDeviceAuthorizationEndpointURI(),
            origins,
            issuer),
        checked("revocation endpoint", meta.getRevocationEndpointURI(), origins, issuer));
  }

  private static @Nullable String checked(
      String role, @Nullable URI uri, Set<String> origins, String issuer) throws OAuthException {
    if (uri == null) return null;
    Endpoint endpoint = Endpoint.of(role, uri.toString());
    if (!origins.contains(endpoint.origin())) {
      throw new OAuthException(
          Kind.REFUSED,
          "the metadata of "
              + issuer
              + " puts its "
              + role
              + " on "
              + endpoint.origin()
              + ", not on the issuer's origin or one allowed; not used");
    }
    return endpoint.url().toString();
  }

  private static Set<String> origins(Set<String> allowed) {
    Set<String> origins = new LinkedHashSet<>();
    for (String origin : allowed) {
      HttpUrl url = HttpParsers.url(origin);
      if (url == null) throw new IllegalArgumentException("not an http(s) origin: " + origin);
      origins.add(HttpParsers.origin(url));
    }
    return origins;
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

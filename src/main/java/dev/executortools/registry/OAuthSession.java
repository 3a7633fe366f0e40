package dev.executortools.registry;

import dev.executortools.auth.OAuthUrls;
import dev.executortools.auth.SchemeAuth;
import dev.executortools.auth.SignInException;
import dev.executortools.auth.Tokens;
import dev.executortools.internal.HttpParsers;
import dev.executortools.oauth.Discovery;
import dev.executortools.oauth.OAuthClient;
import dev.executortools.oauth.OAuthClientConfig;
import dev.executortools.oauth.OAuthEndpoints;
import dev.executortools.oauth.OAuthException;
import dev.executortools.oauth.TokenSet;
import dev.executortools.store.CredentialResolver;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One OAuth 2.0 scheme of one source, ready to talk to its authorization server: the client (its
 * secret resolved), the endpoints fixed when the source was added (or named by the discovery URL
 * fixed then), and the conversions between the protocol's tokens and the stored ones.
 */
final class OAuthSession {
  private final SchemeAuth.OAuth auth;
  private final OkHttpClient http;
  private final CredentialResolver credentials;
  final OAuthClient client;

  OAuthSession(
      SchemeAuth.OAuth auth, OkHttpClient http, CredentialResolver credentials, Clock clock) {
    this.auth = auth;
    this.http = http;
    this.credentials = credentials;
    this.client = new OAuthClient(http, clock);
  }

  /**
   * The client with its endpoints: those given when the source was added, completed by those a
   * sign-in discovered ({@code known}), else by discovery now when the source names a discovery URL
   * or a flow needs an endpoint the source lacks (the token endpoint's server metadata, RFC 8414).
   */
  OAuthClientConfig config(OAuthUrls known, boolean needDevice, boolean needRevocation) {
    OAuthUrls urls = merge(auth.urls(), known);
    boolean missing =
        urls.tokenUrl() == null
            || (auth.flow().equals("authorizationCode") && urls.authorizationUrl() == null)
            || (needDevice && urls.deviceAuthorizationUrl() == null)
            || (needRevocation && urls.revocationUrl() == null);
    if (missing) urls = merge(urls, discover(urls));
    String secret = auth.clientSecret() == null ? null : credentials.resolve(auth.clientSecret());
    return new OAuthClientConfig(
        auth.clientId(),
        secret,
        auth.scopes(),
        new OAuthEndpoints(
            null,
            urls.authorizationUrl(),
            urls.tokenUrl(),
            urls.deviceAuthorizationUrl(),
            urls.revocationUrl()));
  }

  /** The endpoints a config uses, to keep with the tokens so a refresh goes where sign-in went. */
  static OAuthUrls used(OAuthClientConfig config, SchemeAuth.OAuth auth) {
    OAuthEndpoints e = config.endpoints();
    return new OAuthUrls(
        e.authorizationUrl(),
        e.tokenUrl(),
        e.deviceAuthorizationUrl(),
        e.revocationUrl(),
        auth.urls().openIdConnectUrl());
  }

  Tokens tokens(TokenSet set, OAuthClientConfig config) {
    List<String> scopes = set.scopes().isEmpty() ? auth.scopes() : set.scopes();
    return new Tokens(
        set.accessToken(), set.refreshToken(), set.expiresAt(), scopes, used(config, auth));
  }

  static TokenSet tokenSet(Tokens tokens) {
    return new TokenSet(
        tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresAt(), tokens.scopes());
  }

  /** The failure in the terms of a sign-in: what the user can do about it. */
  static SignInException failure(OAuthException e) {
    SignInException.Kind kind =
        switch (e.kind()) {
          case INVALID_GRANT, ACCESS_DENIED -> SignInException.Kind.AUTH_REQUIRED;
          case TIMEOUT -> SignInException.Kind.TIMEOUT;
          case NETWORK -> SignInException.Kind.NETWORK;
          default -> SignInException.Kind.FAILED;
        };
    return new SignInException(kind, e.getMessage());
  }

  private OAuthUrls discover(OAuthUrls urls) {
    Set<String> allowed = new LinkedHashSet<>();
    urls.byField().values().forEach(url -> allowed.add(origin(url)));
    allowed.remove(null);
    Discovery discovery = new Discovery(http);
    if (urls.openIdConnectUrl() != null) {
      try {
        return found(discovery.discover(urls.openIdConnectUrl(), allowed), urls);
      } catch (OAuthException e) {
        throw failure(e);
      }
    }
    for (String issuer : issuers(urls.tokenUrl())) {
      try {
        return found(discovery.discover(issuer, allowed), urls);
      } catch (OAuthException e) {
        // optional metadata of a server whose endpoints the spec names: try the next issuer
      }
    }
    return urls;
  }

  private static OAuthUrls found(OAuthEndpoints found, OAuthUrls urls) {
    return new OAuthUrls(
        found.authorizationUrl(),
        found.tokenUrl(),
        found.deviceAuthorizationUrl(),
        found.revocationUrl(),
        urls.openIdConnectUrl());
  }

  /**
   * Where a token endpoint's server metadata (RFC 8414) may be: for the issuer its URL's parent
   * path names ({@code https://host/tenant} of {@code https://host/tenant/token}), then its origin.
   */
  private static List<String> issuers(String tokenUrl) {
    HttpUrl url = tokenUrl == null ? null : HttpParsers.url(tokenUrl);
    if (url == null) return List.of();
    String origin = HttpParsers.origin(url);
    String path = url.encodedPath();
    int slash = path.lastIndexOf('/');
    return slash > 0 ? List.of(origin + path.substring(0, slash), origin) : List.of(origin);
  }

  private static String origin(String url) {
    HttpUrl parsed = HttpParsers.url(url);
    return parsed == null ? null : HttpParsers.origin(parsed);
  }

  /** {@code first}'s URLs, each missing one taken from {@code second}. */
  private static OAuthUrls merge(OAuthUrls first, OAuthUrls second) {
    return new OAuthUrls(
        or(first.authorizationUrl(), second.authorizationUrl()),
        or(first.tokenUrl(), second.tokenUrl()),
        or(first.deviceAuthorizationUrl(), second.deviceAuthorizationUrl()),
        or(first.revocationUrl(), second.revocationUrl()),
        or(first.openIdConnectUrl(), second.openIdConnectUrl()));
  }

  private static String or(String a, String b) {
    return a != null ? a : b;
  }
}

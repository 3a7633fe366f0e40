package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Token requests (RFC 6749 §4, §6; RFC 8628 §3.4) of one client to its token endpoint. */
final class TokenEndpoint {
  private final OAuthHttp http;
  private final Clock clock;
  private final OAuthClientConfig config;
  private final Endpoint endpoint;

  TokenEndpoint(OAuthHttp http, Clock clock, OAuthClientConfig config) throws OAuthException {
    this.http = http;
    this.clock = clock;
    this.config = config;
    this.endpoint = Endpoint.of("token endpoint", config.endpoints().tokenUrl());
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /**
   * The tokens {@code grant} gets; {@code scopes} sent when not empty; the refresh token kept when
   * the answer has none; {@code secrets} (the grant's own) never in a message.
   */
  TokenSet tokens(
      AuthorizationGrant grant,
      List<String> scopes,
      @Nullable String previousRefreshToken,
      String... secrets)
      throws OAuthException {
    TokenResponse answer = answer(grant, scopes, secrets);
    if (!answer.indicatesSuccess()) {
      throw TokenAnswers.failure(
          endpoint, answer.toErrorResponse().getErrorObject(), secrets(secrets));
    }
    return TokenAnswers.tokens(
        answer.toSuccessResponse(), config.scopes(), previousRefreshToken, clock);
  }

  /** The answer to {@code grant}, a success or an OAuth error (the device flow reads the error). */
  TokenResponse answer(AuthorizationGrant grant, List<String> scopes, String... secrets)
      throws OAuthException {
    ClientAuthentication auth = ClientAuth.forEndpoint(config, endpoint, endpoint);
    HTTPRequest request;
    try {
      TokenRequest.Builder builder =
          auth == null
              ? new TokenRequest.Builder(endpoint.uri(), ClientAuth.clientId(config), grant)
              : new TokenRequest.Builder(endpoint.uri(), auth, grant);
      if (!scopes.isEmpty()) builder.scope(new Scope(scopes.toArray(String[]::new)));
      request = builder.build().toHTTPRequest();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new OAuthException(
          Kind.PROTOCOL,
          "no request for the " + endpoint.where() + " could be made: " + e.getMessage());
    }
    return TokenAnswers.parse(endpoint, http.send(endpoint, request));
  }

  /** The secrets of an exchange: the client secret and {@code more}. */
  List<String> secrets(String... more) {
    List<String> all = new ArrayList<>(List.of(more));
    if (config.clientSecret() != null) all.add(config.clientSecret());
    return all;
  }
}

package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Token revocation (RFC 7009): the refresh token first (which ends the grant on most servers), then
 * the access token; a server that cannot revoke access tokens ({@code unsupported_token_type}) is
 * no failure.
 */
final class Revocation {
  private final OAuthHttp http;
  private final OAuthClientConfig config;

  Revocation(OAuthHttp http, OAuthClientConfig config) {
    this.http = http;
    this.config = config;
  }

  void revoke(TokenSet tokens) throws OAuthException {
    String url = config.endpoints().revocationUrl();
    if (url == null || url.isBlank()) return;
    Endpoint endpoint = Endpoint.of("revocation endpoint", url);
    String tokenUrl = config.endpoints().tokenUrl();
    Endpoint tokenEndpoint =
        tokenUrl == null || tokenUrl.isBlank() ? null : Endpoint.of("token endpoint", tokenUrl);
    ClientAuthentication auth = ClientAuth.forEndpoint(config, endpoint, tokenEndpoint);
    List<String> secrets = new ArrayList<>(List.of(tokens.accessToken()));
    if (tokens.refreshToken() != null) secrets.add(tokens.refreshToken());
    if (config.clientSecret() != null) secrets.add(config.clientSecret());
    if (tokens.refreshToken() != null) {
      revokeOne(endpoint, auth, new RefreshToken(tokens.refreshToken()), secrets);
    }
    revokeOne(endpoint, auth, new BearerAccessToken(tokens.accessToken()), secrets);
  }

  private void revokeOne(
      Endpoint endpoint, @Nullable ClientAuthentication auth, Token token, List<String> secrets)
      throws OAuthException {
    TokenRevocationRequest request =
        auth == null
            ? new TokenRevocationRequest(endpoint.uri(), ClientAuth.clientId(config), token)
            : new TokenRevocationRequest(endpoint.uri(), auth, token);
    HTTPResponse answer = http.send(endpoint, request.toHTTPRequest());
    if (answer.indicatesSuccess()) return;
    TokenAnswers.checkJsonObject(endpoint, answer);
    ErrorObject error = ErrorObject.parse(answer);
    if ("unsupported_token_type".equals(error.getCode()) && token instanceof BearerAccessToken) {
      return;
    }
    throw TokenAnswers.failure(endpoint, error, secrets);
  }
}

package dev.executortools.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.executortools.oauth.OAuthException.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The authorization code grant of a native app: PKCE with S256 (RFC 7636), a random {@code state},
 * the browser sent to the authorization endpoint and back to a {@link LoopbackReceiver} (RFC 8252),
 * then the code exchanged at the token endpoint. An {@code iss} in the redirect (RFC 9207) must be
 * the configured issuer.
 */
final class AuthorizationCodeFlow {
  private final TokenEndpoint tokens;
  private final OAuthClientConfig config;

  AuthorizationCodeFlow(TokenEndpoint tokens, OAuthClientConfig config) {
    this.tokens = tokens;
    this.config = config;
  }

  TokenSet run(LoginPrompt prompt, Duration timeout) throws OAuthException {
    Endpoint authorize =
        Endpoint.of("authorization endpoint", config.endpoints().authorizationUrl());
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    URI redirect;
    AuthorizationCode code;
    try (LoopbackReceiver receiver =
        LoopbackReceiver.start(uri -> verdict(authorize, uri, state))) {
      redirect = receiver.redirectUri();
      AuthorizationRequest.Builder request =
          new AuthorizationRequest.Builder(ResponseType.CODE, ClientAuth.clientId(config))
              .endpointURI(authorize.uri())
              .redirectionURI(redirect)
              .state(state)
              .codeChallenge(verifier, CodeChallengeMethod.S256);
      if (!config.scopes().isEmpty()) {
        request.scope(new Scope(config.scopes().toArray(String[]::new)));
      }
      prompt.openAuthorizationUrl(request.build().toURI().toString());
      code = code(authorize, receiver.await(timeout), state);
    }
    return tokens.tokens(
        new AuthorizationCodeGrant(code, redirect, verifier),
        List.of(),
        null,
        code.getValue(),
        verifier.getValue());
  }

  /** The code of the callback, once its {@code state} is ours and it is no error. */
  private AuthorizationCode code(Endpoint authorize, URI callback, State state)
      throws OAuthException {
    AuthorizationResponse response = parse(authorize, callback);
    if (!state.equals(response.getState())) {
      throw new OAuthException(
          Kind.REFUSED,
          "the sign-in redirect came back with another state than the "
              + authorize.where()
              + " was given (a forged or stale redirect); no code was exchanged");
    }
    String issuer = config.endpoints().issuer();
    if (issuer != null
        && response.getIssuer() != null
        && !issuer.equals(response.getIssuer().getValue())) {
      throw new OAuthException(
          Kind.REFUSED,
          "the sign-in redirect names another issuer than "
              + issuer
              + " (RFC 9207: a mix-up of authorization servers); no code was exchanged");
    }
    if (!response.indicatesSuccess()) {
      throw TokenAnswers.failure(authorize, response.toErrorResponse().getErrorObject(), List.of());
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new OAuthException(
          Kind.PROTOCOL, "the sign-in redirect from the " + authorize.where() + " has no code");
    }
    return code;
  }

  private static AuthorizationResponse parse(Endpoint authorize, URI callback)
      throws OAuthException {
    try {
      return AuthorizationResponse.parse(callback);
    } catch (ParseException e) {
      throw new OAuthException(
          Kind.PROTOCOL,
          "the sign-in redirect from the "
              + authorize.where()
              + " is not an authorization response");
    }
  }

  /** What the browser is told: the same checks as {@link #code}, in words for a person. */
  private LoopbackReceiver.Verdict verdict(Endpoint authorize, URI callback, State state) {
    try {
      code(authorize, callback, state);
      return new LoopbackReceiver.Verdict(true, "Signed in. You can close this window.");
    } catch (OAuthException e) {
      return new LoopbackReceiver.Verdict(
          false,
          e.kind() == Kind.REFUSED
              ? "Sign-in refused: this redirect does not belong to the sign-in that was started."
              : "Sign-in failed. You can close this window.");
    }
  }
}

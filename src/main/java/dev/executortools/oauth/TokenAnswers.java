package dev.executortools.oauth;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.executortools.oauth.OAuthException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Token endpoint answers (RFC 6749 §5) read by the Nimbus SDK, as tokens or failures. */
final class TokenAnswers {
  private TokenAnswers() {}

  /** The answer parsed: a success or an OAuth error; anything else is {@link Kind#PROTOCOL}. */
  static TokenResponse parse(Endpoint endpoint, HTTPResponse response) throws OAuthException {
    checkJsonObject(endpoint, response);
    try {
      return TokenResponse.parse(response);
    } catch (ParseException e) {
      throw unreadable(endpoint, response, "token response", e);
    }
  }

  /**
   * A JSON answer that is not the {@code expected} kind; the parser's message says what is amiss (a
   * missing or mistyped member), after {@link #checkJsonObject} made sure it quotes no body.
   */
  static OAuthException unreadable(
      Endpoint endpoint, HTTPResponse response, String expected, ParseException e) {
    return new OAuthException(
        Kind.PROTOCOL,
        "the "
            + endpoint.where()
            + " answered HTTP "
            + response.getStatusCode()
            + " with no "
            + expected
            + ": "
            + Redaction.scrub(e.getMessage(), List.of()));
  }

  /**
   * A JSON object or nothing: its body is neither shown nor handed to a parser whose message could
   * quote it.
   */
  static void checkJsonObject(Endpoint endpoint, HTTPResponse response) throws OAuthException {
    String what = "the " + endpoint.where() + " answered HTTP " + response.getStatusCode();
    ContentType type = response.getEntityContentType();
    if (type == null || !type.matches(ContentType.APPLICATION_JSON)) {
      throw new OAuthException(
          Kind.PROTOCOL,
          what
              + " with "
              + (type == null ? "no content type" : Redaction.scrub(type.getType(), List.of()))
              + ", not JSON");
    }
    try {
      JSONObjectUtils.parse(response.getBody());
    } catch (ParseException e) {
      throw new OAuthException(Kind.PROTOCOL, what + " with malformed JSON (not an object)");
    }
  }

  /** The tokens of a success; the scopes requested when it names none. */
  static TokenSet tokens(
      AccessTokenResponse success,
      List<String> requested,
      @Nullable String previousRefreshToken,
      Clock clock) {
    AccessToken access = success.getTokens().getAccessToken();
    RefreshToken refresh = success.getTokens().getRefreshToken();
    Instant expiresAt =
        access.getLifetime() > 0 ? clock.instant().plusSeconds(access.getLifetime()) : null;
    List<String> scopes = access.getScope() == null ? requested : access.getScope().toStringList();
    return new TokenSet(
        access.getValue(),
        refresh == null ? previousRefreshToken : refresh.getValue(),
        access.getType().getValue(),
        expiresAt,
        scopes);
  }

  /** An OAuth error of {@code endpoint} as a failure; {@code secrets} never appear in it. */
  static OAuthException failure(Endpoint endpoint, ErrorObject error, List<String> secrets) {
    String code = error.getCode() == null ? "" : error.getCode();
    Kind kind =
        switch (code) {
          case OAuth2Error.INVALID_GRANT_CODE -> Kind.INVALID_GRANT;
          case OAuth2Error.ACCESS_DENIED_CODE -> Kind.ACCESS_DENIED;
          default -> Kind.SERVER_ERROR;
        };
    String description = Redaction.scrub(error.getDescription(), secrets);
    String shownCode = Redaction.scrub(code, secrets);
    return new OAuthException(
        kind,
        code.isEmpty() ? null : code,
        "the "
            + endpoint.where()
            + " answered "
            + (shownCode.isEmpty() ? "an error" : shownCode)
            + (description.isEmpty() ? "" : ": " + description));
  }
}

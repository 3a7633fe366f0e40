package dev.executortools.aws;

import java.util.Map;
import java.util.Set;

/**
 * The SSO-OIDC error shapes, from the AWS service model ({@code
 * sso-oidc/2019-06-10/service-2.json}): each exception's body carries {@code error} (the OAuth 2.0
 * / RFC 8628 code below) and {@code error_description}; statuses are 400, except
 * InvalidClientException (401) and InternalServerException (500). {@code invalid_request} is shared
 * by InvalidRequestException and InvalidRequestRegionException; without the header it is taken as
 * the former.
 */
final class SsoOidcErrors {
  static final Map<String, String> TYPE_BY_ERROR_CODE =
      Map.ofEntries(
          Map.entry("access_denied", "AccessDeniedException"),
          Map.entry("authorization_pending", "AuthorizationPendingException"),
          Map.entry("expired_token", "ExpiredTokenException"),
          Map.entry("server_error", "InternalServerException"),
          Map.entry("invalid_client", "InvalidClientException"),
          Map.entry("invalid_client_metadata", "InvalidClientMetadataException"),
          Map.entry("invalid_grant", "InvalidGrantException"),
          Map.entry("invalid_redirect_uri", "InvalidRedirectUriException"),
          Map.entry("invalid_request", "InvalidRequestException"),
          Map.entry("invalid_scope", "InvalidScopeException"),
          Map.entry("slow_down", "SlowDownException"),
          Map.entry("unauthorized_client", "UnauthorizedClientException"),
          Map.entry("unsupported_grant_type", "UnsupportedGrantTypeException"));

  /** Worth calling again: still waiting for the user, polling too fast, or a server fault. */
  static final Set<String> RETRYABLE_TYPES =
      Set.of("AuthorizationPendingException", "SlowDownException", "InternalServerException");

  private SsoOidcErrors() {}

  static AwsJsonErrorModel model() {
    return new AwsJsonErrorModel(TYPE_BY_ERROR_CODE, RETRYABLE_TYPES);
  }
}
